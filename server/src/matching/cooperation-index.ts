import type { Geography } from './geography';
import type { CandidateFacts, CooperationStatus, Place, SharedCooperation } from './types';

export type MemberKind = 'MUNICIPALITY' | 'DISTRICT' | 'COOPERATION';

/** One cooperation as the read model holds it. External partners (outside NRW or municipal government) are never matched, so they are not here. */
export interface IndexedCooperation {
  id: string;
  name: string;
  legalForm: string;
  provenance: string;
  status: CooperationStatus;
  /** HIGH, MEDIUM or LOW (unconfirmed): an explanation that cites a LOW record says so. */
  confidence: string;
  taskAreaIds: string[];
  members: Array<{ kind: MemberKind; key: string; role: string }>;
}

/** The cooperation evidence of one ranking, already in the maps the engine looks candidates up in. */
export interface CooperationEvidence {
  /** Cooperations the focal municipality shares with each other municipality. */
  ties: Map<string, SharedCooperation[]>;
  /** Sum of the tie weights per municipality. */
  tieStrength: Map<string, number>;
  /** Per municipality in reach: how many partners it shares with the focal one, and the weight of those paths. */
  sharedPartners: Map<string, { count: number; strength: number }>;
  hosts: Map<string, CandidateFacts['hostsTask']>;
  members: Map<string, CandidateFacts['memberInTask']>;
  /** Municipalities already in an active (or unclear) cooperation with the focal one in the task: not suggested again. */
  existingTaskPartners: Set<string>;
  /** Cooperations covering the task with a member in reach or the focal Kreis as member (to join; for coalitions). */
  taskCooperations: IndexedCooperation[];
}

/** A cooperation that still runs: ended and planned ones are a past or future tie, never an existing partnership. */
export const isInForce = (status: CooperationStatus) => status === 'ACTIVE' || status === 'UNCLEAR';
const STATUS_WEIGHT: Record<CooperationStatus, number> = { ACTIVE: 1, UNCLEAR: 1, PLANNED: 0.75, ENDED: 0.5 };

/**
 * How much a shared cooperation says about a pair: a joint body of two says much, a Kreis-wide Zweckverband of
 * twenty little (1 / (members − 1)); ended and planned ones count less.
 */
export function tieWeight(status: CooperationStatus, municipalMembers: number): number {
  return STATUS_WEIGHT[status] / Math.max(1, municipalMembers - 1);
}

const byId = (x: IndexedCooperation, y: IndexedCooperation) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

interface Entry {
  cooperation: IndexedCooperation;
  municipalities: string[];
  weight: number;
  shared: SharedCooperation;
}

/**
 * The cooperations and memberships in memory, indexed by member and by task area, so that the cooperation data of
 * a ranking is a few map lookups instead of a database round trip (docs/decisions/007). Built from a snapshot of
 * the graph and replaced whole when the data changes; never mutated.
 */
export class CooperationIndex {
  private readonly byMunicipality = new Map<string, Entry[]>();
  private readonly byDistrict = new Map<string, Entry[]>();
  /** Task area → member municipality → the cooperations covering that task it belongs to. */
  private readonly byTaskAndMunicipality = new Map<string, Map<string, Entry[]>>();
  private readonly cooperations: IndexedCooperation[];

  constructor(cooperations: IndexedCooperation[]) {
    const push = <K>(map: Map<K, Entry[]>, key: K, entry: Entry) => {
      const list = map.get(key);
      if (list) list.push(entry);
      else map.set(key, [entry]);
    };
    // Sorted by id so that every list, and so every explanation built from it, comes out in the same order.
    this.cooperations = [...cooperations].sort(byId);
    for (const cooperation of this.cooperations) {
      const municipalities = [...new Set(cooperation.members.filter((m) => m.kind === 'MUNICIPALITY').map((m) => m.key))];
      const entry: Entry = {
        cooperation,
        municipalities,
        weight: tieWeight(cooperation.status, municipalities.length),
        shared: {
          id: cooperation.id,
          name: cooperation.name,
          taskAreaIds: cooperation.taskAreaIds,
          status: cooperation.status,
          unconfirmed: cooperation.confidence === 'LOW',
          municipalMembers: municipalities.length,
        },
      };
      for (const ags of municipalities) {
        push(this.byMunicipality, ags, entry);
        for (const taskAreaId of cooperation.taskAreaIds) {
          let byMember = this.byTaskAndMunicipality.get(taskAreaId);
          if (!byMember) this.byTaskAndMunicipality.set(taskAreaId, (byMember = new Map()));
          push(byMember, ags, entry);
        }
      }
      for (const member of cooperation.members) if (member.kind === 'DISTRICT') push(this.byDistrict, member.key, entry);
    }
  }

  /** Every cooperation, by id. */
  all(): readonly IndexedCooperation[] {
    return this.cooperations;
  }

