import { COMPONENTS } from './components';
import { EVAL_SIGNALS, type EvalCase, type SignalKey } from './evaluation';
import type { TaskProfile } from './types';
import type { FittedWeight } from './weights';

/** Fitted weights of every evaluated signal; the score components among them are the product's defaults. */
export type SignalWeights = Record<SignalKey, FittedWeight>;

/**
 * Fits the default weights on the register: a conditional-logit ranking model (McFadden) in which the probability
 * that the engine's pick j is a real partner is softmax over the candidates of Σ_k w_k(T) · x_jk, with
 * w_k(T) = base_k + slope_k · proximity(T) for the proximity-like components and w_k(T) = base_k for the others.
 * Weights are kept non-negative for every task (a factor may not count against a candidate), and fitted by
 * projected Adam on the mean negative log-likelihood of the real partners, with a small L2 penalty.
 */

export interface FitOptions {
  /** The signals the model may use (default: the score components); the others weigh 0. For the ablation. */
  signals?: ReadonlySet<SignalKey>;
  iterations?: number;
  learningRate?: number;
  l2?: number;
  /** Negatives kept per case (a deterministic sample), to keep a fit fast; the likelihood is reweighted for it. */
  negativesPerCase?: number;
  /**
   * How much a case counts in the likelihood (default 1). Board outcomes (partners who came together through the
   * Kooperationsbörse, `boardCaseFor`) are added to the register's cases as extra training pairs; a weight other
   * than 1 lets them count more or less than a register case (docs/matching.md).
   */
  caseWeight?: (evalCase: EvalCase) => number;
}

interface TrainingCase {
  proximity: number;
  /** Rows of component values: targets first. */
  rows: Float64Array[];
  targets: number;
  /** log(1 / sampling rate) of the negatives. */
  negativeOffset: number;
  weight: number;
}

const K = EVAL_SIGNALS.length;
const SCALED = EVAL_SIGNALS.map((c) => c.scalesWithProximity);
const DEFAULT_SIGNALS: ReadonlySet<SignalKey> = new Set(COMPONENTS.map((c) => c.key));

function trainingCases(
  cases: EvalCase[],
  taskAreas: Map<string, TaskProfile>,
  negativesPerCase: number,
  caseWeight: (evalCase: EvalCase) => number,
): TrainingCase[] {
  const result: TrainingCase[] = [];
  for (const evalCase of cases) {
    const targets = new Set(evalCase.targets);
    const positives = evalCase.candidates.filter((c) => targets.has(c.ags));
    if (positives.length === 0) continue;
    const negatives = evalCase.candidates.filter((c) => !targets.has(c.ags));
    // Every n-th negative by AGS order: deterministic, and spread over near and far candidates alike.
    const step = Math.max(1, negatives.length / negativesPerCase);
    const kept: typeof negatives = [];
    for (let i = 0; i < negatives.length && kept.length < negativesPerCase; i += step) kept.push(negatives[Math.floor(i)]!);
    result.push({
      proximity: taskAreas.get(evalCase.taskAreaId)!.proximity,
      rows: [...positives, ...kept].map((c) => c.raw),
      targets: positives.length,
      negativeOffset: kept.length > 0 ? Math.log(negatives.length / kept.length) : 0,
      weight: caseWeight(evalCase),
    });
  }
  return result;
}

/** Parameters: base_k for every component, then slope_k (used only where the component scales with proximity). */
const effective = (theta: Float64Array, k: number, proximity: number) => theta[k]! + (SCALED[k] ? theta[K + k]! * proximity : 0);

export function fitWeights(cases: EvalCase[], taskAreas: Map<string, TaskProfile>, options: FitOptions = {}): SignalWeights {
  const { iterations = 250, learningRate = 0.05, l2 = 0.002, negativesPerCase = 60 } = options;
  const signals = options.signals ?? DEFAULT_SIGNALS;
  const active = EVAL_SIGNALS.map((c) => signals.has(c.key as SignalKey));
  const training = trainingCases(cases, taskAreas, negativesPerCase, options.caseWeight ?? (() => 1));
  const totalWeight = training.reduce((sum, c) => sum + c.weight, 0) || 1;
  const theta = new Float64Array(2 * K);
  for (let k = 0; k < K; k++) theta[k] = active[k] ? 1 : 0;
  const m = new Float64Array(2 * K);
  const v = new Float64Array(2 * K);
  const gradient = new Float64Array(2 * K);
  const w = new Float64Array(K);
  const scores: number[] = [];

  for (let step = 1; step <= iterations; step++) {
    gradient.fill(0);
    for (const c of training) {
      for (let k = 0; k < K; k++) w[k] = effective(theta, k, c.proximity);
      let max = -Infinity;
      for (let j = 0; j < c.rows.length; j++) {
        const row = c.rows[j]!;
        let s = j < c.targets ? 0 : c.negativeOffset;
        for (let k = 0; k < K; k++) s += w[k]! * row[k]!;
        scores[j] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let j = 0; j < c.rows.length; j++) sum += scores[j] = Math.exp(scores[j]! - max);
      // d(loss)/d(score_j) = softmax_j − [j is a target] / targets
      for (let j = 0; j < c.rows.length; j++) {
        const d = c.weight * (scores[j]! / sum - (j < c.targets ? 1 / c.targets : 0));
        if (d === 0) continue;
        const row = c.rows[j]!;
        for (let k = 0; k < K; k++) {
          gradient[k] = gradient[k]! + d * row[k]!;
          if (SCALED[k]) gradient[K + k] = gradient[K + k]! + d * row[k]! * c.proximity;
        }
      }
    }
    for (let i = 0; i < 2 * K; i++) {
      const k = i % K;
      if (!active[k] || (i >= K && !SCALED[k])) continue;
      const g = gradient[i]! / totalWeight + 2 * l2 * theta[i]!;
      m[i] = 0.9 * m[i]! + 0.1 * g;
      v[i] = 0.999 * v[i]! + 0.001 * g * g;
      const mHat = m[i]! / (1 - 0.9 ** step);
      const vHat = v[i]! / (1 - 0.999 ** step);
      theta[i] = theta[i]! - (learningRate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
    // Non-negative for every task: base ≥ 0 and base + slope ≥ 0 (proximity runs from 0 to 1).
    for (let k = 0; k < K; k++) {
      theta[k] = Math.max(0, theta[k]!);
      if (SCALED[k]) theta[K + k] = Math.max(-theta[k]!, theta[K + k]!);
    }
  }
  return toFittedWeights(theta, active);
}

/** Scales the fitted parameters so that the largest weight any task gets is 5 (the sliders run 0–10). */
function toFittedWeights(theta: Float64Array, active: boolean[]): SignalWeights {
  let largest = 0;
  for (let k = 0; k < K; k++) largest = Math.max(largest, effective(theta, k, 0), effective(theta, k, 1));
  const scale = largest > 0 ? 5 / largest : 1;
  const round = (x: number) => Math.round(x * 100) / 100;
  const result = {} as SignalWeights;
  EVAL_SIGNALS.forEach((component, k) => {
    result[component.key as SignalKey] = active[k]
      ? { base: round(theta[k]! * scale), perProximity: SCALED[k] ? round(theta[K + k]! * scale) : 0 }
      : { base: 0, perProximity: 0 };
  });
  return result;
}
