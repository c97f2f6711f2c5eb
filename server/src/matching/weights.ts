import { COMPONENT_KEYS, COMPONENTS, type ComponentKey, type Weights } from './components';
import fitted from './fitted-weights.json' with { type: 'json' };
import type { TaskProfile } from './types';

export const MAX_WEIGHT = 10;

/** A component's fitted default: a base weight, and for proximity-like components a slope over the task's proximity. */
export interface FittedWeight {
  base: number;
  perProximity: number;
}
export type FittedWeights = Record<ComponentKey, FittedWeight> & Partial<Record<string, FittedWeight>>;

/** The defaults `pnpm eval matching --fit` fitted on the register (docs/matching.md); missing keys weigh 0. */
export const FITTED_WEIGHTS: FittedWeights = Object.fromEntries(
  COMPONENT_KEYS.map((key) => [key, (fitted.weights as Partial<Record<string, FittedWeight>>)[key] ?? { base: 0, perProximity: 0 }]),
) as FittedWeights;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Default weights for a task, rounded to the sliders' step of 0.1. */
export function weightsFor(task: TaskProfile, fittedWeights: FittedWeights = FITTED_WEIGHTS): Weights {
  const weights = {} as Weights;
  for (const component of COMPONENTS) {
    const { base, perProximity } = fittedWeights[component.key];
    const value = component.scalesWithProximity ? base + perProximity * task.proximity : base;
    weights[component.key] = Math.min(MAX_WEIGHT, Math.max(0, round1(value)));
  }
  return weights;
}

export const defaultWeights = (task: TaskProfile): Weights => weightsFor(task);

/** Defaults with the user's overrides on top. */
export function resolveWeights(task: TaskProfile, overrides: Partial<Weights> = {}): Weights {
  const weights = defaultWeights(task);
  for (const key of COMPONENT_KEYS) {
    const value = overrides[key];
    if (value !== undefined && value !== null) weights[key] = value;
  }
  return weights;
}
