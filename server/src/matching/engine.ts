import { estimateFunding } from './funding';
import type { Geography } from './geography';
import { int, rank, scoreCandidate, type Score } from './scoring';
import type { CandidateFacts, ComponentKey, FundingEstimate, Place, ScoreComponent, TaskProfile, Weights } from './types';
import { COMPONENT_KEYS, COMPONENT_SOURCES } from './weights';

/** Cooperation data of one request, taken from the in-memory cooperation index (see cooperation-index.ts). */
export interface CooperationData {
  /** Cooperations the focal municipality shares with each other municipality. */
  ties: Array<{ ags: string; id: string; name: string; taskAreaIds: string[] }>;
  /** For each municipality, how many partners it shares with the focal one. */
  sharedPartners: Array<{ ags: string; n: number }>;
  /** Every cooperation covering the task, with its members. */
  taskCooperations: TaskCooperation[];
}

export interface TaskCooperation {
  id: string;
  name: string;
  legalForm: string;
  provenance: string;
  members: Array<{ kind: 'MUNICIPALITY' | 'DISTRICT' | 'COOPERATION'; key: string; role: string }>;
}

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

/** Municipalities that already cooperate with `ags` in the task (and so are not suggested as new partners). */
export function existingTaskPartners(ags: string, data: CooperationData): Set<string> {
  const partners = new Set<string>();
  for (const cooperation of data.taskCooperations) {
    if (!cooperation.members.some((m) => m.kind === 'MUNICIPALITY' && m.key === ags)) continue;
    for (const member of cooperation.members) if (member.kind === 'MUNICIPALITY' && member.key !== ags) partners.add(member.key);
  }
  return partners;
}

function factsFor(geography: Geography, focal: Place, candidate: Place, distanceKm: number, hops: Map<string, number>, data: Indexed): CandidateFacts {
  return {
    distanceKm,
    hops: hops.get(candidate.ags) ?? null,
    border: geography.border(focal.ags, candidate.ags),
    sameDistrict: focal.districtKey === candidate.districtKey,
    sharedCooperations: data.ties.get(candidate.ags) ?? [],
    sharedPartners: data.sharedPartners.get(candidate.ags) ?? 0,
    hostsTask: data.hosts.get(candidate.ags) ?? [],
    memberInTask: data.members.get(candidate.ags) ?? [],
  };
}

interface Indexed {
  ties: Map<string, CandidateFacts['sharedCooperations']>;
  sharedPartners: Map<string, number>;
  hosts: Map<string, CandidateFacts['hostsTask']>;
  members: Map<string, CandidateFacts['memberInTask']>;
}

function index(data: CooperationData): Indexed {
  const ties = new Map<string, CandidateFacts['sharedCooperations']>();
  for (const tie of data.ties) {
    const list = ties.get(tie.ags) ?? [];
    if (!list.some((c) => c.id === tie.id)) list.push({ id: tie.id, name: tie.name, taskAreaIds: tie.taskAreaIds });
    ties.set(tie.ags, list);
  }
  const hosts = new Map<string, CandidateFacts['hostsTask']>();
  const members = new Map<string, CandidateFacts['memberInTask']>();
  for (const cooperation of data.taskCooperations) {
    const clients = cooperation.members.filter((m) => m.role === 'DELEGATING').length;
    for (const member of cooperation.members) {
      if (member.kind !== 'MUNICIPALITY') continue;
      if (member.role === 'LEAD' && clients > 0) hosts.set(member.key, [...(hosts.get(member.key) ?? []), { id: cooperation.id, name: cooperation.name, clients }]);
      else members.set(member.key, [...(members.get(member.key) ?? []), { id: cooperation.id, name: cooperation.name }]);
    }
  }
  return { ties, sharedPartners: new Map(data.sharedPartners.map((s) => [s.ags, s.n])), hosts, members };
}

/** Ranks every municipality within reach as a partner for a new cooperation in the task. */
export function suggestPartners(geography: Geography, focal: Place, task: TaskProfile, data: CooperationData, options: MatchingOptions): PartnerRanking {
  const indexed = index(data);
  const excluded = existingTaskPartners(focal.ags, data);
  const hops = geography.hopsFrom(focal.ags);
  const scoreInput = (place: Place, facts: CandidateFacts) => ({
    focal,
    candidate: place,
    task,
    facts,
    weights: options.weights,
    targetPopulation: options.targetPopulation,
    sizeFit: options.sizeFit,
    projectCostEur: options.projectCostEur,
  });
  const scored = geography
    .within(focal, options.maxDistanceKm)
    .filter(({ place }) => !excluded.has(place.ags))
    .map(({ place, distanceKm }) => {
      const facts = factsFor(geography, focal, place, distanceKm, hops, indexed);
      const score = scoreCandidate(scoreInput(place, facts), false);
      return { candidate: { place, facts }, score };
    });
  const ranked = rank(scored);
  return {
    candidates: ranked.slice(0, options.limit).map(({ candidate }) => ({ ...candidate, score: scoreCandidate(scoreInput(candidate.place, candidate.facts), true) })),
    excludedExistingPartners: [...excluded].sort(),
    consideredCount: scored.length,
  };
}

