import 'reflect-metadata';
import { benchApi } from './api.bench';
import { benchClient } from './client.bench';
import { benchEdge } from './edge.bench';
import { benchNetwork } from './network.bench';
import { benchSeed } from './seed.bench';
import { benchWrite } from './write.bench';

const BENCHMARKS: Record<string, () => Promise<void>> = {
  seed: benchSeed,
  api: benchApi,
  client: benchClient,
  network: benchNetwork,
  edge: benchEdge,
  write: benchWrite,
};

const names = process.argv.slice(2);
const unknown = names.filter((name) => !BENCHMARKS[name]);
if (names.length === 0 || unknown.length > 0) {
  console.error(`usage: pnpm bench <${Object.keys(BENCHMARKS).join('|')}> …${unknown.length > 0 ? ` (unknown: ${unknown.join(', ')})` : ''}`);
  process.exit(1);
}
for (const name of names) await BENCHMARKS[name]!();
process.exit(0);
