import { GraphWriter, prepareData, writeData } from '@ka/seed';
import { DATA_DIR } from '../support/paths';
import { benchDatabase, seconds, timed, wipe } from './harness';

/**
 * `pnpm bench seed`: wall time of the NRW import (the register of real cooperations, regions, cross-border
 * neighbours) and of the Germany import (a synthetic dataset for scale) once Neo4j is up, and in the same run a
 * non-batched baseline (one row per transaction) on a sample, to show what UNWIND batching buys.
 */
export async function benchSeed(): Promise<void> {
  const db = await benchDatabase();
  const rows: Array<Record<string, string>> = [];
  try {
    const nrwPrepared = await timed(async () => prepareData({ dataDir: DATA_DIR, scope: 'nrw' }));
    const nrw = await timed(() => writeData({ driver: db.driver }, nrwPrepared.result));
    const crossBorder = nrw.result.counts.get('Municipality (cross-border)') ?? 0;
    rows.push({
      run: 'NRW import into an empty database',
      rows: `${(nrw.result.counts.get('Municipality') ?? 0) - crossBorder} + ${crossBorder} cross-border municipalities, ${nrw.result.counts.get('Cooperation (researched)')} register cooperations`,
      'wall time': seconds(nrwPrepared.ms + nrw.ms),
      target: '≤ 10 s',
    });
    const again = await timed(async () => writeData({ driver: db.driver }, prepareData({ dataDir: DATA_DIR, scope: 'nrw' })));
    rows.push({
      run: 'NRW import again (idempotent re-run)',
      rows: `${again.result.counts.get('Cooperation (researched)')} register cooperations`,
      'wall time': seconds(again.ms),
      target: '',
    });

    // Baseline on a sample: the NRW municipalities and the borders among them, batched vs. one row per transaction.
    const { municipalities, states, regions, districts } = nrwPrepared.result;
    const nrwAgs = new Set(municipalities.map((m) => m.ags));
    const borders = nrwPrepared.result.borders.filter((b) => nrwAgs.has(b.a) && nrwAgs.has(b.b));
    const writer = new GraphWriter(db.driver, 'neo4j');
    await wipe(db.driver);
    await writer.writeStates(states);
    await writer.writeRegions(regions);
    await writer.writeDistricts(districts);
    const batched = await timed(async () => {
      await writer.writeMunicipalities('Kommunen', municipalities);
      await writer.writeBorders(borders);
    });
    await wipe(db.driver);
    await writer.writeStates(states);
    await writer.writeRegions(regions);
    await writer.writeDistricts(districts);
    const perRow = await timed(async () => {
      for (const m of municipalities) await writer.writeMunicipalities('Kommunen', [m]);
      for (const b of borders) await writer.writeBorders([b]);
    });
    const sample = `${municipalities.length + borders.length} rows`;
    rows.push({ run: 'sample, batched (UNWIND, 1000 rows per transaction)', rows: sample, 'wall time': seconds(batched.ms), target: '' });
    rows.push({ run: 'sample, baseline (one row per transaction)', rows: sample, 'wall time': seconds(perRow.ms), target: '' });
    rows.push({ run: 'ratio baseline / batched', rows: '', 'wall time': `${(perRow.ms / batched.ms).toFixed(1)}×`, target: '' });

    await wipe(db.driver);
    const de = await timed(async () => writeData({ driver: db.driver }, prepareData({ dataDir: DATA_DIR, scope: 'de', synthetic: true })));
    rows.push({
      run: 'Germany import (synthetic dataset) into an empty database',
      rows: `${de.result.counts.get('Municipality')} municipalities, ${de.result.counts.get('BORDERS')} borders, ${de.result.counts.get('Cooperation (generated)')} generated cooperations`,
      'wall time': seconds(de.ms),
      target: '≤ 60 s',
    });
    rows.push({
      run: '  of which bad rows reported',
      rows: `${de.result.problems.length} (units without a 2023 register entry, …)`,
      'wall time': '',
      target: '',
    });
  } finally {
    await db.close();
  }
  console.log('\npnpm bench seed — on this machine, Neo4j already running');
  console.table(rows);
}
