import { COMPONENTS, int, km, kreisLabel, targetFit, type ComponentKey, type Factor } from './components';
import { isInForce, type CooperationEvidence } from './cooperation-index';
import { estimateFunding } from './funding';
import type { Geography } from './geography';
import { isNrw, scorePool, type MatchingOptions } from './partners';
import { pairFactors, scoreFactors, type Score } from './scoring';
import type { CandidateFacts, FundingEstimate, Place, TaskProfile } from './types';

export interface Coalition {
  members: Place[];
  score: Score;
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

interface Partner {
  place: Place;
  facts: CandidateFacts;
  factors: Map<ComponentKey, Factor>;
}

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length);
const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const percent = (x: number) => Math.round(x * 100);

/**
 * Group factors, one per component, built from the same pair factors as the partner ranking (each partner with the
 * focal municipality), plus what only a group has: pairs that border each other and the combined population. Each
 * raw value is what its sentence says, so points and explanation agree.
 */
function groupFactors(
  geography: Geography,
  focal: Place,
  task: TaskProfile,
  partners: Partner[],
  target: number,
  sizeFit: TaskProfile['sizeFit'],
): Map<ComponentKey, Factor> {
  const members = [focal, ...partners.map((p) => p.place)];
  const raw = (key: ComponentKey) => partners.map((p) => p.factors.get(key)!.raw);
  let pairs = 0;
  let neighbourPairs = 0;
  for (let x = 0; x < members.length; x++)
    for (let y = x + 1; y < members.length; y++) {
      pairs++;
      if (geography.areNeighbours(members[x]!.ags, members[y]!.ags)) neighbourPairs++;
    }
  const connected = isConnected(
    geography,
    members.map((m) => m.ags),
  );
  const combined = members.reduce((sum, m) => sum + m.population, 0);
  const populations = members.map((m) => m.population).sort((a, b) => b - a);
  const style =
    sizeFit === 'COMPLEMENTARY'
      ? Math.min(1, populations[0]! / Math.max(1, 2 * populations[1]!))
      : Math.min(1, (2 * populations[populations.length - 1]!) / populations[0]!);
  const hosts = partners.filter((p) => p.facts.hostsTask.length > 0);
  const inTask = partners.filter((p) => p.facts.memberInTask.length > 0);
  const tied = partners.filter((p) => p.facts.sharedCooperations.length > 0).length;
  const withCommonPartners = partners.filter((p) => p.facts.sharedPartners > 0).length;
  const inDistrict = partners.filter((p) => p.facts.sameDistrict).length;
  const inRegion = partners.filter((p) => p.facts.sharedRegions.length > 0).length;
  const n = partners.length;
  const meanKm = mean(partners.map((p) => p.facts.distanceKm));
  // "1 von 3 Partnern arbeitet", "2 von 3 Partnern arbeiten": the verb follows the count.
  const of = (k: number, de: [string, string], en: [string, string]) => ({
    de: `${k} von ${n} ${n === 1 ? 'Partner' : 'Partnern'} ${k === 1 ? de[0] : de[1]}`,
    en: `${k} of ${n} partner${n === 1 ? '' : 's'} ${k === 1 ? en[0] : en[1]}`,
  });

  const factors: Record<ComponentKey, Factor> = {
    // Half the partners' own proximity to the focal municipality, half the share of member pairs that border each other.
    PROXIMITY: {
      raw: 0.5 * mean(raw('PROXIMITY')) + 0.5 * share(neighbourPairs, pairs),
      text: () => ({
        de: `Die Partner liegen im Mittel ${km(meanKm, 'de')} km von ${focal.name} entfernt; ${neighbourPairs} von ${pairs} Paaren grenzen aneinander${connected ? ', die Gruppe hängt über gemeinsame Grenzen zusammen' : ''}.`,
        en: `The partners are on average ${km(meanKm, 'en')} km from ${focal.name}; ${neighbourPairs} of ${pairs} pair${pairs === 1 ? '' : 's'} share${neighbourPairs === 1 ? 's' : ''} a border${connected ? ', the group is connected through shared borders' : ''}.`,
      }),
    },
    EXISTING_TIES: {
      raw: share(tied, n),
      text: () => ({
        de: `${of(tied, ['arbeitet', 'arbeiten'], ['already cooperates', 'already cooperate']).de} schon mit ${focal.name} zusammen.`,
        en: `${of(tied, ['arbeitet', 'arbeiten'], ['already cooperates', 'already cooperate']).en} with ${focal.name}.`,
      }),
    },
    SHARED_PARTNERS: {
      raw: share(withCommonPartners, n),
      text: () => ({
        de: `${of(withCommonPartners, ['hat', 'haben'], ['has', 'have']).de} gemeinsame Partnerkommunen mit ${focal.name}.`,
        en: `${of(withCommonPartners, ['hat', 'haben'], ['has', 'have']).en} partner municipalities in common with ${focal.name}.`,
      }),
    },
    EXPERIENCE: {
      raw: Math.max(0, ...raw('EXPERIENCE')),
      text: () =>
        hosts.length > 0
          ? {
              de: `${hosts[0]!.place.name} erbringt „${task.nameDe}“ bereits für andere und kann Träger sein.`,
              en: `${hosts[0]!.place.name} already performs "${task.nameEn}" for others and can host.`,
            }
          : inTask.length > 0
            ? {
                de: `${inTask[0]!.place.name} ist schon Mitglied einer Kooperation für „${task.nameDe}“.`,
                en: `${inTask[0]!.place.name} already belongs to a cooperation for "${task.nameEn}".`,
              }
            : {
                de: `Kein Partner hat im Register eine Kooperation für „${task.nameDe}“.`,
                en: `No partner has a cooperation for "${task.nameEn}" in the register.`,
              },
    },
    SIZE_FIT: {
      raw: 0.7 * targetFit(combined, target) + 0.3 * style,
      text: () => ({
        de: `Zusammen ${int(combined, 'de')} Einw. = ${int(percent(combined / target), 'de')} % der Zielgröße von ${int(target, 'de')}.`,
        en: `Together ${int(combined, 'en')} inhabitants = ${int(percent(combined / target), 'en')} % of the target of ${int(target, 'en')}.`,
      }),
    },
    SAME_DISTRICT: {
      raw: share(inDistrict, n),
      text: () =>
        focal.districtType === 'KREISFREIE_STADT'
          ? { de: `${focal.name} ist kreisfrei; kein gemeinsamer Kreis.`, en: `${focal.name} is a kreisfreie Stadt; no Kreis in common.` }
          : {
              de: `${of(inDistrict, ['liegt', 'liegen'], ['is', 'are']).de} im selben Kreis wie ${focal.name} (${kreisLabel(focal)}).`,
              en: `${of(inDistrict, ['liegt', 'liegen'], ['is', 'are']).en} in the same Kreis as ${focal.name} (${kreisLabel(focal)}).`,
            },
    },
    SHARED_REGION: {
      raw: share(inRegion, n),
      text: () => ({
        de: `${of(inRegion, ['teilt', 'teilen'], ['shares', 'share']).de} eine LEADER- oder Entwicklungsregion mit ${focal.name}.`,
        en: `${of(inRegion, ['teilt', 'teilen'], ['shares', 'share']).en} a LEADER or development region with ${focal.name}.`,
      }),
    },
  };
  return new Map(Object.entries(factors) as Array<[ComponentKey, Factor]>);
}

