import type { QueryCounter } from '../../db/database';
import { checkFunding } from '../../matching/funding-check';
import type { Place } from '../../matching/types';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import { fieldLabel } from '../../shared/validation-messages';
import type { SnapshotStore } from '../matching/snapshot.store';
import type { Municipality } from '../municipalities/municipality.type';
import type { ProjectIdea } from './board.type';
import { FundingCheckKey, FundingCheckState, type FundingCheck } from './board.funding.type';

const AGS = /^\d{8}$/;
/** As many partners as an idea may seek (board.service.ts: partnersSought 1–30). */
export const MAX_FUNDING_PARTNERS = 30;
/** As the partner finder's projectCostEur (matching.input.ts). */
const MAX_PROJECT_COST_EUR = 100_000_000;

const bad = (field: string, de: string, en: string) => new BadUserInputError(field, de, en);

/**
 * The Förderrichtlinie IKZ NRW check of an idea for a chosen group (issue 12, part 7): the rule is the engine's
 * (matching/funding-check.ts); this validates the group and reads the matching snapshot in memory, so a check costs
 * no database round trip. Whoever sees the idea in full may check it — the check uses only the public register.
 */
export class BoardFundingService {
  constructor(private readonly snapshots: SnapshotStore) {}

  async check(
    idea: ProjectIdea,
    partnerAgs: readonly string[],
    projectCostEur: number | null | undefined,
    counter: QueryCounter,
  ): Promise<FundingCheck | null> {
    // An anonymised idea hides its owner; a check names the owner's cooperations, so it is hidden too.
    if (idea.access !== 'FULL') return null;
    if (partnerAgs.length < 1 || partnerAgs.length > MAX_FUNDING_PARTNERS)
      throw bad('partnerAgs', `Bitte 1 bis ${MAX_FUNDING_PARTNERS} Partner wählen.`, `Please choose 1 to ${MAX_FUNDING_PARTNERS} partners.`);
    const cost = projectCostEur ?? null;
    if (cost !== null && (!Number.isInteger(cost) || cost < 1 || cost > MAX_PROJECT_COST_EUR))
      throw bad(
        'projectCostEur',
        `${fieldLabel('projectCostEur', 'de')} müssen eine ganze Zahl von 1 bis ${MAX_PROJECT_COST_EUR.toLocaleString('de-DE')} sein.`,
        `${fieldLabel('projectCostEur', 'en')} must be a whole number from 1 to ${MAX_PROJECT_COST_EUR}.`,
      );
    const seen = new Set<string>();
    for (const ags of partnerAgs) {
      if (!AGS.test(ags))
        throw bad('partnerAgs', 'Ein Partner ist kein gültiger Gemeindeschlüssel (8 Ziffern).', 'A partner is not a valid municipality key (8 digits).');
      if (seen.has(ags)) throw bad('partnerAgs', `Der Partner ${ags} ist doppelt angegeben.`, `The partner ${ags} is given twice.`);
      if (ags === idea.record.municipalityAgs)
        throw bad('partnerAgs', 'Die Kommune des Vorhabens ist selbst kein Partner.', 'The idea’s own municipality is not one of its partners.');
      seen.add(ags);
    }

    const snapshot = await this.snapshots.current(counter);
    const task = snapshot.taskAreas.get(idea.record.taskAreaId);
    if (!task) throw new NotFoundError('taskArea', idea.record.taskAreaId);
    const owner = snapshot.geography.places.get(idea.record.municipalityAgs);
    if (!owner) throw new NotFoundError('municipality', idea.record.municipalityAgs);
    // The partner candidates the engine knows: the NRW municipalities and those of the neighbouring Länder near NRW.
    const partners: Place[] = partnerAgs.map((ags) => {
      const place = snapshot.geography.places.get(ags);
      if (!place)
        throw bad(
          'partnerAgs',
          `${ags} ist keine Kommune in NRW oder eine der Nachbarkommunen in Niedersachsen, Hessen oder Rheinland-Pfalz, die als Partner infrage kommen.`,
          `${ags} is not a municipality in NRW or one of the neighbouring municipalities in Lower Saxony, Hesse or Rhineland-Palatinate that can be partners.`,
        );
      return place;
    });

    const result = checkFunding({ owner, partners, task, cooperations: snapshot.cooperations, projectCostEur: cost });
    const municipality = (ags: string): Municipality => {
      const found = snapshot.municipalities.get(ags);
      if (!found) throw new Error(`municipality ${ags} is not in the loaded data`);
      return found;
    };
    return {
      partners: partners.map((p) => municipality(p.ags)),
      items: result.items.map((i) => ({ ...i, key: i.key as FundingCheckKey, state: i.state as FundingCheckState })),
      existingCooperations: result.existingCooperations.map((c) => ({
        id: c.id,
        name: c.name,
        status: c.status as FundingCheck['existingCooperations'][number]['status'],
        unconfirmed: c.unconfirmed,
        blocks: c.blocks,
        members: c.memberAgs.map(municipality),
      })),
      estimate: result.estimate,
      projectCostEur: cost,
      nrwPartners: result.nrwPartners,
      otherPartners: result.otherPartners,
      eligibleOnceDeclared: result.eligibleOnceDeclared,
    };
  }
}
