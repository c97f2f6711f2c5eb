import type { ComponentDefinition, Factor, PairInput } from './components';
import { int, km } from './components';

/**
 * Signals that were proposed and measured with `pnpm eval matching` but did not improve the cross-validated ranking
 * on the register (docs/matching-evaluation.md, ablation): they are not score components. The evaluation keeps
 * them so that every run shows again what adding each would change; the facts they describe (the shared border,
 * the Altkreis) are still shown beside a candidate.
 */

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

export function sharedBorderFactor({ focal, facts }: PairInput): Factor {
  const border = facts.border;
  if (border && !border.touch) {
    return {
      raw: clamp01(0.3 + (0.7 * border.lengthKm) / 15),
      text: () => ({
        de: `Gemeinsame Grenze mit ${focal.name}: ${km(border.lengthKm, 'de')} km.`,
        en: `Shares ${km(border.lengthKm, 'en')} km of border with ${focal.name}.`,
      }),
    };
  }
  if (border?.touch) {
    return { raw: 0.15, text: () => ({ de: `Berührt ${focal.name} nur an einem Punkt.`, en: `Touches ${focal.name} at a single point only.` }) };
  }
  return { raw: 0, text: () => ({ de: `Keine gemeinsame Grenze mit ${focal.name}.`, en: `No shared border with ${focal.name}.` }) };
}

export function capacityFactor({ candidate }: PairInput): Factor {
  return {
    raw: clamp01((Math.log10(Math.max(1, candidate.population)) - 3.5) / 2.5),
    text: () => ({ de: `${int(candidate.population, 'de')} Einwohner.`, en: `${int(candidate.population, 'en')} inhabitants.` }),
  };
}

export function sharedHistoryFactor({ focal, facts }: PairInput): Factor {
  const altkreis = facts.sharedAltkreis;
  if (altkreis) {
    const city = altkreis.startsWith('kreisfreie Stadt');
    return {
      raw: 1,
      text: () => ({
        de: city ? `Gehörte bis 1975 wie ${focal.name} zur ${altkreis}.` : `Gehörten bis 1975 beide zum ${altkreis}.`,
        en: city
          ? `Belonged, like ${focal.name}, to the ${altkreis.replace('kreisfreie Stadt', 'city of')} until 1975.`
          : `Both belonged to ${altkreis} until 1975.`,
      }),
    };
  }
  return { raw: 0, text: () => ({ de: `Gehörten vor 1975 verschiedenen Kreisen an.`, en: `Belonged to different Kreise before 1975.` }) };
}

export const REJECTED_SIGNALS = [
  {
    key: 'SHARED_BORDER',
    labelDe: 'Gemeinsame Grenze',
    labelEn: 'Shared border',
    descriptionDe: 'Ob und wie lang die beiden Kommunen aneinandergrenzen',
    descriptionEn: 'Whether, and along how long a line, the two border each other',
    source: 'Direkte Nachbarn kooperieren am häufigsten; im Register ist rund die Hälfte der Paare kleiner Kooperationen benachbart',
    sourceEn: 'Direct neighbours cooperate most often; in the register about half of the pairs of small cooperations are neighbours',
    scalesWithProximity: true,
    raw: (input: PairInput) => sharedBorderFactor(input).raw,
    pair: sharedBorderFactor,
  },
  {
    key: 'CAPACITY',
    labelDe: 'Verwaltungskraft',
    labelEn: 'Capacity',
    descriptionDe: 'Einwohnerzahl des Partners: größere Verwaltungen haben mehr Fachpersonal',
    descriptionEn: "The partner's population: larger administrations have more specialist staff",
    source: 'Größere Kommunen sind häufiger Träger und Mitglied von Kooperationen (Bischoff & Wolfschütz 2021)',
    sourceEn: 'Larger municipalities host and join cooperations more often (Bischoff & Wolfschütz 2021)',
    scalesWithProximity: false,
    raw: (input: PairInput) => capacityFactor(input).raw,
    pair: capacityFactor,
  },
  {
    key: 'SHARED_HISTORY',
    labelDe: 'Gemeinsamer Altkreis',
    labelEn: 'Shared history',
    descriptionDe: 'Beide gehörten vor der Gebietsreform 1966–1975 zum selben Kreis',
    descriptionEn: 'Both belonged to the same Kreis before the 1966–1975 reform',
    source: 'Viele Zweckverbände, VHS und Musikschulen folgen den Kreisen vor 1975 (Destatis-Gemeindeverzeichnisse 1968–1973)',
    sourceEn: 'Many Zweckverbände, VHS and music schools follow the Kreise as they were before 1975 (Destatis municipality registers 1968–1973)',
    scalesWithProximity: false,
    raw: (input: PairInput) => sharedHistoryFactor(input).raw,
    pair: sharedHistoryFactor,
  },
] as const satisfies readonly ComponentDefinition[];
