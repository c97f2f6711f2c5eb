import type { Database, QueryCounter } from '../../db/database';
import { STATS } from './stats.queries';
import type { Stats } from './stats.type';

export class StatsRepository {
  constructor(private readonly db: Database) {}

  async counts(counter?: QueryCounter): Promise<Stats> {
    const result = await this.db.read(STATS, {}, counter);
    const row = result.records[0]!;
    const cooperations = row.get('cooperations') as number;
    const generated = row.get('cooperationsGenerated') as number;
    return {
      municipalities: row.get('municipalities') as number,
      population: row.get('population') as number,
      districts: row.get('districts') as number,
      borders: row.get('borders') as number,
      taskAreas: row.get('taskAreas') as number,
      cooperations,
      cooperationsGenerated: generated,
      cooperationsResearched: cooperations - generated,
    };
  }
}
