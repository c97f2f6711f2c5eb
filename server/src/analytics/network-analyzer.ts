import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzeNetwork, districtDensities, type DistrictDensity, type NetworkAnalysis, type NetworkInput } from './network';

export interface NetworkResult {
  analysis: NetworkAnalysis;
  districts: DistrictDensity[];
}

/** Computes communities, centrality, layout and Kreis densities of a network. */
export interface NetworkAnalyzer {
  analyze(input: NetworkInput): Promise<NetworkResult>;
  close(): Promise<void>;
}

/** On the calling thread: for scripts and benchmarks that compare the algorithms themselves. */
export class InlineNetworkAnalyzer implements NetworkAnalyzer {
  async analyze(input: NetworkInput): Promise<NetworkResult> {
    return { analysis: analyzeNetwork(input), districts: districtDensities(input) };
  }

  async close(): Promise<void> {}
}

const here = fileURLToPath(import.meta.url);
// The worker is a sibling of this file: network.worker.ts from source (tsx, vitest), network.worker.js once compiled.
const WORKER_ENTRY = new URL(`./network.worker${path.extname(here)}`, import.meta.url);

/** A TypeScript entry goes through ts-worker.mjs, which registers tsx inside the worker first. */
function newWorker(): Worker {
  if (!here.endsWith('.ts')) return new Worker(WORKER_ENTRY);
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  return new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: { tsx, entry: WORKER_ENTRY.href } });
}

/**
 * Louvain, betweenness and ForceAtlas2 take hundreds of milliseconds per filter: they run in one worker thread, so
 * the event loop keeps answering (health checks, other requests) while a network is computed (docs/decisions/009).
 * Requests queue in the worker; a crashed worker fails its pending requests and is started again on the next one.
 */
export class WorkerNetworkAnalyzer implements NetworkAnalyzer {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (result: NetworkResult) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  analyze(input: NetworkInput): Promise<NetworkResult> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise<NetworkResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = newWorker();
    worker.on('message', (message: { id: number; result?: NetworkResult; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      // An idle worker must not keep a process alive that is otherwise done (scripts, tests).
      if (this.pending.size === 0) worker.unref();
      if (message.result) waiting.resolve(message.result);
      else waiting.reject(new Error(`network analysis failed: ${message.error ?? 'unknown error'}`));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`network analysis worker stopped (exit code ${code})`)));
    return worker;
  }
}
