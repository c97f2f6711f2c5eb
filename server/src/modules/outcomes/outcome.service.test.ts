import { describe, expect, it } from 'vitest';
import type { ContributionService } from '../contributions/contribution.service';
import type { ExposureRow, OutcomeRepository } from './outcome.repository';
import { OutcomeService } from './outcome.service';
import type { ShownRanking } from './outcome.types';

const ranking = (order: string[], weight = 3): ShownRanking => ({
  taskArea: { id: 'standesamt' },
  maxDistanceKm: 40,
  targetPopulation: 30000,
  weights: [
    { key: 'PROXIMITY', weight },
    { key: 'SAME_DISTRICT', weight: 1.9 },
  ],
  candidates: order.map((ags, i) => ({ rank: i + 1, score: 80 - i, municipality: { ags } })),
});
const idea = (viewerCanEdit: boolean, viewerIsOwner = viewerCanEdit) => ({ viewerCanEdit, viewerIsOwner, record: { id: 'idea-1', taskAreaId: 'standesamt' } });

function service(write: (rows: ExposureRow[]) => Promise<void>) {
  const repository = { recordExposures: write } as unknown as OutcomeRepository;
  const lines: string[] = [];
  const s = new OutcomeService(
    repository,
    {} as ContributionService,
    async () => 'v1',
    (line) => lines.push(line),
  );
  return { s, lines };
}

describe('OutcomeService.shown: exposures of the suggestions shown', () => {
  it('returns the answer unchanged at once and records the owner side’s view once per idea, candidate and ranking version', async () => {
    const batches: ExposureRow[][] = [];
    const { s } = service(async (rows) => void batches.push(rows));
    const shown = ranking(['05958004', '05958032', '05958040']);
    expect(s.shown(idea(true), shown)).toBe(shown);
    s.shown(idea(true), shown);
    await s.flush();
    s.shown(idea(true), shown);
    await s.flush();
    const rows = batches.flat();
    // The first two calls raced; the write is an idempotent MERGE on the key, and the third call wrote nothing.
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
    expect(batches.length).toBeLessThanOrEqual(2);
    expect(rows[0]).toMatchObject({ ideaId: 'idea-1', municipalityAgs: '05958004', rank: 1, score: 80, snapshotVersion: 'v1', shownTo: 'OWNER' });
    // One batch per view (UNWIND), never a write per candidate.
    expect(batches[0]!.length).toBe(3);
  });

  it('records nothing for views that are not the owner side’s or the office’s', async () => {
    const batches: ExposureRow[][] = [];
    const { s } = service(async (rows) => void batches.push(rows));
    s.shown(idea(false), ranking(['05958004']));
    s.shown(idea(true), null);
    await s.flush();
    expect(batches).toEqual([]);
  });

  it('a new ranking version (weights or order changed) is recorded again; 10 or 25 of the same ranking are one version', () => {
    const ten = ranking(Array.from({ length: 10 }, (_, i) => `0595800${i}`));
    const more = ranking([...ten.candidates.map((c) => c.municipality.ags), '05958099']);
    expect(OutcomeService.rankingVersion(more)).toBe(OutcomeService.rankingVersion(ten));
    expect(OutcomeService.rankingVersion(ranking(['a', 'b']))).not.toBe(OutcomeService.rankingVersion(ranking(['b', 'a'])));
    expect(OutcomeService.rankingVersion(ranking(['a', 'b'], 4))).not.toBe(OutcomeService.rankingVersion(ranking(['a', 'b'], 3)));
  });

  it('a failing write never reaches the answer: it is counted and logged', async () => {
    const { s, lines } = service(async () => {
      throw new Error('database down');
    });
    const shown = ranking(['05958004']);
    expect(s.shown(idea(true, false), shown)).toBe(shown);
    await s.flush();
    expect(s.failures).toBe(1);
    expect(lines[0]).toMatch(/idea-1 not recorded: database down/);
    // Not remembered as written: the next view tries again.
    s.shown(idea(true, false), shown);
    await s.flush();
    expect(s.failures).toBe(2);
  });
});
