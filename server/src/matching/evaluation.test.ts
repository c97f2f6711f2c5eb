import { describe, expect, it } from 'vitest';
import { COMPONENT_KEYS } from './components';
import { CooperationIndex, type IndexedCooperation } from './cooperation-index';
import {
  boardCaseFor,
  borderKreisDistance,
  casesFor,
  EVAL_SIGNALS,
  evaluationCooperations,
  foldOf,
  metrics,
  nearestFirst,
  rankByWeights,
  resultOf,
  shownResult,
  type EvalCandidate,
  type EvalCase,
  type SignalKey,
} from './evaluation';
import { fitWeights } from './fit';
import { Geography } from './geography';
import { testPlace } from './test-places';
import type { TaskProfile } from './types';
import { weightsFor } from './weights';

const raw = (values: Partial<Record<SignalKey, number>>) => Float64Array.from(EVAL_SIGNALS, (s) => values[s.key as SignalKey] ?? 0);
const candidate = (ags: string, distanceKm: number, values: Parameters<typeof raw>[0] = {}, border = false, sameDistrict = false): EvalCandidate => ({
  ags,
  raw: raw(values),
  distanceKm,
  border,
  sameDistrict,
});

describe('evaluation metrics', () => {
  const evalCase: EvalCase = {
    cooperationId: 'K1',
    cooperationName: 'K1',
    taskAreaId: 'vhs',
    focal: 'F',
    targets: ['B', 'D'],
    candidates: [candidate('A', 1), candidate('B', 5, {}, true), candidate('C', 3, {}, false, true), candidate('D', 9)],
  };

  it('takes the rank of the first real partner, and the share of partners in the top 10', () => {
    expect(resultOf(evalCase, nearestFirst(evalCase))).toMatchObject({ firstRank: 3, recall10: 1 });
    expect(resultOf(evalCase, borderKreisDistance(evalCase)).firstRank).toBe(1);
    const m = metrics([resultOf(evalCase, nearestFirst(evalCase)), { cooperationId: 'K2', taskAreaId: 'vhs', firstRank: null, recall10: 0 }]);
    expect(m).toEqual({ cases: 2, mrr: 1 / 6, hit5: 0.5, hit10: 0.5, recall10: 0.5 });
  });

  it('ranks by the weighted raw values like the engine, ties by AGS', () => {
    const weights = Object.fromEntries(COMPONENT_KEYS.map((k) => [k, k === 'EXISTING_TIES' ? 1 : 0])) as ReturnType<typeof weightsFor>;
    const tied: EvalCase = {
      ...evalCase,
      candidates: [candidate('Z', 1, { EXISTING_TIES: 0.5 }), candidate('Y', 1, { EXISTING_TIES: 0.5 }), candidate('X', 1, { EXISTING_TIES: 0.9 })],
    };
    expect(rankByWeights(tied, weights).map((c) => c.ags)).toEqual(['X', 'Y', 'Z']);
  });

  it('puts a cooperation in one fold only, the same every run', () => {
    expect(foldOf('A012', 5)).toBe(foldOf('A012', 5));
    const folds = new Set(Array.from({ length: 50 }, (_, i) => foldOf(`K${i}`, 5)));
    expect(folds.size).toBe(5);
  });
});

describe('weight fitting', () => {
  it('gives weight to a component that tells the real partners apart, and none to one that does not', () => {
    const taskAreas = new Map<string, TaskProfile>([
      ['vhs', { id: 'vhs', nameDe: 'VHS', nameEn: 'VHS', proximity: 0.5, efficientScale: 60_000, sizeFit: 'SIMILAR' }],
    ]);
    // In every case the real partner has shared history; the noise component is random and equal on average.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const cases: EvalCase[] = Array.from({ length: 60 }, (_, i) => ({
      cooperationId: `K${i}`,
      cooperationName: `K${i}`,
      taskAreaId: 'vhs',
      focal: 'F',
      targets: ['T'],
      candidates: [
        candidate('T', 10, { SHARED_HISTORY: 1, CAPACITY: random() }),
        ...Array.from({ length: 20 }, (_, j) => candidate(`N${j}`, 10, { SHARED_HISTORY: random() < 0.2 ? 1 : 0, CAPACITY: random() })),
      ],
    }));
    const fitted = fitWeights(cases, taskAreas, { iterations: 200, signals: new Set<SignalKey>(['SHARED_HISTORY', 'CAPACITY', 'PROXIMITY']) });
    expect(fitted.SHARED_HISTORY.base).toBeGreaterThan(fitted.CAPACITY.base + 1);
    expect(Math.max(...EVAL_SIGNALS.map((s) => fitted[s.key as SignalKey].base + Math.max(0, fitted[s.key as SignalKey].perProximity)))).toBeCloseTo(5, 1);
    // By default only the score components are fitted; a signal that is not one weighs 0.
    const product = fitWeights(cases, taskAreas, { iterations: 50 });
    expect(product.SHARED_HISTORY).toEqual({ base: 0, perProximity: 0 });
    expect(COMPONENT_KEYS).not.toContain('SHARED_HISTORY');
  });
});

