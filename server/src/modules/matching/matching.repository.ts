import type { Database, QueryCounter } from '../../db/database';
import { CooperationIndex, type CooperationLink, type IndexedCooperation } from '../../matching/cooperation-index';
import { Geography } from '../../matching/geography';
import type { Place } from '../../matching/types';
import { MUNICIPALITY_FIELDS } from '../municipalities/municipality.queries';
import type { Municipality } from '../municipalities/municipality.type';
import { ALL_TASK_AREAS } from '../task-areas/task-area.queries';
import type { TaskArea } from '../task-areas/task-area.type';
import { COOPERATION_LINKS, COOPERATION_SNAPSHOT, DATASET_VERSION, GEOGRAPHY_BORDERS, GEOGRAPHY_PLACES } from './matching.queries';

/** What only an import changes: kept in memory by the matching service (docs/decisions/006 and 007). */
export interface StaticData {
  geography: Geography;
  municipalities: Map<string, Municipality>;
  taskAreas: Map<string, TaskArea>;
  cooperations: CooperationIndex;
}

export class MatchingRepository {
  constructor(private readonly db: Database) {}

  async datasetVersion(counter?: QueryCounter): Promise<string> {
    const result = await this.db.read(DATASET_VERSION, {}, counter);
    return result.records[0]!.get('version') as string;
  }

  async staticData(counter?: QueryCounter): Promise<StaticData> {
    const [places, borders, municipalities, taskAreas, cooperations, links] = await Promise.all([
      this.db.read(GEOGRAPHY_PLACES, {}, counter),
      this.db.read(GEOGRAPHY_BORDERS, {}, counter),
      this.db.read(`MATCH (m:Municipality) RETURN ${MUNICIPALITY_FIELDS} AS value`, {}, counter),
      this.db.read(ALL_TASK_AREAS, {}, counter),
      this.db.read(COOPERATION_SNAPSHOT, {}, counter),
      this.db.read(COOPERATION_LINKS, {}, counter),
    ]);
    return {
      geography: new Geography(
        places.records.map((r) => r.toObject() as Place),
        borders.records.map((r) => r.toObject() as { a: string; b: string; lengthKm: number; touch: boolean }),
      ),
      municipalities: new Map(municipalities.records.map((r) => [(r.get('value') as Municipality).ags, r.get('value') as Municipality])),
      taskAreas: new Map(taskAreas.records.map((r) => [(r.get('value') as TaskArea).id, r.get('value') as TaskArea])),
      cooperations: new CooperationIndex(
        cooperations.records.map((r) => r.toObject() as IndexedCooperation),
        links.records.map((r) => r.toObject() as CooperationLink),
      ),
    };
  }
}
