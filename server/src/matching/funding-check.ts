import { isInForce, type CooperationIndex, type IndexedCooperation } from './cooperation-index';
import { estimateFunding } from './funding';
import type { FundingEstimate } from './types';
import type { CooperationStatus, Place } from './types';

/**
 * The check of the Förderrichtlinie IKZ NRW for an idea and a chosen group of partners (issue 12, part 7). Two
 * conditions follow from the data — a new cooperation in the task, and the partners' Länder — and two are
 * declarations only the municipalities can make (the five-year commitment, the 15 % saving or service improvement):
 * those are never computed, they are items to declare. The grant is the one funding rule of the engine
 * (estimateFunding), never a second copy of the amounts.
 */
export type FundingCheckKey = 'NEW_COOPERATION' | 'PARTNERS' | 'FIVE_YEAR_COMMITMENT' | 'SAVING_OR_IMPROVEMENT';
/** MET / NOT_MET: computed from the register and the geography; TO_DECLARE: the municipalities' declaration. */
export type FundingCheckState = 'MET' | 'NOT_MET' | 'TO_DECLARE';

export interface FundingCheckItem {
  key: FundingCheckKey;
  state: FundingCheckState;
  labelDe: string;
  labelEn: string;
  reasonDe: string;
  reasonEn: string;
}

/** A cooperation in the task that at least two members of the group already belong to. */
export interface TaskCooperationFinding {
  id: string;
  name: string;
  status: CooperationStatus;
  /** The register's confidence is LOW. */
  unconfirmed: boolean;
  /** The group's members in it (two or more), in the group's order. */
  memberAgs: string[];
  /**
   * In force (active, or status unclear): the partners already cooperate in the task, so it is not new. Ended ones
   * are history; planned ones are named but do not block — a planned cooperation of these partners is most likely
   * the very project being applied for (docs/matching.md, "The funding check").
   */
  blocks: boolean;
}

export interface FundingCheckResult {
  /** In the order of the Förderrichtlinie's conditions: new cooperation, partners, five years, 15 %. */
  items: FundingCheckItem[];
  existingCooperations: TaskCooperationFinding[];
  estimate: FundingEstimate;
  nrwPartners: number;
  otherPartners: number;
  /** Every computed condition is met and a grant results: eligible once the two declarations are made. */
  eligibleOnceDeclared: boolean;
}

export const FUNDING_CHECK_LABELS: Record<FundingCheckKey, { de: string; en: string }> = {
  NEW_COOPERATION: { de: 'Neue Zusammenarbeit in der Aufgabe', en: 'New cooperation in the task' },
  PARTNERS: { de: 'Mindestens zwei NRW-Partner oder länderübergreifend', en: 'At least two NRW partners, or cross-border' },
  FIVE_YEAR_COMMITMENT: { de: 'Zusammenarbeit für mindestens fünf Jahre', en: 'Cooperation for at least five years' },
  SAVING_OR_IMPROVEMENT: { de: '15 % Einsparung oder bessere Leistung', en: '15 % saving or better service' },
};

const isNrw = (place: Place) => !place.crossBorder;
const STATUS_DE: Record<CooperationStatus, string> = { ACTIVE: 'aktiv', UNCLEAR: 'Status unklar', PLANNED: 'geplant', ENDED: 'beendet' };
const STATUS_EN: Record<CooperationStatus, string> = { ACTIVE: 'active', UNCLEAR: 'status unclear', PLANNED: 'planned', ENDED: 'ended' };

/** "A, B und C" / "A, B and C". */
function list(names: string[], and: string): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

function item(key: FundingCheckKey, state: FundingCheckState, reasonDe: string, reasonEn: string): FundingCheckItem {
  return { key, state, labelDe: FUNDING_CHECK_LABELS[key].de, labelEn: FUNDING_CHECK_LABELS[key].en, reasonDe, reasonEn };
}

