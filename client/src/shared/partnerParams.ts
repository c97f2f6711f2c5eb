import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const WEIGHT_KEYS = ['proximity', 'existingTies', 'experience', 'sizeFit', 'sameDistrict', 'funding'] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];
export type Tab = 'partner' | 'koalitionen' | 'beitreten';

export interface PartnerParams {
  ags: string | null;
  taskArea: string | null;
  targetPopulation: number | null;
  maxDistanceKm: number | null;
  includeGenerated: boolean;
  weights: Partial<Record<WeightKey, number>>;
  tab: Tab;
}

const numberOrNull = (value: string | null) => (value !== null && value !== '' && Number.isFinite(Number(value)) ? Number(value) : null);

/** The URL form of the partner finder's state; the dossier reads the same parameters. */
export function toSearchParams(params: PartnerParams): URLSearchParams {
  const query = new URLSearchParams();
  if (params.ags) query.set('ags', params.ags);
  if (params.taskArea) query.set('aufgabe', params.taskArea);
  if (params.targetPopulation) query.set('ziel', String(params.targetPopulation));
  if (params.maxDistanceKm) query.set('radius', String(params.maxDistanceKm));
  if (!params.includeGenerated) query.set('generiert', '0');
  for (const key of WEIGHT_KEYS) if (params.weights[key] !== undefined) query.set(`w.${key}`, String(params.weights[key]));
  if (params.tab !== 'partner') query.set('tab', params.tab);
  return query;
}

/**
 * The partner finder's state lives in the URL (municipality, task area, goals, filters, weights, tab), so a link
 * reproduces exactly the same view, e.g. /partner?ags=05958036&aufgabe=standesamt&w.sameDistrict=3.
 */
export function usePartnerParams(): [PartnerParams, (changes: Partial<PartnerParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo<PartnerParams>(() => {
    const weights: Partial<Record<WeightKey, number>> = {};
    for (const key of WEIGHT_KEYS) {
      const value = numberOrNull(search.get(`w.${key}`));
      if (value !== null) weights[key] = value;
    }
    const tab = search.get('tab');
    return {
      ags: search.get('ags'),
      taskArea: search.get('aufgabe'),
      targetPopulation: numberOrNull(search.get('ziel')),
      maxDistanceKm: numberOrNull(search.get('radius')),
      includeGenerated: search.get('generiert') !== '0',
      weights,
      tab: tab === 'koalitionen' || tab === 'beitreten' ? tab : 'partner',
    };
  }, [search]);

  const update = useCallback(
    (changes: Partial<PartnerParams>) => setSearch(toSearchParams({ ...params, ...changes }), { replace: true }),
    [params, setSearch],
  );
  return [params, update];
}

/** The options object the API takes, from the URL state. */
export function apiOptions(params: PartnerParams) {
  return {
    targetPopulation: params.targetPopulation ?? undefined,
    maxDistanceKm: params.maxDistanceKm ?? undefined,
    includeGenerated: params.includeGenerated,
    weights: Object.keys(params.weights).length > 0 ? params.weights : undefined,
  };
}
