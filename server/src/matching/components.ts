import type { CandidateFacts, Place, TaskProfile } from './types';

/**
 * The score components, each defined once: key, names, what it measures, its source and how its raw value (0–1)
 * and its explanation come from the facts of a pair. Everything else — the GraphQL enum, the weights input, the
 * applied weights, the client's sliders and labels, the fitted defaults — is derived from this table.
 */

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const KM = { de: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }) };
const INT = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };
export const km = (value: number, language: 'de' | 'en') => KM[language].format(value);
export const int = (value: number, language: 'de' | 'en') => INT[language].format(Math.round(value));
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export interface Text {
  de: string;
  en: string;
}

/** A factor's strength, and its explanation built only when asked (most candidates are never shown). */
export interface Factor {
  raw: number;
  text: () => Text;
}

export interface PairInput {
  focal: Place;
  candidate: Place;
  task: TaskProfile;
  facts: CandidateFacts;
  /** The population the cooperation should reach. */
  target: number;
  sizeFit: TaskProfile['sizeFit'];
}

export interface ComponentDefinition {
  key: string;
  labelDe: string;
  labelEn: string;
  descriptionDe: string;
  descriptionEn: string;
  /** Where the factor comes from, in German and English. */
  source: string;
  sourceEn: string;
  /** The default weight grows with how much proximity matters for the task (fitted as base + slope × proximity). */
  scalesWithProximity: boolean;
  /** The raw value alone: what ranking hundreds of candidates needs (the explanation is built only for those shown). */
  raw: (input: PairInput) => number;
  /** The raw value with its explanation; its raw value is `raw(input)`. */
  pair: (input: PairInput) => Factor;
}

/** Tie weight → 0–1: one small joint body (weight 1) gives 0.63, two give 0.86. */
export const saturate = (strength: number) => 1 - Math.exp(-strength);

/** Reaching the target counts most; an oversized group counts less than one near the target (twice the target: ½). */
export function targetFit(combined: number, target: number): number {
  const share = combined / Math.max(1, target);
  return share <= 1 ? share : 1 / share;
}

export const proximityRaw = ({ facts }: PairInput) => clamp01(0.5 * Math.exp(-facts.distanceKm / 20) + 0.5 * (facts.hops ? 1 / facts.hops : 0));

export function proximityFactor(input: PairInput): Factor {
  const { focal, facts } = input;
  const raw = proximityRaw(input);
  const via = facts.hops && facts.hops > 1 ? facts.hops - 1 : 0;
  const border = facts.border;
  return {
    raw,
    text: () =>
      border && !border.touch
        ? {
            de: `Unmittelbarer Nachbar von ${focal.name} (gemeinsame Grenze ${km(border.lengthKm, 'de')} km), ${km(facts.distanceKm, 'de')} km zwischen den Ortsmitten.`,
            en: `A direct neighbour of ${focal.name} (shared border ${km(border.lengthKm, 'en')} km), ${km(facts.distanceKm, 'en')} km between the centres.`,
          }
        : border?.touch
          ? {
              de: `Berührt ${focal.name} nur an einem Punkt, ${km(facts.distanceKm, 'de')} km entfernt.`,
              en: `Touches ${focal.name} at a single point only, ${km(facts.distanceKm, 'en')} km away.`,
            }
          : {
              de: `${km(facts.distanceKm, 'de')} km entfernt${via ? `, über ${via} ${plural(via, 'Nachbarkommune', 'Nachbarkommunen')} erreichbar` : ''}.`,
              en: `${km(facts.distanceKm, 'en')} km away${via ? `, ${via} ${plural(via, 'municipality', 'municipalities')} in between` : ''}.`,
            },
  };
}

const STATUS_NOTE: Record<string, Text> = { ENDED: { de: 'beendet', en: 'ended' }, PLANNED: { de: 'geplant', en: 'planned' } };

export const existingTiesRaw = ({ facts }: PairInput) => (facts.sharedCooperations.length === 0 ? 0 : saturate(facts.tieStrength));

