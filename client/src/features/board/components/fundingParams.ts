import { useOptimistic, useTransition } from 'react';
import { useSearchParams } from 'react-router';
import type { FundingCheckKey } from '../../../gql/graphql';

/**
 * The funding check's choices live in the address (`?partner=…,…&kosten=…&erklaert=…`), so the idea page and its
 * Projektskizze share one link and a reload keeps them (docs/decisions/016: values a page cannot use are named).
 */
/**
 * Who may use the funding check and the Projektskizze: the owner side, a municipality whose interest was accepted, and
 * the office — not anonymous visitors or unrelated municipalities (the check names the owner's cooperations).
 */
export function mayCheckFunding(
  me: { role: string; municipalityAgs: string[] } | null,
  idea: { viewerIsOwner: boolean; viewerCanEdit: boolean; interests: { status: string; municipality: { ags: string } }[] } | null | undefined,
): boolean {
  if (!me || !idea) return false;
  if (me.role === 'OFFICE' || me.role === 'ADMIN') return true;
  if (idea.viewerIsOwner || idea.viewerCanEdit) return true;
  return idea.interests.some((i) => i.status === 'ACCEPTED' && me.municipalityAgs.includes(i.municipality.ags));
}

export const MAX_PARTNERS = 30;
export const MAX_COST_EUR = 100_000_000;
/** The two conditions the municipalities declare, by the short word the address carries. */
export const DECLARATIONS = [
  { key: 'FIVE_YEAR_COMMITMENT', param: 'fuenf-jahre' },
  { key: 'SAVING_OR_IMPROVEMENT', param: 'einsparung' },
] as const satisfies ReadonlyArray<{ key: FundingCheckKey; param: string }>;
export type DeclarationKey = (typeof DECLARATIONS)[number]['key'];

export interface FundingParams {
  partners: string[];
  costEur: number | null;
  declared: Set<DeclarationKey>;
  /** Values of the address that were left out (not an AGS, a duplicate, beyond the limit, not a cost). */
  ignored: string[];
}

export function parseFundingParams(search: URLSearchParams): FundingParams {
  const ignored: string[] = [];
  const partners: string[] = [];
  for (const value of (search.get('partner') ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)) {
    if (!/^\d{8}$/.test(value) || partners.includes(value) || partners.length >= MAX_PARTNERS) ignored.push(`partner=${value}`);
    else partners.push(value);
  }
  const rawCost = search.get('kosten');
  let costEur: number | null = null;
  if (rawCost !== null && rawCost !== '') {
    const n = Number(rawCost);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_COST_EUR) costEur = n;
    else ignored.push(`kosten=${rawCost}`);
  }
  const declared = new Set<DeclarationKey>();
  for (const value of (search.get('erklaert') ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)) {
    const found = DECLARATIONS.find((d) => d.param === value);
    if (found) declared.add(found.key);
    else ignored.push(`erklaert=${value}`);
  }
  return { partners, costEur, declared, ignored };
}

/** The query of a link carrying these choices (the language is added by the Link component). */
export function fundingQuery(params: Pick<FundingParams, 'partners' | 'costEur' | 'declared'>): string {
  const query = new URLSearchParams();
  if (params.partners.length) query.set('partner', params.partners.join(','));
  if (params.costEur !== null) query.set('kosten', String(params.costEur));
  const declared = DECLARATIONS.filter((d) => params.declared.has(d.key)).map((d) => d.param);
  if (declared.length) query.set('erklaert', declared.join(','));
  const text = query.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

export function useFundingParams(): [FundingParams, (next: Partial<Pick<FundingParams, 'partners' | 'costEur' | 'declared'>>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = parseFundingParams(search);
  // The router applies a new address in a transition: until it lands, a controlled checkbox would jump back. The
  // optimistic value shows the choice at once and gives way to the address as soon as it is there.
  const [shown, show] = useOptimistic(params, (_current, next: FundingParams) => next);
  const [, startTransition] = useTransition();
  const update = (next: Partial<Pick<FundingParams, 'partners' | 'costEur' | 'declared'>>) => {
    startTransition(() => {
      show({ ...params, ...next });
      setSearch(
        (current) => {
          const merged = { ...parseFundingParams(current), ...next };
          const query = new URLSearchParams(fundingQuery(merged));
          // Everything else in the address (the language) stays as it is.
          for (const [key, value] of current) if (!['partner', 'kosten', 'erklaert'].includes(key)) query.set(key, value);
          return query;
        },
        { replace: true },
      );
    });
  };
  return [shown, update];
}
