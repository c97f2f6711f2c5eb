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

/**
 * The cooperation evidence of one ranking, already in the maps the engine looks candidates up in. The maps may be
 * shared with other rankings (the index keeps them per municipality and per task): read them, never change them.
 */
export interface CooperationEvidence {
  /** Cooperations the focal municipality shares with each other municipality. */
  readonly ties: ReadonlyMap<string, SharedCooperation[]>;
  /** Sum of the tie weights per municipality. */
  readonly tieStrength: ReadonlyMap<string, number>;
  /** Per municipality two ties away: how many partners it shares with the focal one, and the weight of those paths. */
  readonly sharedPartners: ReadonlyMap<string, { count: number; strength: number }>;
  /** Who hosts, and who belongs to, a cooperation in the task (not ended); complete for every municipality in reach. */
  readonly hosts: ReadonlyMap<string, CandidateFacts['hostsTask']>;
  readonly members: ReadonlyMap<string, CandidateFacts['memberInTask']>;
  /** Municipalities already in an active (or unclear) cooperation with the focal one in the task: not suggested again. */
  readonly existingTaskPartners: ReadonlySet<string>;
  /**
   * Cooperations covering the task with a member in reach or the focal Kreis as member (to join; for coalitions).
   * Collected when first read: the partner ranking does not need them.
   */
  readonly taskCooperations: readonly IndexedCooperation[];
}

/** The focal municipality's own part of the evidence: the same for every task and radius. */
interface FocalTies {
  ties: Map<string, SharedCooperation[]>;
  tieStrength: Map<string, number>;
  sharedPartners: Map<string, { count: number; strength: number }>;
}

/** Per task: the hosts and members of its cooperations that have not ended, by municipality. */
interface TaskRoles {
  hosts: Map<string, CandidateFacts['hostsTask']>;
  members: Map<string, CandidateFacts['memberInTask']>;
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
  /** Municipal members that lead it for delegating ones (hosts), and the other municipal members, each once. */
  hostKeys: string[];
  memberKeys: string[];
  /** How many members delegate the task to a lead member; what the facts of a host and of a member cite (shared, never mutated). */
  clients: number;
  asHost: { id: string; name: string; clients: number };
  asMember: { id: string; name: string };
  /** Position in the index's id order, so results sort by a number instead of comparing ids. */
  order: number;
  /** The collection that last took it (deduplicates without a Set; collecting is synchronous). */
  seen: number;
}

/** `${taskAreaId}|${districtKey}` for every task it covers and every Kreis among its members. */
function districtTaskKeys(cooperation: IndexedCooperation): string[] {
  const keys: string[] = [];
  for (const member of cooperation.members) {
    if (member.kind !== 'DISTRICT') continue;
    for (const taskAreaId of cooperation.taskAreaIds) keys.push(`${taskAreaId}|${member.key}`);
  }
  return keys;
}

/** Inserts `entry` into a list kept in id order. */
function insertInOrder(list: Entry[], entry: Entry): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]!.order < entry.order) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, entry);
}

