import type { QueryCounter } from '../../db/database';
import { suggestCoalitions } from '../../matching/coalitions';
import { COMPONENTS, type ComponentKey, type Weights } from '../../matching/components';
import { joinableCooperations } from '../../matching/joinable';
import { defaultMaxDistanceKm, suggestPartners, type MatchingOptions } from '../../matching/partners';
import type { ScoreComponent as EngineComponent } from '../../matching/scoring';
import type { Place, TaskProfile } from '../../matching/types';
import { defaultWeights, resolveWeights } from '../../matching/weights';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import type { Confidence, CooperationStatus, MemberKind, MemberRole, ScoreStrength } from '../../shared/enums';
import type { CooperationLoaders } from '../cooperations/cooperation.repository';
import { assertAgs } from '../municipalities/municipality.service';
import type { Municipality } from '../municipalities/municipality.type';
import type { TaskAreaService } from '../task-areas/task-area.service';
import { DEFAULT_LIMITS, type CoalitionOptions, type JoinableOptions, type PartnerOptions } from './matching.input';
import type { StaticData } from './matching.repository';
import type { AppliedWeight, CoalitionSuggestions, JoinableCooperation, PartnerSuggestions, ScoreComponent, ScoreComponentInfo } from './matching.type';
import type { SnapshotStore } from './snapshot.store';

/** The component table as the API shows it. */
export const COMPONENT_INFO: ScoreComponentInfo[] = COMPONENTS.map(({ key, labelDe, labelEn, descriptionDe, descriptionEn, source, sourceEn }) => ({
  key,
  labelDe,
  labelEn,
  descriptionDe,
  descriptionEn,
  source,
  sourceEn,
}));
const INFO_BY_KEY = new Map(COMPONENT_INFO.map((info) => [info.key, info]));

// Fields listed rather than spread: a spread of the engine's objects cost ~0.4 µs each, a tenth of a Germany ranking.
const withInfo = (components: EngineComponent[]): ScoreComponent[] =>
  components.map(({ key, rawValue, strength, weight, points, reasonDe, reasonEn }) => ({
    key,
    rawValue,
    strength: strength as ScoreStrength,
    weight,
    points,
    reasonDe,
    reasonEn,
    info: INFO_BY_KEY.get(key)!,
  }));

function appliedWeights(weights: Weights, defaults: Weights): AppliedWeight[] {
  return COMPONENT_INFO.map((info) => ({ key: info.key, weight: weights[info.key], defaultWeight: defaults[info.key], info }));
}

export class MatchingService {
  constructor(
    private readonly snapshots: SnapshotStore,
    private readonly taskAreas: TaskAreaService,
  ) {}

  /** Checks the request, takes the snapshot once and resolves focal place, task and options from it. */
  private async prepare(ags: string, taskAreaId: string, options: PartnerOptions | undefined, counter: QueryCounter) {
    assertAgs(ags);
    this.taskAreas.assertId(taskAreaId);
    const snapshot = await this.snapshots.current(counter);
    const taskArea = snapshot.taskAreas.get(taskAreaId);
    if (!taskArea) throw new NotFoundError('taskArea', taskAreaId);
    const focal = snapshot.geography.places.get(ags);
    if (!focal) {
      const exists = snapshot.municipalities.get(ags);
      if (!exists) throw new NotFoundError('municipality', ags);
      throw new BadUserInputError(
        'ags',
        `Für ${exists.shortName} liegt keine Geometrie vor; Partner können nicht berechnet werden.`,
        `There is no geometry for ${exists.shortName}; partners cannot be computed.`,
      );
    }
    if (focal.crossBorder) {
      throw new BadUserInputError(
        'ags',
        `${focal.name} liegt in ${focal.stateName}: Die Partnersuche gibt es für NRW-Kommunen; ${focal.name} kann als Partner vorgeschlagen werden.`,
        `${focal.name} is in ${focal.stateName}: the partner search is for NRW municipalities; ${focal.name} can be suggested as a partner.`,
      );
    }
    const task: TaskProfile = taskArea;
    const overrides: Partial<Weights> = {};
    const seen = new Set<ComponentKey>();
    for (const { key, weight } of options?.weights ?? []) {
      if (seen.has(key))
        throw new BadUserInputError(
          'weights',
          `Das Gewicht „${INFO_BY_KEY.get(key)?.labelDe ?? key}“ ist doppelt angegeben.`,
          `The weight "${INFO_BY_KEY.get(key)?.labelEn ?? key}" is given twice.`,
        );
      seen.add(key);
      overrides[key] = weight;
    }
    const matchingOptions: MatchingOptions = {
      weights: resolveWeights(task, overrides),
      limit: options?.limit ?? DEFAULT_LIMITS.partners,
      targetPopulation: options?.targetPopulation ?? null,
      maxDistanceKm: options?.maxDistanceKm ?? defaultMaxDistanceKm(task),
      sizeFit: options?.sizeFit ?? task.sizeFit,
      projectCostEur: options?.projectCostEur ?? null,
    };
    return { snapshot, taskArea, task, focal, matchingOptions };
  }

