import 'reflect-metadata';
import { evalMatching } from './matching.eval';

const EVALUATIONS: Record<string, (args: string[]) => Promise<void>> = { matching: evalMatching };

const [name, ...args] = process.argv.slice(2);
if (!name || !EVALUATIONS[name]) {
  console.error(`usage: pnpm eval <${Object.keys(EVALUATIONS).join('|')}> [--fit] [--examples ID,ID,…] [--board-test-data] [--no-board] [--uri=bolt://…]`);
  process.exit(1);
}
await EVALUATIONS[name](args);
process.exit(0);
