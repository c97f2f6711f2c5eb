// Starts a TypeScript worker: Node 20 does not pass tsx's loader (--import) on to worker threads, so the worker
// registers it itself before importing its real entry. Only used while the server runs from source (tsx, vitest).
import { workerData } from 'node:worker_threads';

const { register } = await import(workerData.tsx);
register();
await import(workerData.entry);