  /** Municipality records for places, from the request's snapshot (they change only with an import). */
  private static municipalities(snapshot: StaticData, places: Array<Place | string>): Municipality[] {
    return places.map((p) => {
      const ags = typeof p === 'string' ? p : p.ags;
      const municipality = snapshot.municipalities.get(ags);
      if (!municipality) throw new Error(`municipality ${ags} is not in the loaded data`);
      return municipality;
    });
  }

  scoreComponents(): ScoreComponentInfo[] {
    return COMPONENT_INFO;
  }

  async partnerSuggestions(ags: string, taskAreaId: string, options: PartnerOptions | undefined, counter: QueryCounter): Promise<PartnerSuggestions> {
    const { snapshot, taskArea, task, focal, matchingOptions } = await this.prepare(ags, taskAreaId, options, counter);
    const { geography } = snapshot;
    const evidence = snapshot.cooperations.evidenceFor(geography, focal, task.id, matchingOptions.maxDistanceKm);
    const ranking = suggestPartners(geography, focal, task, evidence, matchingOptions);
    const [self, ...rest] = MatchingService.municipalities(snapshot, [focal, ...ranking.candidates.map((c) => c.place), ...ranking.excludedExistingPartners]);
    const candidates = rest.slice(0, ranking.candidates.length);
    return {
      municipality: self!,
      taskArea,
      weights: appliedWeights(matchingOptions.weights, defaultWeights(task)),
      maxDistanceKm: matchingOptions.maxDistanceKm,
      targetPopulation: matchingOptions.targetPopulation ?? task.efficientScale,
      projectCostEur: matchingOptions.projectCostEur,
      consideredCount: ranking.consideredCount,
      existingPartners: rest.slice(ranking.candidates.length),
      candidates: ranking.candidates.map((candidate, index) => ({
        rank: index + 1,
        municipality: candidates[index]!,
        score: candidate.score.total,
        components: withInfo(candidate.score.components),
        funding: candidate.funding,
        facts: {
          distanceKm: Math.round(candidate.facts.distanceKm * 10) / 10,
          hops: candidate.facts.hops,
          sharedBorderKm: candidate.facts.border ? candidate.facts.border.lengthKm : null,
          touchOnly: candidate.facts.border?.touch ?? false,
          sameDistrict: candidate.facts.sameDistrict,
          sharedAltkreis: candidate.facts.sharedAltkreis,
          sharedRegions: candidate.facts.sharedRegions,
          sharedCooperations: candidate.facts.sharedCooperations,
          sharedPartners: candidate.facts.sharedPartners,
          hostsTask: candidate.facts.hostsTask.length,
          memberInTask: candidate.facts.memberInTask.length,
          combinedPopulation: focal.population + candidate.place.population,
          crossBorder: candidate.place.crossBorder,
        },
      })) as PartnerSuggestions['candidates'],
    };
  }

