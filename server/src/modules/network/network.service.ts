import { LRUCache } from 'lru-cache';
import { findGaps } from '../../analytics/network';
import { InlineNetworkAnalyzer, type NetworkAnalyzer } from '../../analytics/network-analyzer';
import type { QueryCounter } from '../../db/database';
import { NotFoundError } from '../../shared/errors';
import type { StaticData } from '../matching/matching.repository';
import type { Municipality } from '../municipalities/municipality.type';
import {
  ATTRIBUTION,
  ATTRIBUTION_EN,
  type CooperationNetwork,
  type CooperationOpening,
  type GapAnalysis,
  type GapFilter,
  type NetworkFilter,
} from './network.type';
import type { NetworkFilterValues, NetworkRepository } from './network.repository';

/** Networks kept in memory: the common filters stay, cycling through rare ones only evicts rare ones. */
const CACHED_NETWORKS = 64;

/**
 * The cooperation network and its analytics. Results are cached per filter and data version (least recently used
 * first out): the analytics run once per import and filter, off the event loop (an analyzer in a worker thread,
 * docs/decisions/009), and concurrent requests for the same network share one computation.
 */
export class NetworkService {
  private readonly cache = new LRUCache<string, { data: StaticData; value: CooperationNetwork }>({ max: CACHED_NETWORKS });
  private readonly inFlight = new Map<string, { data: StaticData; value: Promise<CooperationNetwork> }>();
  private cachedFor: StaticData | null = null;

  constructor(
    private readonly repository: NetworkRepository,
    private readonly staticData: (counter?: QueryCounter) => Promise<StaticData>,
    private readonly analyzer: NetworkAnalyzer = new InlineNetworkAnalyzer(),
  ) {}

  private static values(filter?: NetworkFilter): NetworkFilterValues {
    return { taskArea: filter?.taskArea ?? null, legalForm: filter?.legalForm ?? null, provenance: filter?.provenance ?? null };
  }

  async network(filter: NetworkFilter | undefined, counter?: QueryCounter): Promise<CooperationNetwork> {
    const values = NetworkService.values(filter);
    const data = await this.staticData(counter);
    if (values.taskArea && !data.taskAreas.has(values.taskArea)) throw new NotFoundError('taskArea', values.taskArea);
    // Every register write makes new data (ADR 013): networks of older data are never served again, so they go.
    if (this.cachedFor !== data) {
      this.cache.clear();
      this.cachedFor = data;
    }
    const key = JSON.stringify(values);
    const cached = this.cache.get(key);
    if (cached && cached.data === data) return cached.value;
    const running = this.inFlight.get(key);
    if (running && running.data === data) return running.value;

    const value = this.compute(values, data, counter);
    const entry = { data, value };
    this.inFlight.set(key, entry);
    try {
      const network = await value;
      this.cache.set(key, { data, value: network });
      return network;
    } finally {
      if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
    }
  }

  private async compute(values: NetworkFilterValues, data: StaticData, counter?: QueryCounter): Promise<CooperationNetwork> {
    const [edges, snapshotDate] = await Promise.all([this.repository.edges(values, counter), this.repository.snapshotDate(counter)]);
    const places = [...data.geography.places.values()].filter((p) => !p.crossBorder);
    const input = { nodes: places.map((p) => ({ ags: p.ags, districtKey: p.districtKey, longitude: p.longitude, latitude: p.latitude })), edges };
    const { analysis, districts } = await this.analyzer.analyze(input);
    const districtNames = new Map(places.map((p) => [p.districtKey, p.districtName]));
    return {
      snapshotDate,
      attribution: ATTRIBUTION,
      attributionEn: ATTRIBUTION_EN,
      communityCount: analysis.communityCount,
      isolatedCount: analysis.isolatedCount,
      modularity: analysis.modularity,
      nodes: analysis.nodes.map((n) => ({ ...n, municipality: data.municipalities.get(n.ags)! })),
      edges,
      districts: districts.map((d) => ({ ...d, name: districtNames.get(d.districtKey) ?? d.districtKey })),
    };
  }

  /** Stops the analyzer's worker (at shutdown). */
  close(): Promise<void> {
    return this.analyzer.close();
  }

  /** Kreis names by key, from the geography already in memory. */
  async districtNames(counter?: QueryCounter): Promise<Map<string, string>> {
    const data = await this.staticData(counter);
    return new Map([...data.geography.places.values()].map((p) => [p.districtKey, p.districtName]));
  }

