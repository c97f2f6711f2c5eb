import { EXPORT_FORMATS, type ExportFile } from '../../analytics/exports';
import { analyzeNetwork, districtDensities, findGaps } from '../../analytics/network';
import type { QueryCounter } from '../../db/database';
import { NotFoundError } from '../../shared/errors';
import type { StaticData } from '../matching/matching.repository';
import type { Municipality } from '../municipalities/municipality.type';
import { ATTRIBUTION, type CooperationNetwork, type GapAnalysis, type NetworkFilter } from './network.type';
import type { NetworkFilterValues, NetworkRepository } from './network.repository';

/**
 * The cooperation network and its analytics. Results are cached per filter and data version: the analytics run
 * once per import, and the page's query answers from memory afterwards.
 */
export class NetworkService {
  private readonly cache = new Map<string, { data: StaticData; value: CooperationNetwork }>();

  constructor(
    private readonly repository: NetworkRepository,
    private readonly staticData: (counter?: QueryCounter) => Promise<StaticData>,
  ) {}

  private static values(filter?: NetworkFilter): NetworkFilterValues {
    return { taskArea: filter?.taskArea ?? null, legalForm: filter?.legalForm ?? null, provenance: filter?.provenance ?? null };
  }

  async network(filter: NetworkFilter | undefined, counter?: QueryCounter): Promise<CooperationNetwork> {
    const values = NetworkService.values(filter);
    const data = await this.staticData(counter);
    if (values.taskArea && !data.taskAreas.has(values.taskArea)) throw new NotFoundError('Aufgabenfeld / Task area', values.taskArea);
    const key = JSON.stringify(values);
    const cached = this.cache.get(key);
    if (cached && cached.data === data) return cached.value;

    const [edges, snapshotDate] = await Promise.all([this.repository.edges(values, counter), this.repository.snapshotDate(counter)]);
    const places = [...data.geography.places.values()].filter((p) => !p.crossBorder);
    const input = { nodes: places.map((p) => ({ ags: p.ags, districtKey: p.districtKey, longitude: p.longitude, latitude: p.latitude })), edges };
    const analysis = analyzeNetwork(input);
    const districtNames = new Map(places.map((p) => [p.districtKey, p.districtName]));
    const value: CooperationNetwork = {
      snapshotDate,
      attribution: ATTRIBUTION,
      communityCount: analysis.communityCount,
      isolatedCount: analysis.isolatedCount,
      modularity: analysis.modularity,
      nodes: analysis.nodes.map((n) => ({ ...n, municipality: data.municipalities.get(n.ags)! })),
      edges,
      districts: districtDensities(input).map((d) => ({ ...d, name: districtNames.get(d.districtKey) ?? d.districtKey })),
    };
    if (this.cache.size > 50) this.cache.clear();
    this.cache.set(key, { data, value });
    return value;
  }

  async gaps(taskArea: string, counter?: QueryCounter): Promise<GapAnalysis> {
    const data = await this.staticData(counter);
    if (!data.taskAreas.has(taskArea)) throw new NotFoundError('Aufgabenfeld / Task area', taskArea);
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
        return { municipality: municipality(ags), catchment, catchmentPopulation: catchment.reduce((s, m) => s + m.population, 0), cooperations: entry.cooperations };
      })
      .sort((a, b) => b.catchment.length - a.catchment.length || b.catchmentPopulation - a.catchmentPopulation);
    return {
      taskArea,
      cooperatingCount: cooperating.size,
      gaps: findGaps(places, { cooperating, neighbours }).map((g) => ({ ...g, municipality: municipality(g.ags) })),
      hosts,
    };
  }
}

/** A dated open export of the network, in one of the formats researchers' tools read. */
export async function exportNetwork(service: NetworkService, repository: NetworkRepository, file: ExportFile, filter: NetworkFilter | undefined): Promise<{ body: string; contentType: string; filename: string }> {
  const network = await service.network(filter);
  const boundaries = file === 'netzwerk.geojson' ? await repository.boundaries() : new Map<string, string | null>();
  const body = EXPORT_FORMATS[file].render({
    snapshotDate: network.snapshotDate,
    attribution: network.attribution,
    filter: [filter?.taskArea && `Aufgabe ${filter.taskArea}`, filter?.legalForm && `Rechtsform ${filter.legalForm}`, filter?.provenance && `Herkunft ${filter.provenance}`].filter(Boolean).join(', ') || 'alle Kooperationen',
    nodes: network.nodes.map((n) => ({
      ags: n.municipality.ags,
      name: n.municipality.shortName,
      districtKey: n.municipality.districtKey,
      population: n.municipality.population,
      longitude: n.municipality.centroid?.longitude ?? 0,
      latitude: n.municipality.centroid?.latitude ?? 0,
      community: n.community,
      degree: n.degree,
      weightedDegree: n.weightedDegree,
      betweenness: n.betweenness,
      boundary: boundaries.get(n.municipality.ags) ?? null,
    })),
    edges: network.edges,
  });
  const [base, extension] = file.split('.') as [string, string];
  const scope = filter?.taskArea ? `-${filter.taskArea}` : '';
  return { body, contentType: EXPORT_FORMATS[file].contentType, filename: `kooperationsatlas-${base}${scope}-${network.snapshotDate}.${extension}` };
}
