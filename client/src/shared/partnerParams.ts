import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ScoreComponentKey } from '../gql/graphql';

export type Tab = 'partner' | 'koalitionen' | 'beitreten';

/** Weight overrides keyed by the API's component key (PROXIMITY, SHARED_BORDER, …); the API's list says which exist. */
export type Weights = Record<string, number>;

export interface PartnerParams {
  ags: string | null;
  taskArea: string | null;
  targetPopulation: number | null;
  maxDistanceKm: number | null;
  projectCostEur: number | null;
  weights: Weights;
  tab: Tab;
}

/** The API's range of a weight (server: MAX_WEIGHT); a hand-edited link outside it is brought back into range. */
export const WEIGHT_RANGE = { min: 0, max: 10, step: 0.1 } as const;
const WEIGHT_PREFIX = 'w.';

const numberOrNull = (value: string | null) => (value !== null && value !== '' && Number.isFinite(Number(value)) ? Number(value) : null);

/** One decimal, inside 0–10: what a slider can set. */
export const normaliseWeight = (value: number) => Math.min(WEIGHT_RANGE.max, Math.max(WEIGHT_RANGE.min, Math.round(value * 10) / 10));

/** URL key of a weight: the component key itself; links from before the keys were upper case (w.existingTies) still work. */
function componentKey(suffix: string): string | null {
  if (/^[A-Z][A-Z_]*$/.test(suffix)) return suffix;
  if (/^[a-z][a-zA-Z]*$/.test(suffix)) return suffix.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
  return null;
}

/** The URL form of the partner finder's state; the dossier reads the same parameters. */
export function toSearchParams(params: PartnerParams): URLSearchParams {
  const query = new URLSearchParams();
  if (params.ags) query.set('ags', params.ags);
  if (params.taskArea) query.set('aufgabe', params.taskArea);
  if (params.targetPopulation !== null) query.set('ziel', String(params.targetPopulation));
  if (params.maxDistanceKm !== null) query.set('radius', String(params.maxDistanceKm));
  if (params.projectCostEur !== null) query.set('kosten', String(params.projectCostEur));
  for (const [key, weight] of Object.entries(params.weights)) query.set(`${WEIGHT_PREFIX}${key}`, String(weight));
  if (params.tab !== 'partner') query.set('tab', params.tab);
  return query;
}

export function parsePartnerParams(search: URLSearchParams): PartnerParams {
  const weights: Weights = {};
  for (const [name, value] of search) {
    if (!name.startsWith(WEIGHT_PREFIX)) continue;
    const key = componentKey(name.slice(WEIGHT_PREFIX.length));
    const weight = numberOrNull(value);
    if (key && weight !== null) weights[key] = normaliseWeight(weight);
  }
  const tab = search.get('tab');
  return {
    ags: search.get('ags'),
    taskArea: search.get('aufgabe'),
    targetPopulation: numberOrNull(search.get('ziel')),
    maxDistanceKm: numberOrNull(search.get('radius')),
    projectCostEur: numberOrNull(search.get('kosten')),
    weights,
    tab: tab === 'koalitionen' || tab === 'beitreten' ? tab : 'partner',
  };
}

/** Parameters the finder and the dossier read (weights are `w.<KEY>`). */
export const PARTNER_PARAMETERS = ['ags', 'aufgabe', 'ziel', 'radius', 'kosten', 'tab', 'partner', 'koalition'] as const;

/** A value of the address the finder could not use as given; the page says what it uses instead. */
export type PartnerParamIssue =
  | { kind: 'notNumber'; name: 'ziel' | 'radius' | 'kosten'; value: string }
  | { kind: 'tab'; name: 'tab'; value: string }
  | { kind: 'weightUnknown'; name: string; value: string }
  | { kind: 'weightClamped'; name: string; value: string; applied: number };

/**
 * What `parsePartnerParams` silently corrects, named: a number that is none, an unknown tab, a weight for a criterion
 * the engine does not have (`knownKeys`, once loaded) or outside 0–10.
 */
export function partnerParamIssues(search: URLSearchParams, knownKeys: ReadonlySet<string> | null): PartnerParamIssue[] {
  const issues: PartnerParamIssue[] = [];
  for (const name of ['ziel', 'radius', 'kosten'] as const) {
    const value = search.get(name);
    if (value !== null && value !== '' && numberOrNull(value) === null) issues.push({ kind: 'notNumber', name, value });
  }
  const tab = search.get('tab');
  if (tab !== null && tab !== 'partner' && tab !== 'koalitionen' && tab !== 'beitreten') issues.push({ kind: 'tab', name: 'tab', value: tab });
  for (const [name, value] of search) {
    if (!name.startsWith(WEIGHT_PREFIX)) continue;
    const key = componentKey(name.slice(WEIGHT_PREFIX.length));
    const weight = numberOrNull(value);
    if (!key || (knownKeys && !knownKeys.has(key))) issues.push({ kind: 'weightUnknown', name, value });
    else if (weight === null) issues.push({ kind: 'weightUnknown', name, value });
    else if (normaliseWeight(weight) !== weight) issues.push({ kind: 'weightClamped', name, value, applied: normaliseWeight(weight) });
  }
  return issues;
}

/**
 * The partner finder's state lives in the URL (municipality, task area, goals, project cost, weights, tab), so a link
 * reproduces exactly the same view, e.g. /partner?ags=05958036&aufgabe=standesamt&kosten=200000&w.SAME_DISTRICT=3.
 */
export function usePartnerParams(): [PartnerParams, (changes: Partial<PartnerParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parsePartnerParams(search), [search]);
  const update = useCallback((changes: Partial<PartnerParams>) => setSearch(toSearchParams({ ...params, ...changes }), { replace: true }), [params, setSearch]);
  return [params, update];
}

/**
 * The options object the API takes, from the URL state. Only weights of components the engine knows are sent
 * (`knownKeys` from the scoreComponents query).
 */
export function apiOptions(params: PartnerParams, knownKeys: ReadonlySet<string>) {
  const weights = Object.entries(params.weights)
    .filter(([key]) => knownKeys.has(key))
    .map(([key, weight]) => ({ key: key as ScoreComponentKey, weight }));
  return {
    targetPopulation: params.targetPopulation ?? undefined,
    maxDistanceKm: params.maxDistanceKm ?? undefined,
    projectCostEur: params.projectCostEur ?? undefined,
    weights: weights.length > 0 ? weights : undefined,
  };
}