  async coalitionSuggestions(ags: string, taskAreaId: string, options: CoalitionOptions | undefined, counter: QueryCounter): Promise<CoalitionSuggestions> {
    const minSize = options?.minSize ?? 2;
    const maxSize = options?.maxSize ?? DEFAULT_LIMITS.coalitionMaxSize;
    if (minSize > maxSize)
      throw new BadUserInputError('minSize', 'Die kleinste Gruppengröße ist größer als die größte.', 'The smallest group size is larger than the largest.');
    const { snapshot, taskArea, task, focal, matchingOptions } = await this.prepare(ags, taskAreaId, { ...options, limit: undefined }, counter);
    const { geography } = snapshot;
    const evidence = snapshot.cooperations.evidenceFor(geography, focal, task.id, matchingOptions.maxDistanceKm);
    const coalitions = suggestCoalitions(geography, focal, task, evidence, {
      ...matchingOptions,
      limit: options?.limit ?? DEFAULT_LIMITS.coalitions,
      minSize,
      maxSize,
    });
    const byAgs = new Map(MatchingService.municipalities(snapshot, [focal, ...coalitions.flatMap((c) => c.members)]).map((m) => [m.ags, m]));
    return {
      municipality: byAgs.get(focal.ags)!,
      taskArea,
      targetPopulation: matchingOptions.targetPopulation ?? task.efficientScale,
      coalitions: coalitions.map((c, index) => ({
        rank: index + 1,
        members: c.members.map((m) => byAgs.get(m.ags)!),
        score: c.score.total,
        components: withInfo(c.score.components),
        combinedPopulation: c.combinedPopulation,
        reachesTarget: c.reachesTarget,
        connected: c.connected,
        funding: c.funding,
      })),
    };
  }

  async joinableCooperations(
    ags: string,
    taskAreaId: string,
    options: JoinableOptions | undefined,
    loaders: CooperationLoaders,
    counter: QueryCounter,
  ): Promise<JoinableCooperation[]> {
    const { snapshot, task, focal } = await this.prepare(ags, taskAreaId, undefined, counter);
    const maxDistanceKm = options?.maxDistanceKm ?? (task.proximity >= 0.5 ? 30 : 80);
    const { geography } = snapshot;
    const evidence = snapshot.cooperations.evidenceFor(geography, focal, task.id, maxDistanceKm);
    const found = joinableCooperations(geography, focal, evidence, maxDistanceKm).slice(0, options?.limit ?? DEFAULT_LIMITS.joinable);
    const nearestByAgs = new Map(
      MatchingService.municipalities(
        snapshot,
        found.flatMap((j) => (j.nearestMember ? [j.nearestMember] : [])),
      ).map((m) => [m.ags, m]),
    );
    const ids = found.map((j) => j.cooperation.id);
    const [members, records] = await Promise.all([loaders.members.loadMany(ids), loaders.cooperation.loadMany(ids)]);
    return found.map((j, index) => {
      const record = records[index];
      const known = record && !(record instanceof Error) ? record : null;
      return {
        id: j.cooperation.id,
        name: j.cooperation.name,
        legalForm: j.cooperation.legalForm as JoinableCooperation['legalForm'],
        provenance: j.cooperation.provenance as JoinableCooperation['provenance'],
        status: j.cooperation.status as CooperationStatus,
        confidence: (known?.confidence ?? 'MEDIUM') as Confidence,
        sourceUrl: known?.sourceUrl ?? null,
        sourceDate: known?.sourceDate ?? null,
        distanceKm: j.distanceKm,
        nearestMember: j.nearestMember ? nearestByAgs.get(j.nearestMember.ags)! : null,
        viaDistrict: j.viaDistrict,
        memberCount: j.memberCount,
        members: (members[index] instanceof Error ? [] : members[index]) as Array<{ kind: MemberKind; key: string; name: string; role: MemberRole }>,
      };
    });
  }
}
