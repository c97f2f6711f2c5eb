import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { openCliDatabase, StartupError } from '@ka/db';
import { DataDirectoryError, DatasetConflictError, importData, type Scope } from './import';
import type { Progress } from './load/writer';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const USAGE = `Usage: pnpm seed [options]
  --scope nrw|de      what to import: the 396 NRW municipalities and their neighbours across the Land border
                      (default) or all of Germany
  --data-dir DIR      the official data files (default: KA_DATA_DIR or ../shared/data)
  --synthetic         for benchmarks only: an entirely generated set of cooperations instead of the register of
                      real ones (never both in one database: the import refuses to mix them without --wipe)
  --seed N            seed of the cooperation generator (default 2024; with --synthetic)
  --wipe              delete the whole graph before importing (says how much it deleted)
Neo4j: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD; without NEO4J_URI the running app's database on
127.0.0.1:\${NEO4J_BOLT_PORT:-7687} is used, or the embedded one is started on .data/neo4j.
Exit codes: 0 imported, 2 imported with bad rows left out (listed), 1 failed.`;

/** A bar per stage on a terminal, plain lines otherwise (CI logs, pipes). */
function makeProgress(): { progress: Progress; stop: () => void } {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{stage} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let current = '';
    return {
      progress: (stage, done, total) => {
        if (stage !== current) {
          if (current) bar.stop();
          current = stage;
          bar.start(total, done, { stage: stage.padEnd(28) });
        } else {
          bar.setTotal(total);
          bar.update(done);
        }
      },
      stop: () => bar.stop(),
    };
  }
  return {
    progress: (stage, done, total) => {
      if (done === total) console.log(`  ${stage}: ${total}`);
    },
    stop: () => undefined,
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scope: { type: 'string', default: 'nrw' },
      'data-dir': { type: 'string' },
      synthetic: { type: 'boolean', default: false },
      seed: { type: 'string', default: '2024' },
      wipe: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.scope !== 'nrw' && values.scope !== 'de') throw new StartupError(`--scope must be nrw or de, not "${values.scope}"`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new StartupError(`--seed must be a non-negative integer, not "${values.seed}"`);
  const dataDir = path.resolve(values['data-dir'] ?? process.env.KA_DATA_DIR ?? path.join(REPO_ROOT, '..', 'shared', 'data'));

  const { driver, uri, database, close } = await openCliDatabase(REPO_ROOT);
  const { progress, stop } = makeProgress();
  try {
    const what = `${values.scope === 'nrw' ? 'NRW' : 'Germany'} with ${values.synthetic ? 'synthetic (generated) cooperations' : 'the register of real cooperations'}`;
    console.log(`importing ${what} from ${dataDir} into ${uri}`);
    const report = await importData({
      driver,
      database,
      dataDir,
      scope: values.scope as Scope,
      synthetic: values.synthetic,
      seed,
      wipe: values.wipe,
      progress,
    });
    stop();

    console.log('\nSummary');
    console.table(Object.fromEntries([...report.counts].map(([key, n]) => [key, { count: n }])));
    for (const note of report.notes) console.log(`note: ${note}`);
    console.log(`time: ${[...report.timings].map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    if (report.problems.length > 0) {
      console.log(`\n${report.problems.length} bad row(s) left out, everything else imported:`);
      for (const line of report.problemLines()) console.log(`  ${line}`);
      return 2;
    }
    console.log('no bad rows');
    return 0;
  } finally {
    stop();
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof StartupError || error instanceof DataDirectoryError || error instanceof DatasetConflictError;
    console.error(`seed failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    if (!known && process.env.DEBUG) console.error(error);
    process.exit(1);
  },
);
