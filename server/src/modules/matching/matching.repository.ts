import type { Database, QueryCounter } from '../../db/database';
import type { IndexedCooperation } from '../../matching/cooperation-index';
import { buildSnapshot, type MatchingSnapshot } from '../../matching/snapshot';
import type { Place } from '../../matching/types';
import { MUNICIPALITY_FIELDS } from '../municipalities/municipality.queries';
import type { Municipality } from '../municipalities/municipality.type';
import { ALL_TASK_AREAS } from '../task-areas/task-area.queries';
import type { TaskArea } from '../task-areas/task-area.type';
import { COOPERATION_SNAPSHOT, DATASET_VERSION, GEOGRAPHY_BORDERS, GEOGRAPHY_PLACES } from './matching.queries';

/** The matching snapshot plus the municipality records the API returns with a ranking. */
export interface StaticData extends MatchingSnapshot<TaskArea> {
  municipalities: Map<string, Municipality>;
}

export class MatchingRepository {
  constructor(private readonly db: Database) {}

  async datasetVersion(counter?: QueryCounter): Promise<string> {
    const result = await this.db.read(DATASET_VERSION, {}, counter);
    return result.records[0]!.get('version') as string;
  }

  async staticData(version: string, counter?: QueryCounter): Promise<StaticData> {
    const [places, borders, municipalities, taskAreas, cooperations] = await Promise.all([
      this.db.read(GEOGRAPHY_PLACES, {}, counter),
      this.db.read(GEOGRAPHY_BORDERS, {}, counter),
      this.db.read(`MATCH (m:Municipality) RETURN ${MUNICIPALITY_FIELDS} AS value`, {}, counter),
      this.db.read(ALL_TASK_AREAS, {}, counter),
      this.db.read(COOPERATION_SNAPSHOT, {}, counter),
    ]);
    const snapshot = buildSnapshot<TaskArea>({
      version,
      places: places.records.map((r) => r.toObject() as Place),
      borders: borders.records.map((r) => r.toObject() as { a: string; b: string; lengthKm: number; touch: boolean }),
      taskAreas: taskAreas.records.map((r) => r.get('value') as TaskArea),
      cooperations: cooperations.records.map((r) => r.toObject() as IndexedCooperation),
    });
    return { ...snapshot, municipalities: new Map(municipalities.records.map((r) => [(r.get('value') as Municipality).ags, r.get('value') as Municipality])) };
  }
}
