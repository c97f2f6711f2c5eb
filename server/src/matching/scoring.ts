import { COMPONENTS, strengthOf, type ComponentKey, type Factor, type PairInput, type Strength, type Weights } from './components';
import type { CandidateFacts, Place, TaskProfile } from './types';

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface ScoreComponent {
  key: ComponentKey;
  /** Normalised strength of the factor, 0–1. */
  rawValue: number;
  strength: Strength;
  weight: number;
  /** Points on the 0–100 scale: 100 × weight × rawValue / sum of weights. */
  points: number;
  reasonDe: string;
  reasonEn: string;
}

export interface Score {
  /** 0–100: the weighted mean of the raw values. */
  total: number;
  components: ScoreComponent[];
}

export interface ScoreInput {
  focal: Place;
  candidate: Place;
  task: TaskProfile;
  facts: CandidateFacts;
  weights: Weights;
  target: number;
  sizeFit: TaskProfile['sizeFit'];
}

/** The raw value of every component for a pair, in the order of COMPONENTS (also what the evaluation fits on). */
export function pairFactors(input: PairInput): Factor[] {
  return COMPONENTS.map((component) => component.pair(input));
}

/** Factors → a 0–100 score with its components; reasons only when asked (only shown candidates are explained). */
export function scoreFactors(factors: Array<{ raw: number; text?: () => { de: string; en: string } }>, weights: Weights, explain: boolean): Score {
  let weightSum = 0;
  for (const component of COMPONENTS) weightSum += weights[component.key];
  const scale = weightSum > 0 ? 100 / weightSum : 0;
  let total = 0;
  const components = COMPONENTS.map((component, index) => {
    const factor = factors[index]!;
    const weight = weights[component.key];
    const points = factor.raw * weight * scale;
    total += points;
    const text = explain && factor.text ? factor.text() : { de: '', en: '' };
    return {
      key: component.key,
      rawValue: round(factor.raw),
      strength: strengthOf(factor.raw),
      weight,
      points: round(points, 1),
      reasonDe: text.de,
      reasonEn: text.en,
    };
  });
  return { total: round(total, 1), components };
}

/** The score of one candidate: the weighted mean of the components, each with its reason. */
export function scoreCandidate(input: ScoreInput, explain = true): Score {
  return scoreFactors(pairFactors(input), input.weights, explain);
}

/** Only the total, for ranking hundreds of candidates without building components. */
export function quickScore(input: ScoreInput): number {
  let weightSum = 0;
  let sum = 0;
  for (const component of COMPONENTS) {
    const weight = input.weights[component.key];
    weightSum += weight;
    if (weight > 0) sum += weight * component.raw(input);
  }
  return weightSum > 0 ? (100 * sum) / weightSum : 0;
}

export interface RankedCandidate<T> {
  candidate: T;
  total: number;
}

/** Highest score first; equal scores by AGS so the order is deterministic. */
export function rank<T extends { place: Place }>(scored: Array<RankedCandidate<T>>): Array<RankedCandidate<T>> {
  return [...scored].sort((a, b) => b.total - a.total || (a.candidate.place.ags < b.candidate.place.ags ? -1 : 1));
}