/** The cooperations covering the task that two or more of the group belong to, each once, in id order. */
export function taskCooperationsOfGroup(index: Pick<CooperationIndex, 'inTask'>, taskAreaId: string, group: readonly Place[]): TaskCooperationFinding[] {
  const order = new Map(group.map((place, i) => [place.ags, i]));
  const seen = new Map<string, IndexedCooperation>();
  for (const place of group) for (const cooperation of index.inTask(taskAreaId, place.ags)) seen.set(cooperation.id, cooperation);
  const findings: TaskCooperationFinding[] = [];
  for (const cooperation of [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const memberAgs = [...new Set(cooperation.members.filter((m) => m.kind === 'MUNICIPALITY' && order.has(m.key)).map((m) => m.key))].sort(
      (a, b) => order.get(a)! - order.get(b)!,
    );
    if (memberAgs.length < 2) continue;
    findings.push({
      id: cooperation.id,
      name: cooperation.name,
      status: cooperation.status,
      unconfirmed: cooperation.confidence === 'LOW',
      memberAgs,
      blocks: isInForce(cooperation.status),
    });
  }
  return findings;
}

export interface FundingCheckInput {
  /** The municipality that posted the idea. */
  owner: Place;
  /** The chosen partners (validated by the caller: distinct, not the owner). */
  partners: readonly Place[];
  task: { id: string; nameDe: string; nameEn: string };
  cooperations: Pick<CooperationIndex, 'inTask'>;
  projectCostEur: number | null;
}

export function checkFunding({ owner, partners, task, cooperations, projectCostEur }: FundingCheckInput): FundingCheckResult {
  const group = [owner, ...partners];
  const name = new Map(group.map((p) => [p.ags, p.name]));
  const names = (agsList: string[]) => agsList.map((ags) => name.get(ags) ?? ags);
  const existing = taskCooperationsOfGroup(cooperations, task.id, group);
  const blocking = existing.filter((c) => c.blocks);
  const planned = existing.filter((c) => c.status === 'PLANNED');
  const describe = (c: TaskCooperationFinding, language: 'de' | 'en') => {
    const marks = [language === 'de' ? STATUS_DE[c.status] : STATUS_EN[c.status]];
    if (c.unconfirmed) marks.push(language === 'de' ? 'unbestätigt' : 'unconfirmed');
    return language === 'de'
      ? `„${c.name}“ (${list(names(c.memberAgs), 'und')}; ${marks.join(', ')})`
      : `"${c.name}" (${list(names(c.memberAgs), 'and')}; ${marks.join(', ')})`;
  };

  const items: FundingCheckItem[] = [];
  if (blocking.length > 0) {
    items.push(
      item(
        'NEW_COOPERATION',
        'NOT_MET',
        `Im Register arbeiten Partner in „${task.nameDe}“ bereits zusammen: ${blocking.map((c) => describe(c, 'de')).join('; ')}. Gefördert wird nur neue Zusammenarbeit.`,
        `In the register, partners already cooperate in "${task.nameEn}": ${blocking.map((c) => describe(c, 'en')).join('; ')}. Only new cooperation is funded.`,
      ),
    );
  } else {
    const plannedDe = planned.length
      ? ` Als geplant erfasst: ${planned.map((c) => describe(c, 'de')).join('; ')} – ist das dieses Vorhaben, steht es der Förderung nicht entgegen.`
      : '';
    const plannedEn = planned.length
      ? ` Recorded as planned: ${planned.map((c) => describe(c, 'en')).join('; ')} – if that is this project, it does not stand in the way.`
      : '';
    items.push(
      item(
        'NEW_COOPERATION',
        'MET',
        `Im Register arbeiten diese Partner in „${task.nameDe}“ noch nicht zusammen.${plannedDe}`,
        `In the register, these partners do not yet cooperate in "${task.nameEn}".${plannedEn}`,
      ),
    );
  }

  const nrw = group.filter(isNrw);
  const other = group.filter((p) => !isNrw(p));
  const otherNames = other.map((p) => `${p.name} (${p.stateName})`);
  if (nrw.length >= 2) {
    items.push(
      item(
        'PARTNERS',
        'MET',
        `${nrw.length} Partner aus NRW (mindestens zwei nötig).${other.length ? ` ${list(otherNames, 'und')} ${other.length === 1 ? 'zählt' : 'zählen'} für die Förderung nicht mit.` : ''}`,
        `${nrw.length} partners from NRW (at least two needed).${other.length ? ` ${list(otherNames, 'and')} ${other.length === 1 ? 'does' : 'do'} not count for the grant.` : ''}`,
      ),
    );
  } else if (nrw.length === 1 && other.length >= 1) {
    items.push(
      item(
        'PARTNERS',
        'MET',
        `Länderübergreifend: ${nrw[0]!.name} als einziger NRW-Partner mit ${list(otherNames, 'und')}.`,
        `Cross-border: ${nrw[0]!.name} as the only NRW partner with ${list(otherNames, 'and')}.`,
      ),
    );
  } else {
    items.push(
      item(
        'PARTNERS',
        'NOT_MET',
        'Nötig sind mindestens zwei Partner aus NRW, oder ein NRW-Partner mit einem Partner aus Niedersachsen, Hessen oder Rheinland-Pfalz.',
        'At least two partners from NRW are needed, or one NRW partner with a partner from Lower Saxony, Hesse or Rhineland-Palatinate.',
      ),
    );
  }

  items.push(
    item(
      'FIVE_YEAR_COMMITMENT',
      'TO_DECLARE',
      'Die Partner verpflichten sich, die Zusammenarbeit mindestens fünf Jahre fortzuführen (Erklärung der Kommunen).',
      'The partners commit to continuing the cooperation for at least five years (declared by the municipalities).',
    ),
    item(
      'SAVING_OR_IMPROVEMENT',
      'TO_DECLARE',
      'Die Zusammenarbeit spart mindestens 15 % der Kosten oder verbessert die Leistung erkennbar (Erklärung der Kommunen, mit Begründung).',
      'The cooperation saves at least 15 % of the cost or visibly improves the service (declared by the municipalities, with reasons).',
    ),
  );

  const estimate = estimateFunding({
    nrwPartners: nrw.length,
    otherPartners: other.length,
    alreadyCooperateInTask: blocking.length > 0,
    projectCostEur,
  });
  return {
    items,
    existingCooperations: existing,
    estimate,
    nrwPartners: nrw.length,
    otherPartners: other.length,
    eligibleOnceDeclared: items.every((i) => i.state !== 'NOT_MET') && estimate.eligible,
  };
}