export function existingTiesFactor(input: PairInput): Factor {
  const { focal, facts } = input;
  const shared = facts.sharedCooperations;
  if (shared.length === 0) {
    return {
      raw: 0,
      text: () => ({
        de: `Im Register bisher keine gemeinsame Kooperation mit ${focal.name}.`,
        en: `No cooperation with ${focal.name} in the register so far.`,
      }),
    };
  }
  // The smallest bodies say most about the pair, so they are named first.
  const named = [...shared].sort((a, b) => a.municipalMembers - b.municipalMembers || a.name.localeCompare(b.name)).slice(0, 2);
  const note = (c: (typeof named)[number], language: 'de' | 'en') => {
    const notes = [STATUS_NOTE[c.status]?.[language], c.unconfirmed ? (language === 'de' ? 'unbestätigt' : 'unconfirmed') : undefined].filter(Boolean);
    return notes.length > 0 ? ` (${notes.join(', ')})` : '';
  };
  const list = (language: 'de' | 'en') => named.map((c) => `„${c.name}“${note(c, language)}`).join(', ');
  const more = shared.length - named.length;
  return {
    raw: existingTiesRaw(input),
    text: () => ({
      de: `Schon gemeinsam in ${shared.length} ${plural(shared.length, 'Kooperation', 'Kooperationen')} mit ${focal.name}: ${list('de')}${more > 0 ? ` und ${more} weitere` : ''}.`,
      en: `Already together with ${focal.name} in ${shared.length} cooperation${shared.length === 1 ? '' : 's'}: ${list('en').replace(/[„“]/g, '"')}${more > 0 ? ` and ${more} more` : ''}.`,
    }),
  };
}

export const sharedPartnersRaw = ({ facts }: PairInput) => saturate(facts.sharedPartnerStrength);

export function sharedPartnersFactor(input: PairInput): Factor {
  const { focal, facts } = input;
  const n = facts.sharedPartners;
  return {
    raw: sharedPartnersRaw(input),
    text: () =>
      n === 0
        ? { de: `Keine gemeinsamen Partnerkommunen mit ${focal.name}.`, en: `No partner municipalities in common with ${focal.name}.` }
        : {
            de: `${n} ${plural(n, 'Kommune arbeitet', 'Kommunen arbeiten')} mit beiden zusammen.`,
            en: `${n} municipalit${n === 1 ? 'y cooperates' : 'ies cooperate'} with both.`,
          },
  };
}

export function experienceRaw({ facts }: PairInput): number {
  if (facts.hostsTask.length > 0) return clamp01(0.8 + 0.05 * facts.hostsTask.reduce((sum, c) => sum + c.clients, 0));
  return facts.memberInTask.length > 0 ? 0.6 : 0;
}

export function experienceFactor(input: PairInput): Factor {
  const { task, facts } = input;
  if (facts.hostsTask.length > 0) {
    const clients = facts.hostsTask.reduce((sum, c) => sum + c.clients, 0);
    return {
      raw: experienceRaw(input),
      text: () => ({
        de: `Erbringt „${task.nameDe}“ bereits für ${clients} andere ${plural(clients, 'Kommune', 'Kommunen')} („${facts.hostsTask[0]!.name}“).`,
        en: `Already performs "${task.nameEn}" for ${clients} other municipalit${clients === 1 ? 'y' : 'ies'} ("${facts.hostsTask[0]!.name}").`,
      }),
    };
  }
  if (facts.memberInTask.length > 0) {
    return {
      raw: experienceRaw(input),
      text: () => ({
        de: `Ist Mitglied in „${facts.memberInTask[0]!.name}“ (${task.nameDe}).`,
        en: `Is a member of "${facts.memberInTask[0]!.name}" (${task.nameEn}).`,
      }),
    };
  }
  return {
    raw: 0,
    text: () => ({
      de: `${input.candidate.name} hat im Register keine Kooperation für „${task.nameDe}“.`,
      en: `${input.candidate.name} has no cooperation for "${task.nameEn}" in the register.`,
    }),
  };
}

/**
 * Combined population against the target (near the target is best, oversized counts less), refined by the preferred
 * constellation: COMPLEMENTARY favours a larger host for a smaller partner, SIMILAR favours peers.
 */
export function sizeFitRaw({ focal, candidate, target, sizeFit }: PairInput): number {
  const logRatio = Math.log10(Math.max(candidate.population / Math.max(1, focal.population), 1e-6));
  const style = sizeFit === 'COMPLEMENTARY' ? clamp01(0.5 + logRatio / 2) : clamp01(1 - Math.abs(logRatio));
  // The constellation refines the fit to the target; it never makes an oversized pair look like a good one.
  return clamp01(targetFit(focal.population + candidate.population, target) * (0.6 + 0.4 * style));
}

export function sizeFitFactor(input: PairInput): Factor {
  const { focal, candidate, target, sizeFit } = input;
  const combined = focal.population + candidate.population;
  const share = combined / Math.max(1, target);
  const ratio = candidate.population / Math.max(1, focal.population);
  const raw = sizeFitRaw(input);
  const percent = Math.round(share * 100);
  const styleDe =
    sizeFit === 'COMPLEMENTARY'
      ? ratio >= 1
        ? 'größer, kann Träger sein'
        : 'kleiner, eher Kunde als Träger'
      : ratio > 0.5 && ratio < 2
        ? 'ähnlich groß'
        : 'deutlich anders groß';
  const styleEn =
    sizeFit === 'COMPLEMENTARY'
      ? ratio >= 1
        ? 'larger, can host'
        : 'smaller, more a client than a host'
      : ratio > 0.5 && ratio < 2
        ? 'of similar size'
        : 'of clearly different size';
  return {
    raw,
    text: () => ({
      de: `Zusammen ${int(combined, 'de')} Einw. = ${int(percent, 'de')} % der Zielgröße von ${int(target, 'de')}${share > 1.5 ? ' (deutlich darüber)' : ''}; ${styleDe}.`,
      en: `Together ${int(combined, 'en')} inhabitants = ${int(percent, 'en')} % of the target of ${int(target, 'en')}${share > 1.5 ? ' (well above)' : ''}; ${styleEn}.`,
    }),
  };
}

