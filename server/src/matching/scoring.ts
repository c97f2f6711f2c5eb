import { estimateFunding } from './funding';
import type { CandidateFacts, ComponentKey, FundingEstimate, Place, ScoreComponent, TaskProfile, Weights } from './types';
import { COMPONENT_KEYS, COMPONENT_SOURCES } from './weights';

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
// Formatters are expensive to construct; build them once.
const KM = { de: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }) };
const INT = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };
const km = (value: number, language: 'de' | 'en') => KM[language].format(value);
export const int = (value: number, language: 'de' | 'en') => INT[language].format(Math.round(value));

/** A factor's strength, and its explanation built only when asked (most candidates are never shown). */
interface Factor {
  raw: number;
  text: () => { de: string; en: string };
}

/** Shared border (and its length) first, then graph distance, then straight-line distance. */
export function proximityFactor(focal: Place, facts: CandidateFacts): Factor {
  const borderScore = facts.border ? (facts.border.touch ? 0.5 : clamp01(0.6 + facts.border.lengthKm / 25)) : 0;
  const hopScore = facts.hops ? 1 / facts.hops : 0;
  const distanceScore = Math.exp(-facts.distanceKm / 25);
  const raw = clamp01(0.5 * borderScore + 0.25 * hopScore + 0.25 * distanceScore);
  if (facts.border && !facts.border.touch) {
    const border = facts.border;
    return {
      raw,
      text: () => ({ de: `Grenzt unmittelbar an ${focal.name} (gemeinsame Grenze ${km(border.lengthKm, 'de')} km, ${km(facts.distanceKm, 'de')} km zwischen den Ortsmitten).`,
      en: `Borders ${focal.name} directly (shared border ${km(border.lengthKm, 'en')} km, ${km(facts.distanceKm, 'en')} km between the centres).` }) };
  }
  if (facts.border?.touch) {
    return {
      raw,
      text: () => ({ de: `Berührt ${focal.name} nur an einem Punkt (${km(facts.distanceKm, 'de')} km entfernt).`,
      en: `Touches ${focal.name} at a single point only (${km(facts.distanceKm, 'en')} km away).` }) };
  }
  const via = facts.hops ? ` (über ${facts.hops - 1} Nachbarkommune${facts.hops - 1 === 1 ? '' : 'n'} erreichbar)` : '';
  const viaEn = facts.hops ? ` (${facts.hops - 1} municipalit${facts.hops - 1 === 1 ? 'y' : 'ies'} in between)` : '';
  return {
      raw,
      text: () => ({ de: `Kein direkter Nachbar, ${km(facts.distanceKm, 'de')} km entfernt${via}.`,
    en: `Not a direct neighbour, ${km(facts.distanceKm, 'en')} km away${viaEn}.` }) };
}

export function existingTiesFactor(focal: Place, facts: CandidateFacts): Factor {
  const shared = facts.sharedCooperations.length;
  const raw = clamp01(0.65 * Math.min(1, shared / 2) + 0.35 * Math.min(1, facts.sharedPartners / 4));
  if (shared === 0 && facts.sharedPartners === 0) {
    return {
      raw,
      text: () => ({ de: `Bisher keine gemeinsame Kooperation mit ${focal.name}.`, en: `No cooperation with ${focal.name} so far.` }) };
  }
  const partnersDe = facts.sharedPartners > 0 ? ` ${facts.sharedPartners} gemeinsame Partnerkommune${facts.sharedPartners === 1 ? '' : 'n'}.` : '';
  const partnersEn = facts.sharedPartners > 0 ? ` ${facts.sharedPartners} partner${facts.sharedPartners === 1 ? '' : 's'} in common.` : '';
  if (shared === 0) return {
      raw,
      text: () => ({ de: `Noch keine direkte Kooperation, aber${partnersDe}`, en: `No direct cooperation yet, but${partnersEn}` }) };
  return {
      raw,
      text: () => ({ de: `Arbeitet bereits in ${shared} Kooperation${shared === 1 ? '' : 'en'} mit ${focal.name} zusammen.${partnersDe}`,
    en: `Already cooperates with ${focal.name} in ${shared} cooperation${shared === 1 ? '' : 's'}.${partnersEn}` }) };
}

export function experienceFactor(task: TaskProfile, facts: CandidateFacts): Factor {
  if (facts.hostsTask.length > 0) {
    const clients = facts.hostsTask.reduce((sum, c) => sum + c.clients, 0);
    return {
      raw: clamp01(0.8 + 0.05 * clients),
      text: () => ({ de: `Erbringt „${task.nameDe}“ bereits für ${clients} andere Kommune${clients === 1 ? '' : 'n'} (${facts.hostsTask[0]!.name}).`,
      en: `Already performs "${task.nameEn}" for ${clients} other municipalit${clients === 1 ? 'y' : 'ies'} (${facts.hostsTask[0]!.name}).` }) };
  }
  if (facts.memberInTask.length > 0) {
    return {
      raw: 0.6,
      text: () => ({ de: `Ist Mitglied in „${facts.memberInTask[0]!.name}“ für ${task.nameDe} – ein Beitritt wäre möglich.`,
      en: `Is a member of "${facts.memberInTask[0]!.name}" for ${task.nameEn} – joining it would be possible.` }) };
  }
  return {
      raw: 0,
      text: () => ({ de: `Noch keine Erfahrung mit „${task.nameDe}“ in einer Kooperation.`, en: `No experience with "${task.nameEn}" in a cooperation yet.` }) };
}

