import { COMPONENTS, type ComponentDefinition, type ComponentKey, type Weights } from './components';
import { REJECTED_SIGNALS } from './rejected-signals';
import type { CooperationIndex, IndexedCooperation } from './cooperation-index';
import type { Geography } from './geography';
import { defaultMaxDistanceKm, factsFor } from './partners';
import type { Place, TaskProfile } from './types';

/**
 * Leave-one-out evaluation of the ranking on the real register (`pnpm eval matching`, docs/matching.md): for every
 * cooperation with 2–8 municipal members and for each member, the cooperation is removed from the evidence, the
 * engine ranks partners in its task area with the default settings, and we look where the other members appear.
 */

export const MIN_MEMBERS = 2;

/** What the evaluation measures for every candidate: the score components, then the signals that were not kept. */
export const EVAL_SIGNALS: readonly ComponentDefinition[] = [...COMPONENTS, ...REJECTED_SIGNALS];
export type SignalKey = ComponentKey | (typeof REJECTED_SIGNALS)[number]['key'];
export const MAX_MEMBERS = 8;

/** One question to the engine: partners for `focal` in `taskAreaId`, whose true answer is `targets`. */
export interface EvalCase {
  cooperationId: string;
  cooperationName: string;
  taskAreaId: string;
  focal: string;
  /** The other members that are new partners (not already partners in the task through another cooperation). */
  targets: string[];
  /** Every candidate the engine scores (within the default radius, existing task partners left out). */
  candidates: EvalCandidate[];
}

export interface EvalCandidate {
  ags: string;
  /** The raw value of each signal, in the order of EVAL_SIGNALS. */
  raw: Float64Array;
  distanceKm: number;
  border: boolean;
  sameDistrict: boolean;
}