const isKreis = (place: Place) => place.districtType !== 'KREISFREIE_STADT';

/** "Kreis Olpe", "Märkischer Kreis", "Städteregion Aachen", "Landkreis Waldeck-Frankenberg": the register names some Kreise without the word. */
export function kreisLabel(place: Place): string {
  if (/kreis|städteregion|regionalverband|region /i.test(place.districtName)) return place.districtName;
  return `${place.districtType === 'LANDKREIS' ? 'Landkreis' : 'Kreis'} ${place.districtName}`;
}

export const sameDistrictRaw = ({ facts }: PairInput) => (facts.sameDistrict ? 1 : 0);

export function sameDistrictFactor({ focal, candidate, facts }: PairInput): Factor {
  if (facts.sameDistrict) {
    return {
      raw: 1,
      text: () => ({
        de: `Gleicher Kreis wie ${focal.name} (${kreisLabel(candidate)}): kurze Wege, einfachere Abstimmung nach GkG NRW.`,
        en: `Same Kreis as ${focal.name} (${kreisLabel(candidate)}): short distances, simpler coordination under GkG NRW.`,
      }),
    };
  }
  if (!isKreis(candidate))
    return {
      raw: 0,
      text: () => ({ de: `${candidate.name} ist eine kreisfreie Stadt.`, en: `${candidate.name} is a kreisfreie Stadt (a city outside any Kreis).` }),
    };
  if (!isKreis(focal))
    return {
      raw: 0,
      text: () => ({
        de: `Liegt in einem Kreis (${kreisLabel(candidate)}); ${focal.name} ist kreisfrei.`,
        en: `In a Kreis (${kreisLabel(candidate)}); ${focal.name} is a kreisfreie Stadt.`,
      }),
    };
  return { raw: 0, text: () => ({ de: `Liegt in einem anderen Kreis (${kreisLabel(candidate)}).`, en: `In another Kreis (${kreisLabel(candidate)}).` }) };
}

/** Current LEADER regions count most; earlier periods and other programmes a little less. */
export function regionWeight(kind: string): number {
  if (/LEADER 2023/.test(kind)) return 1;
  if (/LEADER/.test(kind)) return 0.6;
  return 0.8;
}

export const sharedRegionRaw = ({ facts }: PairInput) => facts.sharedRegions.reduce((best, r) => Math.max(best, regionWeight(r.kind)), 0);

export function sharedRegionFactor(input: PairInput): Factor {
  const { facts } = input;
  const year = (r: { name: string; kind: string }) => Number(/\d{4}/.exec(`${r.kind} ${r.name}`)?.[0] ?? 0);
  const regions = [...facts.sharedRegions].sort((a, b) => regionWeight(b.kind) - regionWeight(a.kind) || year(b) - year(a) || a.name.localeCompare(b.name));
  if (regions.length === 0)
    return { raw: 0, text: () => ({ de: 'Keine gemeinsame LEADER- oder Entwicklungsregion.', en: 'No LEADER or development region in common.' }) };
  const best = regions[0]!;
  return {
    raw: sharedRegionRaw(input),
    text: () => ({ de: `Beide gehören zur Region „${best.name}“ (${best.kind}).`, en: `Both belong to the region "${best.name}" (${best.kind}).` }),
  };
}