export interface Coalition {
  members: Place[];
  total: number;
  components: ScoreComponent[];
  combinedPopulation: number;
  reachesTarget: boolean;
  connected: boolean;
  funding: FundingEstimate;
}

export interface CoalitionOptions extends MatchingOptions {
  minSize: number;
  maxSize: number;
  /** How many of the best partner candidates the search combines. */
  pool?: number;
  beamWidth?: number;
}

/**
 * Groups of 2–6 including the focal municipality, built by beam search over the best partner candidates: each
 * step adds one candidate that borders the group (tasks where proximity matters) or lies within reach (others).
 * Groups are scored with the same components as pairs, applied to the whole group.
 */
export function suggestCoalitions(geography: Geography, focal: Place, task: TaskProfile, data: CooperationData, options: CoalitionOptions): Coalition[] {
  const pool = suggestPartners(geography, focal, task, data, { ...options, limit: options.pool ?? 24 }).candidates;
  const byAgs = new Map(pool.map((c) => [c.place.ags, c]));
  const requireBorders = task.proximity >= 0.5;
  const taskPairs = new Set<string>();
  for (const cooperation of data.taskCooperations) {
    const agsList = cooperation.members.filter((m) => m.kind === 'MUNICIPALITY').map((m) => m.key);
    for (const a of agsList) for (const b of agsList) if (a < b) taskPairs.add(`${a}|${b}`);
  }

  const scoreGroup = (agsList: string[]): Coalition => {
    const members = agsList.map((ags) => (ags === focal.ags ? focal : byAgs.get(ags)!.place));
    const partners = agsList.filter((ags) => ags !== focal.ags).map((ags) => byAgs.get(ags)!);
    const mean = (key: ComponentKey) => partners.reduce((sum, p) => sum + p.score.components.find((c) => c.key === key)!.rawValue, 0) / partners.length;
    let pairs = 0;
    let neighbourPairs = 0;
    let alreadyInTask = false;
    for (let x = 0; x < agsList.length; x++)
      for (let y = x + 1; y < agsList.length; y++) {
        pairs++;
        if (geography.areNeighbours(agsList[x]!, agsList[y]!)) neighbourPairs++;
        const [a, b] = [agsList[x]!, agsList[y]!].sort();
        if (taskPairs.has(`${a}|${b}`)) alreadyInTask = true;
      }
    const combinedPopulation = members.reduce((sum, m) => sum + m.population, 0);
    const target = options.targetPopulation ?? task.efficientScale;
    const reach = Math.min(1, combinedPopulation / target);
    const populations = members.map((m) => m.population).sort((a, b) => b - a);
    const style = options.sizeFit === 'COMPLEMENTARY' ? Math.min(1, populations[0]! / Math.max(1, populations[1]! * 2)) : Math.min(1, populations[populations.length - 1]! / populations[0]! * 2);
    const sizeRaw = Math.max(0, (0.7 * reach + 0.3 * style) * (1 - 0.04 * (members.length - 2)));
    const nrw = members.filter((m) => m.stateKey === '05').length;
    const funding = estimateFunding({ nrwPartners: nrw, otherPartners: members.length - nrw, alreadyCooperateInTask: alreadyInTask, projectCostEur: options.projectCostEur });
    const hosts = partners.filter((p) => p.facts.hostsTask.length > 0);
    const sameDistrict = members.filter((m) => m.districtKey === focal.districtKey).length / members.length;
    const connected = isConnected(geography, agsList);
    const f = (n: number) => Math.round(n * 1000) / 1000;
    const fmt = int;
    const raws: Record<ComponentKey, [number, string, string]> = {
      PROXIMITY: [
        0.5 * mean('PROXIMITY') + 0.5 * (neighbourPairs / pairs),
        `${neighbourPairs} von ${pairs} Paaren sind direkte Nachbarn${connected ? '; die Gruppe hängt über gemeinsame Grenzen zusammen' : ''}.`,
        `${neighbourPairs} of ${pairs} pairs are direct neighbours${connected ? '; the group is connected through shared borders' : ''}.`,
      ],
      EXISTING_TIES: [mean('EXISTING_TIES'), `Durchschnittliche Verbundenheit mit ${focal.name} durch bestehende Kooperationen.`, `Average ties with ${focal.name} through existing cooperations.`],
      EXPERIENCE: [
        hosts.length > 0 ? 1 : Math.max(...partners.map((p) => p.score.components.find((c) => c.key === 'EXPERIENCE')!.rawValue)),
        hosts.length > 0 ? `${hosts[0]!.place.name} erbringt „${task.nameDe}“ bereits für andere und kann Träger sein.` : `Kein Mitglied erbringt „${task.nameDe}“ bisher für andere.`,
        hosts.length > 0 ? `${hosts[0]!.place.name} already performs "${task.nameEn}" for others and can host.` : `No member performs "${task.nameEn}" for others yet.`,
      ],
      SIZE_FIT: [
        sizeRaw,
        `Zusammen ${fmt(combinedPopulation, 'de')} Einw. – ${Math.round(reach * 100)} % der Zielgröße von ${fmt(target, 'de')}.`,
        `Together ${fmt(combinedPopulation, 'en')} inhabitants – ${Math.round(reach * 100)} % of the target of ${fmt(target, 'en')}.`,
      ],
      SAME_DISTRICT: [sameDistrict, `${Math.round(sameDistrict * 100)} % der Mitglieder liegen in ${focal.districtName}.`, `${Math.round(sameDistrict * 100)} % of the members are in ${focal.districtName}.`],
      FUNDING: [funding.eligible ? 1 : 0, funding.reasonDe, funding.reasonEn],
    };
    const components = COMPONENT_KEYS.map((key) => {
      const [raw, de, en] = raws[key];
      return { key, rawValue: f(raw), weight: options.weights[key], contribution: f(raw * options.weights[key]), reasonDe: de, reasonEn: en, source: COMPONENT_SOURCES[key] };
    });
    return { members, total: f(components.reduce((s, c) => s + c.contribution, 0)), components, combinedPopulation, reachesTarget: combinedPopulation >= target, connected, funding };
  };

  const canJoin = (group: string[], ags: string): boolean => {
    if (group.includes(ags)) return false;
    if (requireBorders) return group.some((member) => geography.areNeighbours(member, ags));
    const place = byAgs.get(ags)!.place;
    return group.every((member) => geography.distanceKm(member === focal.ags ? focal : byAgs.get(member)!.place, place) <= options.maxDistanceKm);
  };

  const seen = new Set<string>();
  const results: Coalition[] = [];
  let beam: string[][] = [[focal.ags]];
  for (let size = 2; size <= options.maxSize; size++) {
    const next: Array<{ group: string[]; coalition: Coalition }> = [];
    for (const group of beam) {
      for (const candidate of pool) {
        if (!canJoin(group, candidate.place.ags)) continue;
        const members = [...group, candidate.place.ags];
        const key = [...members].sort().join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        next.push({ group: members, coalition: scoreGroup(members) });
      }
    }
    next.sort((a, b) => b.coalition.total - a.coalition.total);
    beam = next.slice(0, options.beamWidth ?? 20).map((n) => n.group);
    if (size >= options.minSize) results.push(...next.slice(0, options.beamWidth ?? 20).map((n) => n.coalition));
    if (beam.length === 0) break;
  }
  return results
    .sort((a, b) => Number(b.reachesTarget) - Number(a.reachesTarget) || b.total - a.total || a.members.length - b.members.length)
    .slice(0, options.limit);
}

