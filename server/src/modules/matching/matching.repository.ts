import type { Database, QueryCounter } from '../../db/database';
import type { CooperationData } from '../../matching/engine';
import { Geography } from '../../matching/geography';
import type { Place } from '../../matching/types';
import { COOPERATION_DATA, DATASET_VERSION, GEOGRAPHY_BORDERS, GEOGRAPHY_PLACES } from './matching.queries';

export class MatchingRepository {
  constructor(private readonly db: Database) {}

  async datasetVersion(counter?: QueryCounter): Promise<string> {
    const result = await this.db.read(DATASET_VERSION, {}, counter);
    return result.records[0]!.get('version') as string;
  }

  async geography(counter?: QueryCounter): Promise<Geography> {
    const [places, borders] = await Promise.all([this.db.read(GEOGRAPHY_PLACES, {}, counter), this.db.read(GEOGRAPHY_BORDERS, {}, counter)]);
    return new Geography(
      places.records.map((r) => r.toObject() as Place),
      borders.records.map((r) => r.toObject() as { a: string; b: string; lengthKm: number; touch: boolean }),
    );
  }

  async cooperationData(ags: string, taskArea: string, includeGenerated: boolean, counter?: QueryCounter): Promise<CooperationData> {
    const result = await this.db.read(COOPERATION_DATA, { ags, taskArea, includeGenerated }, counter);
    const row = result.records[0];
    if (!row) return { ties: [], sharedPartners: [], taskCooperations: [] };
    return {
      ties: row.get('ties') as CooperationData['ties'],
      sharedPartners: row.get('sharedPartners') as CooperationData['sharedPartners'],
      taskCooperations: row.get('taskCooperations') as CooperationData['taskCooperations'],
    };
  }
}