  /** Who cooperates in which task, read once per data version (the profile's openings ask for it per municipality). */
  private participation: { data: StaticData; value: Promise<Map<string, Set<string>>> } | null = null;

  private nrwNeighbours(data: StaticData, ags: string): string[] {
    return data.geography.neighbours(ags).filter((n) => data.geography.places.get(n)?.crossBorder === false);
  }

  /**
   * The task areas a municipality does alone while more than half of its NRW neighbours cooperate in them (the
   * same rule as the gap analysis), most cooperating neighbours first.
   */
  async openings(ags: string, counter?: QueryCounter): Promise<CooperationOpening[]> {
    const data = await this.staticData(counter);
    const place = data.geography.places.get(ags);
    if (!place || place.crossBorder) return [];
    if (this.participation?.data !== data) this.participation = { data, value: this.repository.allTaskParticipation(counter) };
    const participation = await this.participation.value;
    const neighbours = new Map([[ags, this.nrwNeighbours(data, ags)]]);
    const openings: CooperationOpening[] = [];
    for (const [taskAreaId, taskArea] of data.taskAreas) {
      const cooperating = participation.get(taskAreaId) ?? new Set<string>();
      const [gap] = findGaps([ags], { cooperating, neighbours });
      if (gap) openings.push({ taskArea, neighbours: gap.neighbours, cooperatingNeighbours: gap.cooperatingNeighbours, share: gap.share });
    }
    return openings.sort(
      (a, b) => b.share - a.share || b.cooperatingNeighbours - a.cooperatingNeighbours || a.taskArea.nameDe.localeCompare(b.taskArea.nameDe, 'de'),
    );
  }

  /** The gap analysis of a task, narrowed to a Kreis and/or a Regierungsbezirk (gaps and hosts that lie in it). */
  async gaps(taskArea: string, counter?: QueryCounter, filter?: GapFilter): Promise<GapAnalysis> {
    const data = await this.staticData(counter);
    if (!data.taskAreas.has(taskArea)) throw new NotFoundError('taskArea', taskArea);
    const cooperations = await this.repository.taskParticipation(taskArea, counter);
    const cooperating = new Set(cooperations.flatMap((c) => c.members.map((m) => m.ags)));
    // Gaps are an NRW question.
    const places = [...data.geography.places.values()].filter((p) => !p.crossBorder).map((p) => p.ags);
    // Neighbours across the Land border are left out too: their cooperations are not in the register.
    const inNrw = new Set(places);
    const neighbours = new Map(places.map((ags) => [ags, data.geography.neighbours(ags).filter((n) => inNrw.has(n))]));
    const hostMap = new Map<string, { clients: Set<string>; cooperations: string[] }>();
    for (const c of cooperations) {
      const clients = c.members.filter((m) => m.role === 'DELEGATING').map((m) => m.ags);
      for (const host of c.members.filter((m) => m.role === 'LEAD')) {
        if (clients.length === 0) continue;
        const entry = hostMap.get(host.ags) ?? { clients: new Set<string>(), cooperations: [] };
        clients.forEach((client) => entry.clients.add(client));
        entry.cooperations.push(c.name);
        hostMap.set(host.ags, entry);
      }
    }
    const municipality = (ags: string): Municipality => data.municipalities.get(ags)!;
    const hosts = [...hostMap]
      .map(([ags, entry]) => {
        const catchment = [...entry.clients].sort().map(municipality);
        return {
          municipality: municipality(ags),
          catchment,
          catchmentPopulation: catchment.reduce((s, m) => s + m.population, 0),
          cooperations: entry.cooperations,
        };
      })
      .sort((a, b) => b.catchment.length - a.catchment.length || b.catchmentPopulation - a.catchmentPopulation);
    const inArea = (ags: string) => {
      const m = municipality(ags);
      return (!filter?.districtKey || m.districtKey === filter.districtKey) && (!filter?.regionKey || m.regionKey === filter.regionKey);
    };
    return {
      taskArea,
      cooperatingCount: cooperating.size,
      gaps: findGaps(places, { cooperating, neighbours })
        .filter((g) => inArea(g.ags))
        .map((g) => ({ ...g, municipality: municipality(g.ags) })),
      hosts: hosts.filter((h) => inArea(h.municipality.ags)),
    };
  }
}

// The open exports live beside the service; the export route imports them from here.
export { exportGaps, exportNetwork, GAP_EXPORTS, type GapExportFile } from './network.export';
