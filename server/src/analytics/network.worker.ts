import { parentPort } from 'node:worker_threads';
import { analyzeNetwork, districtDensities, type NetworkInput } from './network';

/** The worker side of network-analyzer.ts: one analysis per message, answered with the same id. */
parentPort!.on('message', ({ id, input }: { id: number; input: NetworkInput }) => {
  try {
    parentPort!.postMessage({ id, result: { analysis: analyzeNetwork(input), districts: districtDensities(input) } });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
