import type { QueryCounter } from '../../db/database';
import {
  defaultMaxDistanceKm,
  joinableCooperations,
  suggestCoalitions,
  suggestPartners,
  type MatchingOptions,
} from '../../matching/engine';
import type { ComponentKey, Place, TaskProfile, Weights } from '../../matching/types';
import { defaultWeights, resolveWeights } from '../../matching/weights';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import type { MemberKind, MemberRole } from '../../shared/enums';
import type { CooperationLoaders } from '../cooperations/cooperation.repository';
import { assertAgs } from '../municipalities/municipality.service';
import type { Municipality } from '../municipalities/municipality.type';
import type { TaskAreaService } from '../task-areas/task-area.service';
import type { TaskArea } from '../task-areas/task-area.type';
import type { CoalitionOptions, JoinableOptions, PartnerOptions, WeightsInput } from './matching.input';
import type { MatchingRepository, StaticData } from './matching.repository';
import type { AppliedWeights, CoalitionSuggestions, JoinableCooperation, PartnerSuggestions } from './matching.type';

const WEIGHT_FIELDS: Record<keyof WeightsInput, ComponentKey> = {
  proximity: 'PROXIMITY',
  existingTies: 'EXISTING_TIES',
  experience: 'EXPERIENCE',
  sizeFit: 'SIZE_FIT',
  sameDistrict: 'SAME_DISTRICT',
  funding: 'FUNDING',
};

function toApplied(weights: Weights): AppliedWeights {
  return {
    proximity: weights.PROXIMITY,
    existingTies: weights.EXISTING_TIES,
    experience: weights.EXPERIENCE,
    sizeFit: weights.SIZE_FIT,
    sameDistrict: weights.SAME_DISTRICT,
    funding: weights.FUNDING,
  };
}

/** How often the service checks whether an import replaced the snapshot it keeps in memory. */
const SNAPSHOT_CHECK_MS = 10_000;

export class MatchingService {
  private cache: { version: string; value: StaticData; checkedAt: number } | null = null;
  private loading: Promise<StaticData> | null = null;

  constructor(
    private readonly repository: MatchingRepository,
    private readonly taskAreas: TaskAreaService,
  ) {}

