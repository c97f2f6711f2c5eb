import type { Weights } from './components';
import type { CooperationEvidence } from './cooperation-index';
import { estimateFunding } from './funding';
import type { Geography } from './geography';
import { quickScore, rank, scoreCandidate, type Score } from './scoring';
import type { CandidateFacts, FundingEstimate, Place, TaskProfile } from './types';

export interface MatchingOptions {
  weights: Weights;
  limit: number;
  targetPopulation: number | null;
  maxDistanceKm: number;
  sizeFit: TaskProfile['sizeFit'];
  projectCostEur: number | null;
}

export interface PartnerCandidate {
  place: Place;
  facts: CandidateFacts;
  score: Score;
  funding: FundingEstimate;
}

export interface PartnerRanking {
  candidates: PartnerCandidate[];
  /** Municipalities left out because they already cooperate with the focal one in the task. */
  excludedExistingPartners: string[];
  consideredCount: number;
}

/** The default search radius: proximity-heavy tasks look around the region, desk tasks further afield. */
export function defaultMaxDistanceKm(task: TaskProfile): number {
  return task.proximity >= 0.5 ? 40 : 100;
}

export const isNrw = (place: Place) => place.stateKey === '05';

/** What is known about a candidate relative to the focal municipality: geography, history and cooperation evidence. */
export function factsFor(
  geography: Geography,
  focal: Place,
  candidate: Place,
  distanceKm: number,
  hops: ReadonlyMap<string, number>,
  evidence: CooperationEvidence,
): CandidateFacts {
  const shared = evidence.sharedPartners.get(candidate.ags);
  return {
    distanceKm,
    hops: hops.get(candidate.ags) ?? null,
    border: geography.border(focal.ags, candidate.ags),
    sameDistrict: focal.districtKey === candidate.districtKey && focal.districtType !== 'KREISFREIE_STADT',
    sharedAltkreis: focal.altkreis !== null && focal.altkreis === candidate.altkreis ? focal.altkreis : null,
    sharedRegions: focal.regions.length === 0 ? [] : candidate.regions.filter((r) => focal.regions.some((f) => f.id === r.id)),
    sharedCooperations: evidence.ties.get(candidate.ags) ?? [],
    tieStrength: evidence.tieStrength.get(candidate.ags) ?? 0,
    sharedPartners: shared?.count ?? 0,
    sharedPartnerStrength: shared?.strength ?? 0,
    hostsTask: evidence.hosts.get(candidate.ags) ?? [],
    memberInTask: evidence.members.get(candidate.ags) ?? [],
  };
}

/** The funding rule for a pair: a fact beside the ranking, never a reason to hide a candidate. */
export function pairFunding(focal: Place, candidate: Place, projectCostEur: number | null): FundingEstimate {
  return estimateFunding({
    nrwPartners: Number(isNrw(focal)) + Number(isNrw(candidate)),
    otherPartners: Number(!isNrw(focal)) + Number(!isNrw(candidate)),
    alreadyCooperateInTask: false,
    projectCostEur,
  });
}

export interface ScoredPool {
  focal: Place;
  task: TaskProfile;
  target: number;
  excluded: ReadonlySet<string>;
  /** Every candidate in reach with its facts and total, best first. */
  ranked: Array<{ candidate: { place: Place; facts: CandidateFacts }; total: number }>;
}

/** Scores every municipality within reach that is not already a partner in the task, best first. */
export function scorePool(geography: Geography, focal: Place, task: TaskProfile, evidence: CooperationEvidence, options: MatchingOptions): ScoredPool {
  const hops = geography.hopsFrom(focal.ags);
  const target = options.targetPopulation ?? task.efficientScale;
  const scored = [];
  for (const { place, distanceKm } of geography.within(focal, options.maxDistanceKm)) {
    if (evidence.existingTaskPartners.has(place.ags)) continue;
    const facts = factsFor(geography, focal, place, distanceKm, hops, evidence);
    const total = quickScore({ focal, candidate: place, task, facts, weights: options.weights, target, sizeFit: options.sizeFit });
    scored.push({ candidate: { place, facts }, total });
  }
  return { focal, task, target, excluded: evidence.existingTaskPartners, ranked: rank(scored) };
}

/** Ranks every municipality within reach as a partner for a new cooperation in the task; explains the shown ones. */
export function suggestPartners(
  geography: Geography,
  focal: Place,
  task: TaskProfile,
  evidence: CooperationEvidence,
  options: MatchingOptions,
): PartnerRanking {
  const pool = scorePool(geography, focal, task, evidence, options);
  return {
    candidates: pool.ranked.slice(0, options.limit).map(({ candidate }) => ({
      ...candidate,
      score: scoreCandidate(
        { focal, candidate: candidate.place, task, facts: candidate.facts, weights: options.weights, target: pool.target, sizeFit: options.sizeFit },
        true,
      ),
      funding: pairFunding(focal, candidate.place, options.projectCostEur),
    })),
    excludedExistingPartners: [...pool.excluded].sort(),
    consideredCount: pool.ranked.length,
  };
}
