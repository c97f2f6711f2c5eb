import type { CooperationData, TaskCooperation } from './engine';
import type { Geography } from './geography';
import type { Place } from './types';

/** One cooperation as the read model holds it. */
export interface IndexedCooperation extends TaskCooperation {
  taskAreaIds: string[];
}

/** A pair of municipalities sharing cooperations: the `COOPERATES_WITH` projection the import writes. */
export interface CooperationLink {
  a: string;
  b: string;
  /** How many of the shared cooperations are not generated. */
  researched: number;
}

interface Neighbour {
  ags: string;
  researched: number;
}

const isGenerated = (cooperation: IndexedCooperation) => cooperation.provenance === 'GENERATED';
const byId = (x: IndexedCooperation, y: IndexedCooperation) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * The cooperations and memberships in memory, indexed by member and by task area, so that the cooperation data of
 * a ranking is a few map lookups instead of a database round trip (docs/decisions/007). Built from a snapshot of
 * the graph and replaced whole when the data changes; never mutated.
 */
export class CooperationIndex {
  private readonly byMunicipality = new Map<string, IndexedCooperation[]>();
  private readonly byDistrict = new Map<string, IndexedCooperation[]>();
  /** Task area → member municipality → the cooperations covering that task it belongs to. */
  private readonly byTaskAndMunicipality = new Map<string, Map<string, IndexedCooperation[]>>();
  private readonly links = new Map<string, Neighbour[]>();

  constructor(cooperations: IndexedCooperation[], links: CooperationLink[]) {
    const push = <K>(map: Map<K, IndexedCooperation[]>, key: K, cooperation: IndexedCooperation) => {
      const list = map.get(key);
      if (list) list.push(cooperation);
      else map.set(key, [cooperation]);
    };
    // Sorted by id so that every list, and so every explanation built from it, comes out in the same order.
    for (const cooperation of [...cooperations].sort(byId)) {
      for (const member of cooperation.members) {
        if (member.kind === 'MUNICIPALITY') {
          push(this.byMunicipality, member.key, cooperation);
          for (const taskAreaId of cooperation.taskAreaIds) {
            let byMember = this.byTaskAndMunicipality.get(taskAreaId);
            if (!byMember) this.byTaskAndMunicipality.set(taskAreaId, (byMember = new Map()));
            push(byMember, member.key, cooperation);
          }
        } else if (member.kind === 'DISTRICT') push(this.byDistrict, member.key, cooperation);
      }
    }
    for (const link of links) {
      for (const [from, to] of [
        [link.a, link.b],
        [link.b, link.a],
      ] as const) {
        const list = this.links.get(from);
        if (list) list.push({ ags: to, researched: link.researched });
        else this.links.set(from, [{ ags: to, researched: link.researched }]);
      }
    }
  }

  /**
   * What one ranking needs to know about cooperations around `focal`: the cooperations it shares with each other
   * municipality, how many partners it shares with them (triadic closure), and the cooperations covering the task
   * with a member within `radiusKm` or with the own Kreis as member.
   */
  dataFor(geography: Geography, focal: Place, taskAreaId: string, includeGenerated: boolean, radiusKm: number): CooperationData {
    const counts = (cooperation: IndexedCooperation) => includeGenerated || !isGenerated(cooperation);

    const ties: CooperationData['ties'] = [];
    for (const cooperation of this.byMunicipality.get(focal.ags) ?? []) {
      if (!counts(cooperation)) continue;
      for (const member of cooperation.members) {
        if (member.kind === 'MUNICIPALITY' && member.key !== focal.ags) {
          ties.push({ ags: member.key, id: cooperation.id, name: cooperation.name, taskAreaIds: cooperation.taskAreaIds });
        }
      }
    }

    // Without generated data a link counts only if at least one of its cooperations is researched.
    const linkCounts = (link: Neighbour) => includeGenerated || link.researched > 0;
    const shared = new Map<string, number>();
    for (const partner of this.links.get(focal.ags) ?? []) {
      if (!linkCounts(partner)) continue;
      for (const next of this.links.get(partner.ags) ?? []) {
        if (next.ags !== focal.ags && linkCounts(next)) shared.set(next.ags, (shared.get(next.ags) ?? 0) + 1);
      }
    }

    // Looked up from the municipalities in reach (a few hundred at most), not by scanning every task cooperation.
    const found = new Set<IndexedCooperation>();
    const byMember = this.byTaskAndMunicipality.get(taskAreaId);
    if (byMember) {
      for (const ags of [focal.ags, ...geography.within(focal, radiusKm).map(({ place }) => place.ags)]) {
        for (const cooperation of byMember.get(ags) ?? []) found.add(cooperation);
      }
    }
    for (const cooperation of this.byDistrict.get(focal.districtKey) ?? []) {
      if (cooperation.taskAreaIds.includes(taskAreaId)) found.add(cooperation);
    }
    const taskCooperations: TaskCooperation[] = [...found]
      .filter(counts)
      .sort(byId)
      .map(({ id, name, legalForm, provenance, members }) => ({ id, name, legalForm, provenance, members }));

    return { ties, sharedPartners: [...shared].map(([ags, n]) => ({ ags, n })), taskCooperations };
  }
}