/**
 * Combined population against the efficient scale of the task (reaching it counts most), plus the preferred
 * constellation: COMPLEMENTARY favours a larger host for a smaller partner, SIMILAR favours peers.
 */
export function sizeFitFactor(focal: Place, candidate: Place, task: TaskProfile, targetPopulation: number | null, sizeFit: TaskProfile['sizeFit']): Factor {
  const target = targetPopulation ?? task.efficientScale;
  const combined = focal.population + candidate.population;
  const reach = clamp01(combined / target);
  const ratio = candidate.population / Math.max(1, focal.population);
  const style = sizeFit === 'COMPLEMENTARY' ? clamp01(0.5 + Math.log10(Math.max(ratio, 1e-6)) / 2) : clamp01(1 - Math.abs(Math.log10(Math.max(ratio, 1e-6))));
  const raw = clamp01(0.6 * reach + 0.4 * style);
  const styleDe = sizeFit === 'COMPLEMENTARY' ? (ratio >= 1 ? 'größer und kann Träger sein' : 'kleiner (eher Kunde als Träger)') : ratio > 0.5 && ratio < 2 ? 'ähnlich groß' : 'deutlich anders groß';
  const styleEn = sizeFit === 'COMPLEMENTARY' ? (ratio >= 1 ? 'larger and can act as host' : 'smaller (more a client than a host)') : ratio > 0.5 && ratio < 2 ? 'of similar size' : 'of clearly different size';
  return {
      raw,
      text: () => ({ de: `Zusammen ${int(combined, 'de')} Einw. – ${Math.round(reach * 100)} % der Zielgröße von ${int(target, 'de')}; ${styleDe}.`,
    en: `Together ${int(combined, 'en')} inhabitants – ${Math.round(reach * 100)} % of the target of ${int(target, 'en')}; ${styleEn}.` }) };
}

export function sameDistrictFactor(candidate: Place, facts: CandidateFacts): Factor {
  return facts.sameDistrict
    ? { raw: 1, text: () => ({ de: `Liegt ebenfalls in ${candidate.districtName}: kurze Wege, einfachere Genehmigung nach GkG NRW.`, en: `Also in ${candidate.districtName}: short distances, simpler approval under GkG NRW.` }) }
    : { raw: 0, text: () => ({ de: `Liegt in einem anderen Kreis (${candidate.districtName}).`, en: `In another district (${candidate.districtName}).` }) };
}

export function fundingFactor(funding: FundingEstimate): Factor {
  return {
      raw: funding.eligible ? 1 : 0,
      text: () => ({ de: funding.reasonDe, en: funding.reasonEn }) };
}

export interface ScoreInput {
  focal: Place;
  candidate: Place;
  task: TaskProfile;
  facts: CandidateFacts;
  weights: Weights;
  targetPopulation: number | null;
  sizeFit: TaskProfile['sizeFit'];
  projectCostEur: number | null;
}

export interface Score {
  total: number;
  components: ScoreComponent[];
  funding: FundingEstimate;
  combinedPopulation: number;
}

/**
 * The score of one candidate: the sum of the weighted components, each with its reason. With explain = false the
 * reasons stay empty: ranking hundreds of candidates needs only the numbers, and only the shown ones are explained.
 */
export function scoreCandidate(input: ScoreInput, explain = true): Score {
  const { focal, candidate, task, facts, weights } = input;
  const isNrw = (p: Place) => p.stateKey === '05';
  const funding = estimateFunding({
    nrwPartners: Number(isNrw(focal)) + Number(isNrw(candidate)),
    otherPartners: Number(!isNrw(focal)) + Number(!isNrw(candidate)),
    alreadyCooperateInTask: false,
    projectCostEur: input.projectCostEur,
  });
  const factors: Record<ComponentKey, Factor> = {
    PROXIMITY: proximityFactor(focal, facts),
    EXISTING_TIES: existingTiesFactor(focal, facts),
    EXPERIENCE: experienceFactor(task, facts),
    SIZE_FIT: sizeFitFactor(focal, candidate, task, input.targetPopulation, input.sizeFit),
    SAME_DISTRICT: sameDistrictFactor(candidate, facts),
    FUNDING: fundingFactor(funding),
  };
  const components = COMPONENT_KEYS.map((key) => {
    const factor = factors[key];
    const text = explain ? factor.text() : { de: '', en: '' };
    return {
      key,
      rawValue: round(factor.raw),
      weight: weights[key],
      contribution: round(factor.raw * weights[key]),
      reasonDe: text.de,
      reasonEn: text.en,
      source: COMPONENT_SOURCES[key],
    };
  });
  return { total: round(components.reduce((sum, c) => sum + c.contribution, 0)), components, funding, combinedPopulation: focal.population + candidate.population };
}

export interface RankedCandidate<T> {
  candidate: T;
  score: Score;
}

/** Highest score first; equal scores by AGS so the order is deterministic. */
export function rank<T extends { place: Place }>(scored: Array<RankedCandidate<T>>): Array<RankedCandidate<T>> {
  return [...scored].sort((a, b) => b.score.total - a.score.total || a.candidate.place.ags.localeCompare(b.candidate.place.ags));
}