/** Cooperations the evaluation asks about, and why others are left out. */
export function evaluationCooperations(cooperations: readonly IndexedCooperation[], geography: Geography): IndexedCooperation[] {
  return cooperations
    .filter((c) => {
      const members = new Set(c.members.filter((m) => m.kind === 'MUNICIPALITY' && geography.places.has(m.key)).map((m) => m.key));
      return members.size >= MIN_MEMBERS && members.size <= MAX_MEMBERS && c.taskAreaIds.length > 0;
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * The cases of one cooperation: one per member, with every candidate's component values computed with the
 * cooperation hidden. The task area is the cooperation's first (its main task in the register).
 */
export function casesFor(
  cooperation: IndexedCooperation,
  index: CooperationIndex,
  geography: Geography,
  taskAreas: Map<string, TaskProfile>,
): { cases: EvalCase[]; withoutNewPartner: number } {
  const task = taskAreas.get(cooperation.taskAreaIds[0]!)!;
  const members = [...new Set(cooperation.members.filter((m) => m.kind === 'MUNICIPALITY' && geography.places.has(m.key)).map((m) => m.key))].sort();
  const radius = defaultMaxDistanceKm(task);
  const cases: EvalCase[] = [];
  let withoutNewPartner = 0;
  for (const ags of members) {
    const focal = geography.places.get(ags)!;
    const evidence = index.evidenceFor(geography, focal, task.id, radius, cooperation.id);
    const targets = members.filter((m) => m !== ags && !evidence.existingTaskPartners.has(m));
    if (targets.length === 0) {
      withoutNewPartner++;
      continue;
    }
    const candidates = candidatesFor(geography, focal, task, radius, evidence, task.efficientScale);
    cases.push({ cooperationId: cooperation.id, cooperationName: cooperation.name, taskAreaId: task.id, focal: ags, targets, candidates });
  }
  return { cases, withoutNewPartner };
}

/** Every candidate the engine scores for `focal` within `radius` (existing task partners left out), with its signals. */
function candidatesFor(
  geography: Geography,
  focal: Place,
  task: TaskProfile,
  radius: number,
  evidence: ReturnType<CooperationIndex['evidenceFor']>,
  target: number,
): EvalCandidate[] {
  const hops = geography.hopsFrom(focal.ags);
  const candidates: EvalCandidate[] = [];
  for (const { place, distanceKm } of geography.within(focal, radius)) {
    if (evidence.existingTaskPartners.has(place.ags)) continue;
    const facts = factsFor(geography, focal, place, distanceKm, hops, evidence);
    const input = { focal, candidate: place, task, facts, target, sizeFit: task.sizeFit };
    candidates.push({
      ags: place.ags,
      raw: Float64Array.from(EVAL_SIGNALS, (signal) => signal.raw(input)),
      distanceKm,
      border: facts.border !== null && !facts.border.touch,
      sameDistrict: facts.sameDistrict,
    });
  }
  return candidates;
}

// --- the second table: partners who came together through the Kooperationsbörse (issue 12 part 6) -------------

/** What the eval needs of one idea's outcome (OutcomeService.boardOutcomes, one query). */
export interface BoardOutcome {
  ideaId: string;
  ownerAgs: string;
  taskAreaId: string;
  radiusKm: number | null;
  targetPopulation: number | null;
  /** The first ranking the owner side or the office was shown: candidate and the rank it was shown at. */
  shown: Array<{ ags: string; rank: number }>;
  /** Accepted interests at AGREEMENT or later, and members of the register record the idea became (owner excluded). */
  partners: string[];
  /** The register record(s) the idea became: hidden from the evidence, so the outcome cannot vouch for itself. */
  cooperationIds: string[];
}

/** Fold key of a board case: cross-validation by idea, as the register cases are by cooperation. */
export const boardFoldKey = (ideaId: string) => `idea:${ideaId}`;

/**
 * One case per idea with partners: the owner asks for partners in the idea's task area within the radius it was
 * ranked with, its register record hidden; the targets are its partners. The engine's rank is the one it showed
 * (`shownRank`), the baselines order the same candidates as in the first table. Null when the owner or the task
 * area is not in this snapshot, or when every partner already cooperated with the owner in the task.
 */
export function boardCaseFor(
  outcome: BoardOutcome,
  index: CooperationIndex,
  geography: Geography,
  taskAreas: Map<string, TaskProfile>,
): (EvalCase & { shownRank: Map<string, number> }) | null {
  const task = taskAreas.get(outcome.taskAreaId);
  const focal = geography.places.get(outcome.ownerAgs);
  if (!task || !focal || outcome.partners.length === 0) return null;
  const radius = outcome.radiusKm ?? defaultMaxDistanceKm(task);
  // An idea becomes one register record (createContributionFromIdea refuses a second while one is pending or approved).
  const evidence = index.evidenceFor(geography, focal, task.id, radius, outcome.cooperationIds[0] ?? null);
  // As in the first table: a partner that already cooperates with the owner in the task (another record in force)
  // is no new partner, and the engine rightly does not suggest it.
  const targets = outcome.partners.filter((ags) => !evidence.existingTaskPartners.has(ags)).sort();
  if (targets.length === 0) return null;
  const candidates = candidatesFor(geography, focal, task, radius, evidence, outcome.targetPopulation ?? task.efficientScale);
  return {
    cooperationId: boardFoldKey(outcome.ideaId),
    cooperationName: `Vorhaben ${outcome.ideaId}`,
    taskAreaId: task.id,
    focal: focal.ags,
    targets,
    candidates,
    shownRank: new Map(outcome.shown.map((s) => [s.ags, s.rank])),
  };
}

/** Where the partners landed in what the engine showed: rank of the first partner shown (null: none was shown). */
export function shownResult(evalCase: EvalCase & { shownRank: Map<string, number> }): CaseResult & { partnerRanks: Array<number | null> } {
  const partnerRanks = evalCase.targets.map((ags) => evalCase.shownRank.get(ags) ?? null);
  const found = partnerRanks.filter((r): r is number => r !== null);
  const firstRank = found.length > 0 ? Math.min(...found) : null;
  return {
    cooperationId: evalCase.cooperationId,
    taskAreaId: evalCase.taskAreaId,
    firstRank,
    recall10: found.filter((r) => r <= 10).length / evalCase.targets.length,
    partnerRanks,
  };
}

/** Where the targets of a case landed in one ordering of its candidates (1-based rank of the first, or null). */
export interface CaseResult {
  cooperationId: string;
  taskAreaId: string;
  firstRank: number | null;
  /** Share of the targets in the top 10. */
  recall10: number;
}

const byAgs = (a: EvalCandidate, b: EvalCandidate) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0);

export function resultOf(evalCase: EvalCase, ordered: EvalCandidate[]): CaseResult {
  const targets = new Set(evalCase.targets);
  let firstRank: number | null = null;
  let inTop10 = 0;
  ordered.forEach((candidate, index) => {
    if (!targets.has(candidate.ags)) return;
    if (firstRank === null) firstRank = index + 1;
    if (index < 10) inTop10++;
  });
  return { cooperationId: evalCase.cooperationId, taskAreaId: evalCase.taskAreaId, firstRank, recall10: inTop10 / targets.size };
}

/**
 * The engine's order under a set of weights: the score is linear in the raw values; ties by AGS as in the product.
 * Signals without a weight (those not kept) count 0.
 */
export function rankByWeights(evalCase: EvalCase, weights: Weights | Partial<Record<SignalKey, number>>): EvalCandidate[] {
  const w = EVAL_SIGNALS.map((c) => (weights as Partial<Record<string, number>>)[c.key] ?? 0);
  const scored = evalCase.candidates.map((candidate) => {
    let score = 0;
    for (let k = 0; k < w.length; k++) score += w[k]! * candidate.raw[k]!;
    return { candidate, score };
  });
  scored.sort((a, b) => b.score - a.score || byAgs(a.candidate, b.candidate));
  return scored.map((s) => s.candidate);
}

/** Baseline: the nearest municipalities by distance between the centres. */
export const nearestFirst = (evalCase: EvalCase) => [...evalCase.candidates].sort((a, b) => a.distanceKm - b.distanceKm || byAgs(a, b));

/** Baseline: shared border first, then same Kreis, then distance. */
export const borderKreisDistance = (evalCase: EvalCase) =>
  [...evalCase.candidates].sort(
    (a, b) => Number(b.border) - Number(a.border) || Number(b.sameDistrict) - Number(a.sameDistrict) || a.distanceKm - b.distanceKm || byAgs(a, b),
  );

export interface Metrics {
  cases: number;
  mrr: number;
  hit5: number;
  hit10: number;
  recall10: number;
}

export function metrics(results: CaseResult[]): Metrics {
  const n = results.length;
  if (n === 0) return { cases: 0, mrr: 0, hit5: 0, hit10: 0, recall10: 0 };
  let mrr = 0;
  let hit5 = 0;
  let hit10 = 0;
  let recall10 = 0;
  for (const r of results) {
    if (r.firstRank !== null) {
      mrr += 1 / r.firstRank;
      if (r.firstRank <= 5) hit5++;
      if (r.firstRank <= 10) hit10++;
    }
    recall10 += r.recall10;
  }
  return { cases: n, mrr: mrr / n, hit5: hit5 / n, hit10: hit10 / n, recall10: recall10 / n };
}

/** Deterministic fold of a cooperation (FNV-1a of its id), so that no cooperation is in its own training fold. */
export function foldOf(cooperationId: string, folds: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < cooperationId.length; i++) {
    hash ^= cooperationId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % folds;
}

export type { ComponentKey };
