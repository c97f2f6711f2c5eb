import type { BaseLayerInput } from '@ka/seed';
import type { Database, QueryCounter } from '../../db/database';
import { HOME_BOUNDARIES } from './map.queries';

export class MapRepository {
  constructor(private readonly db: Database) {}

  async homeBoundaries(counter?: QueryCounter): Promise<BaseLayerInput[]> {
    const result = await this.db.read(HOME_BOUNDARIES, {}, counter);
    return result.records.map((r) => ({ ags: r.get('ags') as string, districtKey: r.get('districtKey') as string, boundary: r.get('boundary') as string }));
  }
}