describe('leave-one-out cases', () => {
  const F = testPlace('05958001', 7.0, 51.0);
  const A = testPlace('05958002', 7.1, 51.0);
  const B = testPlace('05958003', 6.9, 51.0);
  const geography = new Geography([F, A, B], [{ a: F.ags, b: A.ags, lengthKm: 5, touch: false }]);
  const coop = (id: string, members: string[], taskAreaIds = ['vhs']): IndexedCooperation => ({
    id,
    name: id,
    legalForm: 'ZWECKVERBAND',
    provenance: 'RESEARCHED',
    status: 'ACTIVE',
    confidence: 'HIGH',
    taskAreaIds,
    members: members.map((key) => ({ kind: 'MUNICIPALITY', key, role: 'MEMBER' })),
  });
  const taskAreas = new Map<string, TaskProfile>([
    ['vhs', { id: 'vhs', nameDe: 'VHS', nameEn: 'VHS', proximity: 0.6, efficientScale: 60_000, sizeFit: 'SIMILAR' }],
  ]);

  it('asks once per member, hides the cooperation itself, and leaves out partners already joined in the task elsewhere', () => {
    const index = new CooperationIndex([coop('K1', [F.ags, A.ags, B.ags]), coop('K2', [F.ags, A.ags]), coop('K3', [F.ags])]);
    expect(evaluationCooperations(index.all(), geography).map((c) => c.id)).toEqual(['K1', 'K2']);
    const { cases, withoutNewPartner } = casesFor(index.all()[0]!, index, geography, taskAreas);
    // F and A are partners through K2, so for F only B is new, for A only B, for B both.
    expect(cases.map((c) => [c.focal, c.targets])).toEqual([
      [F.ags, [B.ags]],
      [A.ags, [B.ags]],
      [B.ags, [F.ags, A.ags]],
    ]);
    expect(withoutNewPartner).toBe(0);
    // K1 is hidden: B has no tie with F in the evidence.
    const forF = cases[0]!.candidates.find((c) => c.ags === B.ags)!;
    expect(forF.raw[EVAL_SIGNALS.findIndex((s) => s.key === 'EXISTING_TIES')]).toBe(0);
    const k2 = casesFor(index.all()[1]!, index, geography, taskAreas);
    expect(k2.cases).toHaveLength(0);
    expect(k2.withoutNewPartner).toBe(2);
  });
});

describe('board outcomes: the second table’s cases', () => {
  const F = testPlace('05958001', 7.0, 51.0);
  const A = testPlace('05958002', 7.1, 51.0);
  const B = testPlace('05958003', 6.9, 51.0);
  const C = testPlace('05958004', 7.0, 51.1);
  const geography = new Geography([F, A, B, C], [{ a: F.ags, b: A.ags, lengthKm: 5, touch: false }]);
  const coop = (id: string, members: string[], status: IndexedCooperation['status'] = 'ACTIVE'): IndexedCooperation => ({
    id,
    name: id,
    legalForm: 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG',
    provenance: 'USER',
    status,
    confidence: 'MEDIUM',
    taskAreaIds: ['vhs'],
    members: members.map((key) => ({ kind: 'MUNICIPALITY', key, role: 'MEMBER' })),
  });
  const taskAreas = new Map<string, TaskProfile>([
    ['vhs', { id: 'vhs', nameDe: 'VHS', nameEn: 'VHS', proximity: 0.6, efficientScale: 60_000, sizeFit: 'SIMILAR' }],
  ]);
  const outcome = {
    ideaId: 'i1',
    ownerAgs: F.ags,
    taskAreaId: 'vhs',
    radiusKm: 40,
    targetPopulation: null,
    shown: [
      { ags: A.ags, rank: 1 },
      { ags: C.ags, rank: 2 },
    ],
    partners: [A.ags, B.ags],
    cooperationIds: ['BOARD1'],
  };

  it('asks the owner, hides the record the idea became, and takes the rank the engine showed (a partner not shown misses)', () => {
    // BOARD1 is the record the idea became (F, A, B, active): hidden, otherwise A and B would be existing partners.
    const index = new CooperationIndex([coop('BOARD1', [F.ags, A.ags, B.ags])]);
    const c = boardCaseFor(outcome, index, geography, taskAreas)!;
    expect(c).toMatchObject({ cooperationId: 'idea:i1', focal: F.ags, targets: [A.ags, B.ags].sort() });
    expect(c.candidates.map((x) => x.ags).sort()).toEqual([A.ags, B.ags, C.ags].sort());
    expect(shownResult(c)).toMatchObject({ firstRank: 1, partnerRanks: [1, null], recall10: 0.5 });
    // The baselines order the same candidates.
    expect(resultOf(c, nearestFirst(c)).firstRank).not.toBeNull();
  });

  it('leaves out partners that already cooperated with the owner in the task through another record in force', () => {
    const index = new CooperationIndex([coop('BOARD1', [F.ags, A.ags, B.ags]), coop('OLD', [F.ags, A.ags])]);
    expect(boardCaseFor(outcome, index, geography, taskAreas)!.targets).toEqual([B.ags]);
    const onlyOld = new CooperationIndex([coop('OLD', [F.ags, A.ags, B.ags])]);
    expect(boardCaseFor({ ...outcome, cooperationIds: [] }, onlyOld, geography, taskAreas)).toBeNull();
  });

  it('the fit takes board cases as extra pairs; with weight 0 they change nothing', () => {
    const index = new CooperationIndex([coop('BOARD1', [F.ags, A.ags, B.ags])]);
    const board = boardCaseFor(outcome, index, geography, taskAreas)!;
    const register = casesFor(coop('K1', [F.ags, A.ags, B.ags]), new CooperationIndex([coop('K1', [F.ags, A.ags, B.ags])]), geography, taskAreas).cases;
    const options = { iterations: 30 };
    const without = fitWeights(register, taskAreas, options);
    expect(fitWeights([...register, board], taskAreas, { ...options, caseWeight: (c) => (c.cooperationId.startsWith('idea:') ? 0 : 1) })).toEqual(without);
    expect(fitWeights([...register, board], taskAreas, options)).not.toEqual(without);
    expect(foldOf(board.cooperationId, 5)).toBe(foldOf('idea:i1', 5));
  });
});