  /** Tie weights per municipality, computed on first use; the index never changes, so they stay valid. */
  private readonly strengthCache = new Map<string, Map<string, number>>();

  /** Tie weight of `ags` to every municipality it shares a cooperation with (cached unless a cooperation is hidden). */
  private strengths(ags: string, excludeId: string | null): Map<string, number> {
    const hidesOwn = excludeId !== null && (this.byMunicipality.get(ags) ?? []).some((e) => e.cooperation.id === excludeId);
    if (!hidesOwn) {
      const cached = this.strengthCache.get(ags);
      if (cached) return cached;
    }
    const strengths = new Map<string, number>();
    for (const entry of this.byMunicipality.get(ags) ?? []) {
      if (entry.cooperation.id === excludeId) continue;
      for (const other of entry.municipalities) if (other !== ags) strengths.set(other, (strengths.get(other) ?? 0) + entry.weight);
    }
    if (!hidesOwn) this.strengthCache.set(ags, strengths);
    return strengths;
  }

  /**
   * What one ranking needs to know about cooperations around `focal`: the cooperations it shares with each other
   * municipality, its partners' partners (triadic closure), who hosts or belongs to a cooperation in the task, and
   * the task's cooperations within `radiusKm` or with the own Kreis as member. `excludeId` leaves one cooperation
   * out of the evidence (the evaluation hides the cooperation it asks about, so it cannot vouch for itself).
   */
  evidenceFor(geography: Geography, focal: Place, taskAreaId: string, radiusKm: number, excludeId: string | null = null): CooperationEvidence {
    const ties = new Map<string, SharedCooperation[]>();
    const tieStrength = new Map<string, number>();
    for (const entry of this.byMunicipality.get(focal.ags) ?? []) {
      if (entry.cooperation.id === excludeId) continue;
      for (const other of entry.municipalities) {
        if (other === focal.ags) continue;
        const list = ties.get(other);
        if (list) list.push(entry.shared);
        else ties.set(other, [entry.shared]);
        tieStrength.set(other, (tieStrength.get(other) ?? 0) + entry.weight);
      }
    }

    // A path focal → k → j is as strong as its weaker tie; only municipalities in reach can be candidates.
    const inReach = geography.within(focal, radiusKm);
    const reachable = new Set(inReach.map(({ place }) => place.ags));
    const sharedPartners = new Map<string, { count: number; strength: number }>();
    for (const [partner, toPartner] of tieStrength) {
      for (const [other, fromPartner] of this.strengths(partner, excludeId)) {
        if (other === focal.ags || !reachable.has(other)) continue;
        const shared = sharedPartners.get(other);
        const path = Math.min(toPartner, fromPartner);
        if (shared) {
          shared.count++;
          shared.strength += path;
        } else sharedPartners.set(other, { count: 1, strength: path });
      }
    }

    // Looked up from the municipalities in reach (a few hundred at most), not by scanning every task cooperation.
    const found = new Set<Entry>();
    const byMember = this.byTaskAndMunicipality.get(taskAreaId);
    if (byMember) {
      for (const entry of byMember.get(focal.ags) ?? []) found.add(entry);
      for (const { place } of inReach) for (const entry of byMember.get(place.ags) ?? []) found.add(entry);
    }
    for (const entry of this.byDistrict.get(focal.districtKey) ?? []) if (entry.cooperation.taskAreaIds.includes(taskAreaId)) found.add(entry);
    const taskEntries = [...found].filter((e) => e.cooperation.id !== excludeId).sort((x, y) => byId(x.cooperation, y.cooperation));

    const hosts = new Map<string, CandidateFacts['hostsTask']>();
    const members = new Map<string, CandidateFacts['memberInTask']>();
    const existingTaskPartners = new Set<string>();
    for (const { cooperation, municipalities } of taskEntries) {
      if (cooperation.status === 'ENDED') continue;
      if (isInForce(cooperation.status) && municipalities.includes(focal.ags)) for (const ags of municipalities) if (ags !== focal.ags) existingTaskPartners.add(ags);
      const clients = cooperation.members.filter((m) => m.role === 'DELEGATING').length;
      for (const member of cooperation.members) {
        if (member.kind !== 'MUNICIPALITY') continue;
        if (member.role === 'LEAD' && clients > 0) {
          const list = hosts.get(member.key) ?? [];
          if (!list.some((h) => h.id === cooperation.id)) list.push({ id: cooperation.id, name: cooperation.name, clients });
          hosts.set(member.key, list);
        } else {
          const list = members.get(member.key) ?? [];
          if (!list.some((h) => h.id === cooperation.id)) list.push({ id: cooperation.id, name: cooperation.name });
          members.set(member.key, list);
        }
      }
    }
    return { ties, tieStrength, sharedPartners, hosts, members, existingTaskPartners, taskCooperations: taskEntries.map((e) => e.cooperation) };
  }
}
