import type { Database, QueryCounter } from '../../db/database';
import { ALL_NETWORK_EDGES, NETWORK_EDGES, SNAPSHOT, TASK_PARTICIPATION } from './network.queries';

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

  async taskParticipation(taskArea: string, counter?: QueryCounter): Promise<Array<{ id: string; name: string; members: Array<{ ags: string; role: string }> }>> {
    const result = await this.db.read(TASK_PARTICIPATION, { taskArea }, counter);
    return result.records.map((r) => r.toObject() as { id: string; name: string; members: Array<{ ags: string; role: string }> });
  }

  async boundaries(counter?: QueryCounter): Promise<Map<string, string | null>> {
    const result = await this.db.read('MATCH (m:Municipality) RETURN m.ags AS ags, m.boundary AS boundary', {}, counter);
    return new Map(result.records.map((r) => [r.get('ags') as string, r.get('boundary') as string | null]));
  }

  async snapshotDate(counter?: QueryCounter): Promise<string> {
    const result = await this.db.read(SNAPSHOT, {}, counter);
    return result.records[0]!.get('date') as string;
  }
}
