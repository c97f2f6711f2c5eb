import { createHash } from 'node:crypto';
import { GAPS_TABLE } from '../../analytics/export-tables';
import {
  EXPORT_FORMATS,
  exportFileName,
  tableCsv,
  type Dialect,
  type ExportBoundaries,
  type ExportData,
  type ExportEdge,
  type ExportFile,
  type ExportGap,
  type ExportNode,
} from '../../analytics/exports';
import { repairLayer, type Area } from '../../analytics/geometry';
import type { QueryCounter } from '../../db/database';
import { NotFoundError } from '../../shared/errors';
import { ATTRIBUTION, type GapFilter, type NetworkFilter } from './network.type';
import type { NetworkFilterValues, NetworkRepository } from './network.repository';
import type { NetworkService } from './network.service';

/**
 * The repaired boundaries of the last data seen, keyed by a digest of what is stored: the repair runs once per import
 * (a few tens of milliseconds), not once per download.
 */
let boundaryCache: { digest: string; value: ExportBoundaries } | null = null;

async function exportBoundaries(repository: NetworkRepository, counter?: QueryCounter): Promise<ExportBoundaries> {
  const stored = await repository.boundaries(counter);
  const keys = [...stored.keys()].sort();
  const hash = createHash('sha256');
  for (const key of keys) hash.update(key).update('\0').update(stored.get(key)!).update('\0');
  const digest = hash.digest('hex');
  if (boundaryCache?.digest === digest) return boundaryCache.value;
  const result = repairLayer(keys.map((key) => ({ key, geometry: JSON.parse(stored.get(key)!) as Area })));
  const value: ExportBoundaries = {
    shapes: new Map(result.shapes.map((shape) => [shape.key, shape.geometry])),
    repaired: result.repaired,
    invalid: result.unrepaired,
  };
  boundaryCache = { digest, value };
  return value;
}

async function exportNetworkData(
  service: NetworkService,
  repository: NetworkRepository,
  filter: NetworkFilter | undefined,
  values: NetworkFilterValues,
  counter?: QueryCounter,
) {
  const [network, details] = await Promise.all([service.network(filter, counter), repository.edgeDetails(values, counter)]);
  const nodes: ExportNode[] = network.nodes.map((n) => ({
    ags: n.municipality.ags,
    name: n.municipality.shortName,
    districtKey: n.municipality.districtKey,
    population: n.municipality.population,
    longitude: n.municipality.centroid?.longitude ?? null,
    latitude: n.municipality.centroid?.latitude ?? null,
    community: n.community,
    degree: n.degree,
    weightedDegree: n.weightedDegree,
    betweenness: n.betweenness,
    layoutX: n.x,
    layoutY: n.y,
  }));
  const names = new Map(nodes.map((n) => [n.ags, n.name]));
  // The network decides which ties exist and their weight; the details say what each consists of.
  const edges: ExportEdge[] = network.edges
    .filter((e) => names.has(e.source) && names.has(e.target))
    .map((e) => {
      const detail = details.get(`${e.source}|${e.target}`) ?? details.get(`${e.target}|${e.source}`);
      return {
        source: e.source,
        sourceName: names.get(e.source)!,
        target: e.target,
        targetName: names.get(e.target)!,
        weight: e.weight,
        cooperationIds: detail?.cooperationIds ?? [],
        taskAreas: detail?.taskAreas ?? [],
        provenance: detail?.provenance ?? [],
      };
    })
    .sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  return { snapshotDate: network.snapshotDate, nodes, edges };
}

/** A dated open export, in one of the formats researchers' tools read, loading only what the format needs. */
export async function exportNetwork(
  service: NetworkService,
  repository: NetworkRepository,
  file: ExportFile,
  filter: NetworkFilter | undefined,
): Promise<{ body: string; contentType: string; filename: string }> {
  const format = EXPORT_FORMATS[file];
  const values: NetworkFilterValues = { taskArea: filter?.taskArea ?? null, legalForm: filter?.legalForm ?? null, provenance: filter?.provenance ?? null };
  const needs = new Set<string>(format.needs);
  // The network checks its task area itself; the other exports check it here, so every export answers 404 alike.
  if (!needs.has('network') && values.taskArea && !(await repository.taskAreaExists(values.taskArea))) throw new NotFoundError('taskArea', values.taskArea);
  const [network, boundaries, register, storedDate] = await Promise.all([
    needs.has('network') ? exportNetworkData(service, repository, filter, values) : undefined,
    needs.has('boundaries') ? exportBoundaries(repository) : undefined,
    needs.has('register') ? repository.register(values) : undefined,
    needs.has('network') ? undefined : repository.snapshotDate(),
  ]);
  const snapshotDate = network?.snapshotDate ?? storedDate!;
  const data: ExportData = {
    meta: { snapshotDate, attribution: ATTRIBUTION, filter: values },
    network: network && { nodes: network.nodes, edges: network.edges },
    boundaries,
    register,
  };
  return { body: format.render(data), contentType: format.contentType, filename: exportFileName(file, snapshotDate, values) };
}

/** The gap exports: `luecken.csv` and its Excel variant, with the same filter as the gaps page. */
export const GAP_EXPORTS = { 'luecken.csv': 'standard', 'luecken-excel.csv': 'excel' } as const satisfies Record<string, Dialect>;
export type GapExportFile = keyof typeof GAP_EXPORTS;

/**
 * The gap analysis of one task as a dated CSV (AGS and keys as text), narrowed like the page:
 * `kooperationsatlas-luecken-<task>[-<Kreis>][-<Bezirk>]-<date>.csv`.
 */
export async function exportGaps(
  service: NetworkService,
  repository: NetworkRepository,
  file: GapExportFile,
  taskArea: string,
  filter: GapFilter,
): Promise<{ body: string; contentType: string; filename: string }> {
  const [analysis, regions, snapshotDate] = await Promise.all([service.gaps(taskArea, undefined, filter), repository.regionNames(), repository.snapshotDate()]);
  const districtNames = await service.districtNames();
  const rows: ExportGap[] = analysis.gaps.map((g) => ({
    ags: g.municipality.ags,
    name: g.municipality.shortName,
    districtKey: g.municipality.districtKey,
    districtName: districtNames.get(g.municipality.districtKey) ?? '',
    regionName: (g.municipality.regionKey && regions.get(g.municipality.regionKey)) || '',
    population: g.municipality.population,
    taskArea,
    neighbours: g.neighbours,
    cooperatingNeighbours: g.cooperatingNeighbours,
    share: g.share,
  }));
  const scope = [taskArea, filter.districtKey, filter.regionKey].filter(Boolean).join('-');
  const base = file.slice(0, file.lastIndexOf('.'));
  return {
    body: tableCsv(GAPS_TABLE, rows, GAP_EXPORTS[file]),
    contentType: 'text/csv; charset=utf-8',
    filename: `kooperationsatlas-${base}-${scope}-${snapshotDate}.csv`,
  };
}
