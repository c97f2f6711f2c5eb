import type { Database, QueryCounter } from '../../db/database';
import type { ExportCooperation, ExportMember } from '../../analytics/exports';
import {
  ALL_NETWORK_EDGES,
  ALL_TASK_PARTICIPATION,
  EXPORT_BOUNDARIES,
  EXPORT_COOPERATIONS,
  EXPORT_EDGE_DETAILS,
  EXPORT_MEMBERS,
  NETWORK_EDGES,
  REGION_NAMES,
  SNAPSHOT,
  TASK_PARTICIPATION,
} from './network.queries';

export interface NetworkFilterValues {
  taskArea: string | null;
  legalForm: string | null;
  provenance: string | null;
}

export class NetworkRepository {
  constructor(private readonly db: Database) {}

  async edges(filter: NetworkFilterValues, counter?: QueryCounter): Promise<Array<{ source: string; target: string; weight: number }>> {
    const unfiltered = !filter.taskArea && !filter.legalForm && !filter.provenance;
    const result = await this.db.read(unfiltered ? ALL_NETWORK_EDGES : NETWORK_EDGES, { ...filter }, counter);
    return result.records.map((r) => r.toObject() as { source: string; target: string; weight: number });
  }

  async taskParticipation(
    taskArea: string,
    counter?: QueryCounter,
  ): Promise<Array<{ id: string; name: string; members: Array<{ ags: string; role: string }> }>> {
    const result = await this.db.read(TASK_PARTICIPATION, { taskArea }, counter);
    return result.records.map((r) => r.toObject() as { id: string; name: string; members: Array<{ ags: string; role: string }> });
  }

  /** Per task area, the NRW municipalities cooperating in it. */
  async allTaskParticipation(counter?: QueryCounter): Promise<Map<string, Set<string>>> {
    const result = await this.db.read(ALL_TASK_PARTICIPATION, {}, counter);
    return new Map(result.records.map((r) => [r.get('taskArea') as string, new Set(r.get('members') as string[])]));
  }

  /** NRW's stored boundaries (GeoJSON text) by AGS. */
  async boundaries(counter?: QueryCounter): Promise<Map<string, string>> {
    const result = await this.db.read(EXPORT_BOUNDARIES, {}, counter);
    return new Map(result.records.map((r) => [r.get('ags') as string, r.get('boundary') as string]));
  }

  /** What each tie of the filtered network consists of, keyed `source|target`. */
  async edgeDetails(
    filter: NetworkFilterValues,
    counter?: QueryCounter,
  ): Promise<Map<string, { cooperationIds: string[]; taskAreas: string[]; provenance: string[] }>> {
    const result = await this.db.read(EXPORT_EDGE_DETAILS, { ...filter }, counter);
    return new Map(
      result.records.map((r) => [
        `${r.get('source') as string}|${r.get('target') as string}`,
        { cooperationIds: r.get('cooperationIds') as string[], taskAreas: r.get('taskAreas') as string[], provenance: r.get('provenance') as string[] },
      ]),
    );
  }

  /** The register under the filter: its cooperations and their members, with the exported fields only. */
  async register(filter: NetworkFilterValues, counter?: QueryCounter): Promise<{ cooperations: ExportCooperation[]; members: ExportMember[] }> {
    const [cooperations, members] = await Promise.all([
      this.db.read(EXPORT_COOPERATIONS, { ...filter }, counter),
      this.db.read(EXPORT_MEMBERS, { ...filter }, counter),
    ]);
    return {
      cooperations: cooperations.records.map((r) => r.toObject() as ExportCooperation),
      members: members.records.map((r) => r.toObject() as ExportMember),
    };
  }

  async regionNames(counter?: QueryCounter): Promise<Map<string, string>> {
    const result = await this.db.read(REGION_NAMES, {}, counter);
    return new Map(result.records.map((r) => [r.get('key') as string, r.get('name') as string]));
  }

  async taskAreaExists(id: string, counter?: QueryCounter): Promise<boolean> {
    const result = await this.db.read('MATCH (t:TaskArea {id: $id}) RETURN count(t) > 0 AS found', { id }, counter);
    return result.records[0]!.get('found') as boolean;
  }

  async snapshotDate(counter?: QueryCounter): Promise<string> {
    const result = await this.db.read(SNAPSHOT, {}, counter);
    return result.records[0]!.get('date') as string;
  }
}