export const COMPONENTS = [
  {
    key: 'PROXIMITY',
    labelDe: 'Nähe',
    labelEn: 'Proximity',
    descriptionDe: 'Entfernung der Ortsmitten und Zahl der Grenzen dazwischen',
    descriptionEn: 'Distance between the centres and the number of borders in between',
    source: 'Räumliche Nähe senkt Transaktionskosten, am meisten bei Außendiensten (Feiock 2007; Bel & Warner 2016)',
    sourceEn: 'Spatial proximity lowers transaction costs, most for field services (Feiock 2007; Bel & Warner 2016)',
    scalesWithProximity: true,
    raw: proximityRaw,
    pair: proximityFactor,
  },
  {
    key: 'EXISTING_TIES',
    labelDe: 'Bestehende Zusammenarbeit',
    labelEn: 'Existing ties',
    descriptionDe: 'Gemeinsame Kooperationen in anderen Aufgaben; kleine Verbünde zählen mehr als kreisweite',
    descriptionEn: 'Cooperations the two already share in other tasks; small bodies count more than Kreis-wide ones',
    source: 'Frühere Vereinbarungen sagen neue voraus (Andrew 2009; Hawkins & Feiock)',
    sourceEn: 'Earlier agreements predict new ones (Andrew 2009; Hawkins & Feiock)',
    scalesWithProximity: false,
    raw: existingTiesRaw,
    pair: existingTiesFactor,
  },
  {
    key: 'SHARED_PARTNERS',
    labelDe: 'Gemeinsame Partner',
    labelEn: 'Partners in common',
    descriptionDe: 'Kommunen, die mit beiden zusammenarbeiten',
    descriptionEn: 'Municipalities that cooperate with both',
    source: 'Gemeinsame Partner schließen Dreiecke im Netzwerk (Lee, Lee & Feiock 2012)',
    sourceEn: 'Partners in common close triangles in the network (Lee, Lee & Feiock 2012)',
    scalesWithProximity: false,
    raw: sharedPartnersRaw,
    pair: sharedPartnersFactor,
  },
  {
    key: 'EXPERIENCE',
    labelDe: 'Erfahrung in der Aufgabe',
    labelEn: 'Experience in the task',
    descriptionDe: 'Erbringt die Aufgabe schon für andere oder ist Mitglied einer Kooperation dafür',
    descriptionEn: 'Already performs the task for others or belongs to a cooperation for it',
    source: 'Kommunen, die eine Aufgabe schon für andere erbringen, sind natürliche Träger (Hawkins & Feiock)',
    sourceEn: 'Municipalities that already perform a task for others are natural hosts (Hawkins & Feiock)',
    scalesWithProximity: false,
    raw: experienceRaw,
    pair: experienceFactor,
  },
  {
    key: 'SIZE_FIT',
    labelDe: 'Passende Größe',
    labelEn: 'Size fit',
    descriptionDe: 'Gemeinsame Einwohnerzahl gegenüber der Zielgröße, und ob ergänzend oder gleich groß',
    descriptionEn: 'Combined population against the target, and whether complementary or alike in size',
    source: 'Effiziente Betriebsgröße je Aufgabe; ergänzend oder gleichartig (Hessen 2014; Bischoff & Wolfschütz 2017/2021)',
    sourceEn: 'Efficient scale per task; complementary or alike partners (Hessen 2014; Bischoff & Wolfschütz 2017/2021)',
    scalesWithProximity: false,
    raw: sizeFitRaw,
    pair: sizeFitFactor,
  },
  {
    key: 'SAME_DISTRICT',
    labelDe: 'Gleicher Kreis',
    labelEn: 'Same Kreis',
    descriptionDe: 'Beide gehören zum selben Kreis',
    descriptionEn: 'Both belong to the same Kreis',
    source: 'Gleicher Kreis: kürzere Wege und einfachere Abstimmung nach GkG NRW',
    sourceEn: 'Same Kreis: shorter distances and simpler coordination under GkG NRW',
    scalesWithProximity: false,
    raw: sameDistrictRaw,
    pair: sameDistrictFactor,
  },
  {
    key: 'SHARED_REGION',
    labelDe: 'Gemeinsame Region',
    labelEn: 'Shared region',
    descriptionDe: 'Beide gehören zur selben LEADER-, VITAL.NRW-, ILEK- oder REGIONALE-Region',
    descriptionEn: 'Both belong to the same LEADER, VITAL.NRW, ILEK or REGIONALE region',
    source: 'Regionale Entwicklungsprogramme bringen Kommunen in gemeinsame Gremien und Projekte (LEADER 2014–2027)',
    sourceEn: 'Regional programmes bring municipalities into joint bodies and projects (LEADER 2014–2027)',
    scalesWithProximity: false,
    raw: sharedRegionRaw,
    pair: sharedRegionFactor,
  },
] as const satisfies readonly ComponentDefinition[];

export type ComponentKey = (typeof COMPONENTS)[number]['key'];
export const COMPONENT_KEYS = COMPONENTS.map((c) => c.key) as ComponentKey[];
export const COMPONENT_BY_KEY = new Map<ComponentKey, ComponentDefinition>(COMPONENTS.map((c) => [c.key, c]));
export type Weights = Record<ComponentKey, number>;

/** Strength of a raw value in words, as shown beside each component. */
export type Strength = 'STRONG' | 'MEDIUM' | 'WEAK';
export const strengthOf = (raw: number): Strength => (raw >= 0.67 ? 'STRONG' : raw >= 0.34 ? 'MEDIUM' : 'WEAK');