  /**
   * Geography, municipality records, task areas and the cooperation index in memory: loaded on first use, reloaded
   * when the Dataset node says an import ran (checked at most every 10 s), so a ranking needs no Cypher round trip
   * (docs/decisions/007).
   */
  async staticData(counter?: QueryCounter): Promise<StaticData> {
    const now = Date.now();
    if (this.cache && now - this.cache.checkedAt < SNAPSHOT_CHECK_MS) return this.cache.value;
    this.loading ??= (async () => {
      try {
        const version = await this.repository.datasetVersion(counter);
        if (this.cache && this.cache.version === version) {
          this.cache.checkedAt = now;
          return this.cache.value;
        }
        const value = await this.repository.staticData(counter);
        this.cache = { version, value, checkedAt: now };
        return value;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  private async prepare(ags: string, taskAreaId: string, options: PartnerOptions | undefined, counter: QueryCounter, radiusOverrideKm?: number) {
    assertAgs(ags);
    this.taskAreas.assertId(taskAreaId);
    const cached = await this.staticData(counter);
    const { geography } = cached;
    const taskArea = cached.taskAreas.get(taskAreaId);
    if (!taskArea) throw new NotFoundError('Aufgabenfeld / Task area', taskAreaId);
    const focal = geography.places.get(ags);
    if (!focal) {
      const exists = cached.municipalities.get(ags);
      if (!exists) throw new NotFoundError('Kommune / Municipality', ags);
      throw new BadUserInputError('ags', `Für ${exists.shortName} liegt keine Geometrie vor; Partner können nicht berechnet werden.`, `There is no geometry for ${exists.shortName}; partners cannot be computed.`);
    }
    const task: TaskProfile = {
      id: taskArea.id,
      nameDe: taskArea.nameDe,
      nameEn: taskArea.nameEn,
      proximity: taskArea.proximity,
      efficientScale: taskArea.efficientScale,
      sizeFit: taskArea.sizeFit,
    };
    const overrides: Partial<Weights> = {};
    for (const [field, key] of Object.entries(WEIGHT_FIELDS) as Array<[keyof WeightsInput, ComponentKey]>) {
      const value = options?.weights?.[field];
      if (value !== undefined && value !== null) overrides[key] = value;
    }
    const matchingOptions: MatchingOptions = {
      weights: resolveWeights(task, overrides),
      limit: options?.limit ?? 10,
      targetPopulation: options?.targetPopulation ?? null,
      maxDistanceKm: options?.maxDistanceKm ?? defaultMaxDistanceKm(task),
      sizeFit: options?.sizeFit ?? task.sizeFit,
      projectCostEur: options?.projectCostEur ?? null,
    };
    // The ranking's radius, or a larger one a caller asks for (cooperations to join).
    const radiusKm = Math.max(matchingOptions.maxDistanceKm, radiusOverrideKm ?? 0);
    const data = cached.cooperations.dataFor(geography, focal, taskArea.id, options?.includeGenerated ?? true, radiusKm);
    return { taskArea, task, geography, focal, data, matchingOptions };
  }

  /** Municipality records for places, from the in-memory copy (they change only with an import). */
  private async municipalities(places: Array<Place | string>): Promise<Municipality[]> {
    const { municipalities } = await this.staticData();
    return places.map((p) => {
      const ags = typeof p === 'string' ? p : p.ags;
      const municipality = municipalities.get(ags);
      if (!municipality) throw new Error(`municipality ${ags} is not in the loaded data`);
      return municipality;
    });
  }

  async partnerSuggestions(ags: string, taskAreaId: string, options: PartnerOptions | undefined, counter: QueryCounter): Promise<PartnerSuggestions> {
    const { taskArea, task, geography, focal, data, matchingOptions } = await this.prepare(ags, taskAreaId, options, counter);
    const ranking = suggestPartners(geography, focal, task, data, matchingOptions);
    const [self, ...rest] = await this.municipalities([focal, ...ranking.candidates.map((c) => c.place), ...ranking.excludedExistingPartners]);
    const candidates = rest.slice(0, ranking.candidates.length);
    const existingPartners = rest.slice(ranking.candidates.length);
    return {
      municipality: self!,
      taskArea,
      weights: toApplied(matchingOptions.weights),
      defaultWeights: toApplied(defaultWeights(task)),
      maxDistanceKm: matchingOptions.maxDistanceKm,
      targetPopulation: matchingOptions.targetPopulation ?? task.efficientScale,
      consideredCount: ranking.consideredCount,
      existingPartners,
      candidates: ranking.candidates.map((candidate, index) => ({
        rank: index + 1,
        municipality: candidates[index]!,
        score: candidate.score.total,
        components: candidate.score.components,
        funding: candidate.score.funding,
        facts: {
          distanceKm: Math.round(candidate.facts.distanceKm * 10) / 10,
          hops: candidate.facts.hops,
          sharedBorderKm: candidate.facts.border ? candidate.facts.border.lengthKm : null,
          touchOnly: candidate.facts.border?.touch ?? false,
          sameDistrict: candidate.facts.sameDistrict,
          sharedCooperations: candidate.facts.sharedCooperations,
          sharedPartners: candidate.facts.sharedPartners,
          hostsTask: candidate.facts.hostsTask.length,
          memberInTask: candidate.facts.memberInTask.length,
          combinedPopulation: candidate.score.combinedPopulation,
        },
      })) as PartnerSuggestions['candidates'],
    };
  }

  async coalitionSuggestions(ags: string, taskAreaId: string, options: CoalitionOptions | undefined, counter: QueryCounter): Promise<CoalitionSuggestions> {
    const minSize = options?.minSize ?? 2;
    const maxSize = options?.maxSize ?? 5;
    if (minSize > maxSize) throw new BadUserInputError('minSize', '„minSize“ ist größer als „maxSize“.', '"minSize" is larger than "maxSize".');
    const { taskArea, task, geography, focal, data, matchingOptions } = await this.prepare(ags, taskAreaId, { ...options, limit: undefined }, counter);
    const coalitions = suggestCoalitions(geography, focal, task, data, { ...matchingOptions, limit: options?.limit ?? 5, minSize, maxSize });
    const all = await this.municipalities([focal, ...coalitions.flatMap((c) => c.members)]);
    const byAgs = new Map(all.map((m) => [m.ags, m]));
    return {
      municipality: byAgs.get(focal.ags)!,
      taskArea: taskArea as TaskArea,
      targetPopulation: matchingOptions.targetPopulation ?? task.efficientScale,
      coalitions: coalitions.map((c, index) => ({
        rank: index + 1,
        members: c.members.map((m) => byAgs.get(m.ags)!),
        score: c.total,
        components: c.components as CoalitionSuggestions['coalitions'][number]['components'],
        combinedPopulation: c.combinedPopulation,
        reachesTarget: c.reachesTarget,
        connected: c.connected,
        funding: c.funding,
      })),
    };
  }

  async joinableCooperations(ags: string, taskAreaId: string, options: JoinableOptions | undefined, loaders: CooperationLoaders, counter: QueryCounter): Promise<JoinableCooperation[]> {
    this.taskAreas.assertId(taskAreaId);
    const taskArea = (await this.staticData(counter)).taskAreas.get(taskAreaId);
    if (!taskArea) throw new NotFoundError('Aufgabenfeld / Task area', taskAreaId);
    const maxDistanceKm = options?.maxDistanceKm ?? (taskArea.proximity >= 0.5 ? 30 : 80);
    const { geography, focal, data } = await this.prepare(ags, taskAreaId, { includeGenerated: options?.includeGenerated }, counter, maxDistanceKm);
    const found = joinableCooperations(geography, focal, data, maxDistanceKm).slice(0, options?.limit ?? 20);
    const nearest = await this.municipalities(found.flatMap((j) => (j.nearestMember ? [j.nearestMember] : [])));
    const nearestByAgs = new Map(nearest.map((m) => [m.ags, m]));
    const members = await loaders.members.loadMany(found.map((j) => j.cooperation.id));
    return found.map((j, index) => ({
      id: j.cooperation.id,
      name: j.cooperation.name,
      legalForm: j.cooperation.legalForm as JoinableCooperation['legalForm'],
      provenance: j.cooperation.provenance as JoinableCooperation['provenance'],
      distanceKm: j.distanceKm,
      nearestMember: j.nearestMember ? nearestByAgs.get(j.nearestMember.ags)! : null,
      viaDistrict: j.viaDistrict,
      memberCount: j.memberCount,
      members: (members[index] instanceof Error ? [] : members[index]) as Array<{ kind: MemberKind; key: string; name: string; role: MemberRole }>,
    }));
  }
}