/** 0: reaches the target and is at most twice it; 1: larger than that; 2: falls short of it. */
export function targetTier(combinedPopulation: number, target: number): number {
  if (combinedPopulation < target) return 2;
  return combinedPopulation <= 2 * target ? 0 : 1;
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

/**
 * Groups of 2–6 including the focal municipality, built by beam search over the best partner candidates: each
 * step adds one candidate that borders the group (tasks where proximity matters) or lies within reach (others).
 */
export function suggestCoalitions(
  geography: Geography,
  focal: Place,
  task: TaskProfile,
  evidence: CooperationEvidence,
  options: CoalitionOptions,
): Coalition[] {
  const pool = scorePool(geography, focal, task, evidence, options);
  const target = pool.target;
  const partners = new Map<string, Partner>();
  for (const { candidate } of pool.ranked.slice(0, options.pool ?? 24)) {
    const factors = pairFactors({ focal, candidate: candidate.place, task, facts: candidate.facts, target, sizeFit: options.sizeFit });
    partners.set(candidate.place.ags, { ...candidate, factors: new Map(COMPONENTS.map((c, i) => [c.key, factors[i]!])) });
  }
  const requireBorders = task.proximity >= 0.5;
  const taskPairs = new Set<string>();
  for (const cooperation of evidence.taskCooperations) {
    if (!isInForce(cooperation.status)) continue;
    const agsList = cooperation.members.filter((m) => m.kind === 'MUNICIPALITY').map((m) => m.key);
    for (const a of agsList) for (const b of agsList) if (a < b) taskPairs.add(`${a}|${b}`);
  }

  const scoreGroup = (agsList: string[], explain: boolean): Coalition => {
    const groupPartners = agsList.slice(1).map((ags) => partners.get(ags)!);
    const members = [focal, ...groupPartners.map((p) => p.place)];
    const factors = groupFactors(geography, focal, task, groupPartners, target, options.sizeFit);
    const score = scoreFactors(
      COMPONENTS.map((c) => factors.get(c.key)!),
      options.weights,
      explain,
    );
    let alreadyInTask = false;
    for (const a of agsList) for (const b of agsList) if (a < b && taskPairs.has(`${a}|${b}`)) alreadyInTask = true;
    const nrw = members.filter(isNrw).length;
    const combinedPopulation = members.reduce((sum, m) => sum + m.population, 0);
    return {
      members,
      score,
      combinedPopulation,
      reachesTarget: combinedPopulation >= target,
      connected: isConnected(geography, agsList),
      funding: estimateFunding({
        nrwPartners: nrw,
        otherPartners: members.length - nrw,
        alreadyCooperateInTask: alreadyInTask,
        projectCostEur: options.projectCostEur,
      }),
    };
  };

  const canJoin = (group: string[], ags: string): boolean => {
    if (group.includes(ags)) return false;
    if (requireBorders) return group.some((member) => geography.areNeighbours(member, ags));
    const place = partners.get(ags)!.place;
    return group.every((member) => geography.distanceKm(member === focal.ags ? focal : partners.get(member)!.place, place) <= options.maxDistanceKm);
  };

  const beamWidth = options.beamWidth ?? 20;
  const seen = new Set<string>();
  const results: Array<{ group: string[]; total: number; tier: number }> = [];
  let beam: string[][] = [[focal.ags]];
  for (let size = 2; size <= options.maxSize; size++) {
    const next: Array<{ group: string[]; total: number; tier: number }> = [];
    for (const group of beam) {
      for (const ags of partners.keys()) {
        if (!canJoin(group, ags)) continue;
        const members = [...group, ags];
        const key = [...members].sort().join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        const coalition = scoreGroup(members, false);
        next.push({ group: members, total: coalition.score.total, tier: targetTier(coalition.combinedPopulation, target) });
      }
    }
    next.sort((a, b) => b.total - a.total);
    beam = next.slice(0, beamWidth).map((n) => n.group);
    if (size >= options.minSize) results.push(...next.slice(0, beamWidth));
    if (beam.length === 0) break;
  }
  return (
    results
      // The target is the user's goal, not a weighed preference: groups that reach it without being more than twice
      // as large come first, then oversized ones, then those that fall short; by score within each tier.
      .sort((a, b) => a.tier - b.tier || b.total - a.total || a.group.length - b.group.length)
      .slice(0, options.limit)
      .map(({ group }) => scoreGroup(group, true))
  );
}
