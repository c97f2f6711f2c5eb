import type { FundingEstimate } from './types';

/** NRW IKZ funding: 175,000 € for two NRW partners, 35,000 € for each further one, at most 90 % of the cost. */
export const GRANT_BASE_EUR = 175_000;
export const GRANT_PER_FURTHER_PARTNER_EUR = 35_000;
export const GRANT_SHARE_OF_COST = 0.9;
/** A cross-border project with a single NRW partner. */
export const GRANT_CROSS_BORDER_EUR = 75_000;

const EUR = {
  de: new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
};
const eur = (value: number, language: 'de' | 'en') => EUR[language].format(value);

/**
 * Funding estimate for a group of partners. Eligible only if the partners do not already cooperate in the task
 * (the state funds new cooperation); a candidate is never hidden for not being eligible.
 */
export function estimateFunding(input: {
  nrwPartners: number;
  otherPartners: number;
  alreadyCooperateInTask: boolean;
  projectCostEur?: number | null;
}): FundingEstimate {
  const { nrwPartners, otherPartners, alreadyCooperateInTask, projectCostEur } = input;
  const crossBorder = otherPartners > 0;
  if (alreadyCooperateInTask) {
    return {
      eligible: false,
      nrwPartners,
      crossBorder,
      maxGrantEur: 0,
      reasonDe: 'Nicht förderfähig: Die Partner arbeiten in dieser Aufgabe bereits zusammen (gefördert wird nur neue Zusammenarbeit).',
      reasonEn: 'Not eligible: the partners already cooperate in this task (only new cooperation is funded).',
    };
  }
  let grant: number;
  if (nrwPartners >= 2) grant = GRANT_BASE_EUR + GRANT_PER_FURTHER_PARTNER_EUR * (nrwPartners - 2);
  else if (nrwPartners === 1 && otherPartners >= 1) grant = GRANT_CROSS_BORDER_EUR;
  else grant = 0;
  const capped = projectCostEur ? Math.min(grant, Math.floor(projectCostEur * GRANT_SHARE_OF_COST)) : grant;
  if (capped === 0 && grant > 0) {
    return {
      eligible: false,
      nrwPartners,
      crossBorder,
      maxGrantEur: 0,
      reasonDe: `Keine Förderung: Bei ${eur(projectCostEur ?? 0, 'de')} Projektkosten ergeben 90 % weniger als einen Euro.`,
      reasonEn: `No grant: 90 % of a project cost of ${eur(projectCostEur ?? 0, 'en')} is less than one euro.`,
    };
  }
  if (capped === 0) {
    return {
      eligible: false,
      nrwPartners,
      crossBorder,
      maxGrantEur: 0,
      reasonDe: 'Nicht förderfähig: kein Partner aus NRW.',
      reasonEn: 'Not eligible: no partner from NRW.',
    };
  }
  if (nrwPartners === 1) {
    return {
      eligible: true,
      nrwPartners,
      crossBorder,
      maxGrantEur: capped,
      reasonDe: `Förderfähig als länderübergreifendes Projekt mit einem NRW-Partner: bis zu ${eur(capped, 'de')}${projectCostEur ? ` (höchstens 90 % von ${eur(projectCostEur, 'de')})` : ', höchstens 90 % der Kosten'}.`,
      reasonEn: `Eligible as a cross-border project with one NRW partner: up to ${eur(capped, 'en')}${projectCostEur ? ` (at most 90 % of ${eur(projectCostEur, 'en')})` : ', at most 90 % of the cost'}.`,
    };
  }
  const costNoteDe = projectCostEur ? ` (höchstens 90 % von ${eur(projectCostEur, 'de')})` : ', höchstens 90 % der Kosten';
  const costNoteEn = projectCostEur ? ` (at most 90 % of ${eur(projectCostEur, 'en')})` : ', at most 90 % of the cost';
  return {
    eligible: true,
    nrwPartners,
    crossBorder,
    maxGrantEur: capped,
    reasonDe: `Förderfähig als neue Zusammenarbeit von ${nrwPartners} NRW-Partner${nrwPartners === 1 ? '' : 'n'}: bis zu ${eur(capped, 'de')}${costNoteDe}${crossBorder ? '; Partner außerhalb NRW zählen dabei nicht mit' : ''}.`,
    reasonEn: `Eligible as new cooperation of ${nrwPartners} NRW partner${nrwPartners === 1 ? '' : 's'}: up to ${eur(capped, 'en')}${costNoteEn}${crossBorder ? '; partners outside NRW do not count' : ''}.`,
  };
}