function isConnected(geography: Geography, agsList: string[]): boolean {
  const seen = new Set([agsList[0]!]);
  const queue = [agsList[0]!];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const other of agsList) {
      if (!seen.has(other) && geography.areNeighbours(current, other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return seen.size === agsList.length;
}

export interface Joinable {
  cooperation: TaskCooperation;
  distanceKm: number;
  nearestMember: Place | null;
  memberCount: number;
  /** The focal municipality's own Kreis is a member (a Kreis-level cooperation it could use). */
  viaDistrict: boolean;
}

/** Existing cooperations covering the task near the municipality that it is not a member of, nearest first. */
export function joinableCooperations(geography: Geography, focal: Place, data: CooperationData, maxDistanceKm: number): Joinable[] {
  const result: Joinable[] = [];
  for (const cooperation of data.taskCooperations) {
    if (cooperation.members.some((m) => m.kind === 'MUNICIPALITY' && m.key === focal.ags)) continue;
    let nearest: Place | null = null;
    let nearestKm = Infinity;
    for (const member of cooperation.members) {
      if (member.kind !== 'MUNICIPALITY') continue;
      const place = geography.places.get(member.key);
      if (!place) continue;
      const km = geography.distanceKm(focal, place);
      if (km < nearestKm) [nearest, nearestKm] = [place, km];
    }
    const viaDistrict = cooperation.members.some((m) => m.kind === 'DISTRICT' && m.key === focal.districtKey);
    if (viaDistrict) nearestKm = Math.min(nearestKm, 0);
    if (nearestKm > maxDistanceKm) continue;
    result.push({ cooperation, distanceKm: Math.round(nearestKm * 10) / 10, nearestMember: nearest, memberCount: cooperation.members.length, viaDistrict });
  }
  return result.sort((a, b) => a.distanceKm - b.distanceKm || b.memberCount - a.memberCount || a.cooperation.id.localeCompare(b.cooperation.id));
}
