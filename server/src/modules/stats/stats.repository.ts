import type { Database, QueryCounter } from '../../db/database';
import { STATS } from './stats.queries';
import { ESTIMATED_COOPERATIONS_IN_NRW, type Stats } from './stats.type';

export class StatsRepository {
  constructor(private readonly db: Database) {}

  async counts(counter?: QueryCounter): Promise<Stats> {
    const result = await this.db.read(STATS, {}, counter);
    const row = result.records[0]!;
    const get = (key: string) => row.get(key) as number;
    return {
      municipalities: get('municipalities'),
      population: get('population'),
      crossBorderMunicipalities: get('crossBorderMunicipalities'),
      districts: get('districts'),
      borders: get('borders'),
      taskAreas: get('taskAreas'),
      cooperations: get('cooperations'),
      cooperationsInForce: get('cooperationsInForce'),
      cooperationsUnconfirmed: get('cooperationsUnconfirmed'),
      cooperationsGenerated: get('cooperationsGenerated'),
      estimatedCooperationsInNrw: ESTIMATED_COOPERATIONS_IN_NRW,
      datasetKind: row.get('datasetKind') as string,
    };
  }
}