/** What the index keeps for one cooperation; `order` is its place in id order (any number between its neighbours'). */
function entryOf(cooperation: IndexedCooperation, order: number): Entry {
  const municipalities = [...new Set(cooperation.members.filter((m) => m.kind === 'MUNICIPALITY').map((m) => m.key))];
  const clients = cooperation.members.filter((m) => m.role === 'DELEGATING').length;
  const municipal = cooperation.members.filter((m) => m.kind === 'MUNICIPALITY');
  const hostKeys = clients > 0 ? [...new Set(municipal.filter((m) => m.role === 'LEAD').map((m) => m.key))] : [];
  return {
    cooperation,
    municipalities,
    hostKeys,
    memberKeys: [...new Set(municipal.filter((m) => !(clients > 0 && m.role === 'LEAD')).map((m) => m.key))],
    clients,
    asHost: { id: cooperation.id, name: cooperation.name, clients },
    asMember: { id: cooperation.id, name: cooperation.name },
    order,
    seen: 0,
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
}

/**
 * The collection of task cooperations under way. One counter for all indexes: an index updated by withChanges
 * shares its unchanged entries with its predecessor, so their marks must never repeat between the two.
 */
let evidenceStamp = 0;

/**
 * The cooperations and memberships in memory, indexed by member and by task area, so that the cooperation data of
 * a ranking is a few map lookups instead of a database round trip (docs/decisions/007). Built from a snapshot of
 * the graph; never mutated: a change to a few cooperations makes a new index that shares the rest (withChanges).
 */
export class CooperationIndex {
  private byMunicipality = new Map<string, Entry[]>();
  /** Task area → member municipality → the cooperations covering that task it belongs to. */
  private byTaskAndMunicipality = new Map<string, Map<string, Entry[]>>();
  /** `${taskAreaId}|${districtKey}` → the cooperations covering that task with the Kreis as member. */
  private byTaskAndDistrict = new Map<string, Entry[]>();
  /** Every entry in id order (alongside `cooperations`). */
  private ordered: Entry[] = [];
  private cooperations: IndexedCooperation[];

  constructor(cooperations: IndexedCooperation[]) {
    // Sorted by id so that every list, and so every explanation built from it, comes out in the same order.
    this.cooperations = [...cooperations].sort(byId);
    for (const [order, cooperation] of this.cooperations.entries()) {
      const entry = entryOf(cooperation, order);
      this.ordered.push(entry);
      const push = <K>(map: Map<K, Entry[]>, key: K) => {
        const list = map.get(key);
        if (list) list.push(entry);
        else map.set(key, [entry]);
      };
      for (const ags of entry.municipalities) {
        push(this.byMunicipality, ags);
        for (const taskAreaId of cooperation.taskAreaIds) {
          let byMember = this.byTaskAndMunicipality.get(taskAreaId);
          if (!byMember) this.byTaskAndMunicipality.set(taskAreaId, (byMember = new Map()));
          push(byMember, ags);
        }
      }
      for (const key of districtTaskKeys(cooperation)) push(this.byTaskAndDistrict, key);
    }
  }

  /** Every cooperation, by id. */
  all(): readonly IndexedCooperation[] {
    return this.cooperations;
  }

  /** The cooperations covering a task that `ags` is a municipal member of, any status, in id order (the funding check). */
  inTask(taskAreaId: string, ags: string): IndexedCooperation[] {
    return (this.byTaskAndMunicipality.get(taskAreaId)?.get(ags) ?? []).map((entry) => entry.cooperation);
  }

  /**
   * A new index with `changed` cooperations added or replaced and `removedIds` taken out, for the register's write
   * path (docs/decisions/013): it copies the outer maps and the few lists the changed cooperations are in and shares
   * everything else with this one, which stays valid for the requests still using it. Gives exactly what a new
   * index over the same cooperations gives (a unit test compares them over random changes).
   */
  withChanges(changed: readonly IndexedCooperation[], removedIds: readonly string[] = []): CooperationIndex {
    const updates = new Map<string, IndexedCooperation | null>();
    for (const id of removedIds) updates.set(id, null);
    for (const cooperation of changed) updates.set(cooperation.id, cooperation);
    if (updates.size === 0) return this;

    // All entries in id order with the changed ones replaced, removed or inserted (arrays of pointers: copying and
    // splicing 50,000 costs far less than a map of them); a new one is numbered between its neighbours.
    const ordered = this.ordered.slice();
    const cooperations = this.cooperations.slice();
    const olds: Entry[] = [];
    const fresh: Entry[] = [];
    for (const [id, cooperation] of [...updates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const at = CooperationIndex.position(ordered, id);
      const old = ordered[at]?.cooperation.id === id ? ordered[at] : undefined;
      if (old) olds.push(old);
      if (!cooperation) {
        if (old) {
          ordered.splice(at, 1);
          cooperations.splice(at, 1);
        }
        continue;
      }
      let order = old?.order;
      if (order === undefined) {
        const before = ordered[at - 1];
        const after = ordered[at];
        order = !before ? (after ? after.order - 1 : 0) : !after ? before.order + 1 : (before.order + after.order) / 2;
        // Between two neighbours whose orders a double can no longer split: number everything afresh.
        if ((before && order <= before.order) || (after && order >= after.order)) {
          return new CooperationIndex([
            ...this.cooperations.filter((c) => !updates.has(c.id)),
            ...[...updates.values()].filter((c): c is IndexedCooperation => c !== null),
          ]);
        }
      }
      const entry = entryOf(cooperation, order);
      fresh.push(entry);
      ordered.splice(at, old ? 1 : 0, entry);
      cooperations.splice(at, old ? 1 : 0, cooperation);
    }

    const next = new CooperationIndex([]);
    next.ordered = ordered;
    next.cooperations = cooperations;
    next.byMunicipality = new Map(this.byMunicipality);
    next.byTaskAndMunicipality = new Map(this.byTaskAndMunicipality);
    next.byTaskAndDistrict = new Map(this.byTaskAndDistrict);
    const copiedTasks = new Set<string>();
    const taskMap = (taskAreaId: string) => {
      if (!copiedTasks.has(taskAreaId)) {
        copiedTasks.add(taskAreaId);
        next.byTaskAndMunicipality.set(taskAreaId, new Map(this.byTaskAndMunicipality.get(taskAreaId)));
      }
      return next.byTaskAndMunicipality.get(taskAreaId)!;
    };
    // Lists are replaced, never changed in place: the old index may still be answering a request with them.
    const edit = <K>(map: Map<K, Entry[]>, key: K, remove: Entry | null, add: Entry | null) => {
      const list = (map.get(key) ?? []).filter((e) => e !== remove);
      if (add) insertInOrder(list, add);
      if (list.length > 0) map.set(key, list);
      else map.delete(key);
    };
    const touched = new Set<string>();
    for (const old of olds) {
      for (const ags of old.municipalities) {
        touched.add(ags);
        edit(next.byMunicipality, ags, old, null);
        for (const taskAreaId of old.cooperation.taskAreaIds) edit(taskMap(taskAreaId), ags, old, null);
      }
      for (const key of districtTaskKeys(old.cooperation)) edit(next.byTaskAndDistrict, key, old, null);
    }
    for (const entry of fresh) {
      for (const ags of entry.municipalities) {
        touched.add(ags);
        edit(next.byMunicipality, ags, null, entry);
        for (const taskAreaId of entry.cooperation.taskAreaIds) edit(taskMap(taskAreaId), ags, null, entry);
      }
      for (const key of districtTaskKeys(entry.cooperation)) edit(next.byTaskAndDistrict, key, null, entry);
    }
    for (const taskAreaId of copiedTasks) if (next.byTaskAndMunicipality.get(taskAreaId)!.size === 0) next.byTaskAndMunicipality.delete(taskAreaId);
    // A municipality's tie weights change only with the cooperations it is (or was) a member of.
    next.strengthCache = new Map(this.strengthCache);
    for (const ags of touched) next.strengthCache.delete(ags);
    return next;
  }

  /** Where `id` is or would go in an id-ordered list of entries (binary search). */
  private static position(ordered: readonly Entry[], id: string): number {
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ordered[mid]!.cooperation.id < id) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Tie weights per municipality, computed on first use; the index never changes (withChanges copies it without the touched ones). */
  private strengthCache = new Map<string, Map<string, number>>();

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
    const { ties, tieStrength, sharedPartners } = this.focalTies(focal.ags, excludeId);
    const byMember = this.byTaskAndMunicipality.get(taskAreaId);
    const existingTaskPartners = new Set<string>();
    for (const { cooperation, municipalities } of byMember?.get(focal.ags) ?? []) {
      if (cooperation.id === excludeId || !isInForce(cooperation.status)) continue;
      for (const ags of municipalities) if (ags !== focal.ags) existingTaskPartners.add(ags);
    }
    let taskEntries: Entry[] | null = null;
    const collectTaskEntries = () => (taskEntries ??= this.taskEntriesAround(geography, focal, taskAreaId, radiusKm, excludeId));
    // The task's hosts and members are the same for every ranking in the task, so they are kept per task. Hiding one
    // cooperation (the evaluation) needs them without it: then they come from the cooperations around the focal one,
    // which hold every cooperation of a municipality in reach — the only ones the engine looks up.
    const { hosts, members } = excludeId === null ? this.taskRoles(taskAreaId) : CooperationIndex.rolesOf(collectTaskEntries());
    return {
      ties,
      tieStrength,
      sharedPartners,
      hosts,
      members,
      existingTaskPartners,
      get taskCooperations() {
        return collectTaskEntries().map((e) => e.cooperation);
      },
    };
  }

  /** Per municipality, computed on first use (a new index starts afresh); fresh when a cooperation is hidden. */
  private focalCache = new Map<string, FocalTies>();

  private focalTies(ags: string, excludeId: string | null): FocalTies {
    const cached = excludeId === null ? this.focalCache.get(ags) : undefined;
    if (cached) return cached;
    const ties = new Map<string, SharedCooperation[]>();
    const tieStrength = new Map<string, number>();
    for (const entry of this.byMunicipality.get(ags) ?? []) {
      if (entry.cooperation.id === excludeId) continue;
      for (const other of entry.municipalities) {
        if (other === ags) continue;
        const list = ties.get(other);
        if (list) list.push(entry.shared);
        else ties.set(other, [entry.shared]);
        tieStrength.set(other, (tieStrength.get(other) ?? 0) + entry.weight);
      }
    }
    // A path ags → k → j is as strong as its weaker tie, counted for every j.
    const sharedPartners = new Map<string, { count: number; strength: number }>();
    for (const [partner, toPartner] of tieStrength) {
      for (const [other, fromPartner] of this.strengths(partner, excludeId)) {
        if (other === ags) continue;
        const shared = sharedPartners.get(other);
        const path = Math.min(toPartner, fromPartner);
        if (shared) {
          shared.count++;
          shared.strength += path;
        } else sharedPartners.set(other, { count: 1, strength: path });
      }
    }
    const result = { ties, tieStrength, sharedPartners };
    if (excludeId === null) this.focalCache.set(ags, result);
    return result;
  }

  /** Per task, computed on first use (a new index starts afresh). */
  private taskRolesCache = new Map<string, TaskRoles>();

  private taskRoles(taskAreaId: string): TaskRoles {
    let roles = this.taskRolesCache.get(taskAreaId);
    if (!roles) {
      // Every cooperation of the task once, in id order (a municipality's lists are in id order).
      const entries = new Set<Entry>();
      for (const list of this.byTaskAndMunicipality.get(taskAreaId)?.values() ?? []) for (const entry of list) entries.add(entry);
      roles = CooperationIndex.rolesOf([...entries].sort((x, y) => x.order - y.order));
      this.taskRolesCache.set(taskAreaId, roles);
    }
    return roles;
  }

  /** Hosts and members of the given cooperations (in id order) that have not ended. */
  private static rolesOf(entries: readonly Entry[]): TaskRoles {
    const hosts = new Map<string, CandidateFacts['hostsTask']>();
    const members = new Map<string, CandidateFacts['memberInTask']>();
    for (const { cooperation, hostKeys, memberKeys, asHost, asMember } of entries) {
      if (cooperation.status === 'ENDED') continue;
      for (const ags of hostKeys) {
        const list = hosts.get(ags);
        if (list) list.push(asHost);
        else hosts.set(ags, [asHost]);
      }
      for (const ags of memberKeys) {
        const list = members.get(ags);
        if (list) list.push(asMember);
        else members.set(ags, [asMember]);
      }
    }
    return { hosts, members };
  }

  /** The task's cooperations with a member within `radiusKm` of the focal one or its Kreis as member, in id order. */
  private taskEntriesAround(geography: Geography, focal: Place, taskAreaId: string, radiusKm: number, excludeId: string | null): Entry[] {
    // Looked up from the municipalities in reach (a few hundred at most), not by scanning every task cooperation.
    const found: Entry[] = [];
    const stamp = ++evidenceStamp;
    const collect = (entries: Entry[] | undefined) => {
      if (!entries) return;
      for (const entry of entries) {
        if (entry.seen === stamp || entry.cooperation.id === excludeId) continue;
        entry.seen = stamp;
        found.push(entry);
      }
    };
    const byMember = this.byTaskAndMunicipality.get(taskAreaId);
    if (byMember) {
      collect(byMember.get(focal.ags));
      for (const { place } of geography.within(focal, radiusKm)) collect(byMember.get(place.ags));
    }
    collect(this.byTaskAndDistrict.get(`${taskAreaId}|${focal.districtKey}`));
    return found.sort((x, y) => x.order - y.order);
  }
}
