import type { Database, QueryCounter } from '../../db/database';
import type { IndexedCooperation } from '../../matching/cooperation-index';
import { buildSnapshot, type MatchingSnapshot } from '../../matching/snapshot';
import type { Place } from '../../matching/types';
import { MUNICIPALITY_FIELDS } from '../municipalities/municipality.queries';
import type { Municipality } from '../municipalities/municipality.type';
import { ALL_TASK_AREAS } from '../task-areas/task-area.queries';
import type { TaskArea } from '../task-areas/task-area.type';
import { COOPERATION_SNAPSHOT, COOPERATIONS_BY_ID, DATASET_VERSION, GEOGRAPHY_BORDERS, GEOGRAPHY_PLACES, REGISTER_FEED } from './matching.queries';

/**
 * The matching snapshot plus the municipality records the API returns with a ranking. `version` names the data
 * (the import and the position in the register's change feed: it changes with every register write, so caches of
 * anything that depends on cooperations key on it); `importVersion` changes only with an import (geography).
 */
export interface StaticData extends MatchingSnapshot<TaskArea> {
  municipalities: Map<string, Municipality>;
  importVersion: string;
  /** The register change feed position this snapshot includes. */
  seq: number;
}

/** One poll of the register's change feed (ADR 013). */
export interface RegisterFeed {
  /** The import's stamp. */
  imported: string;
  /** The feed's last position. */
  seq: number;
  /** The changes after the position asked for, oldest first (at most 500). */
  changes: Array<{ seq: number; cooperationIds: string[] }>;
}

/** The data version of a snapshot: the import and how far into the change feed it reaches. */
export const dataVersion = (imported: string, seq: number) => `${imported}#${seq}`;

export class MatchingRepository {
  constructor(private readonly db: Database) {}

  async datasetVersion(counter?: QueryCounter): Promise<string> {
    const result = await this.db.read(DATASET_VERSION, {}, counter);
    return result.records[0]!.get('version') as string;
  }

  async feed(after: number): Promise<RegisterFeed> {
    const record = (await this.db.read(REGISTER_FEED, { after })).records[0]!;
    return {
      imported: record.get('imported') as string,
      seq: Number(record.get('seq')),
      changes: (record.get('changes') as Array<{ seq: unknown; cooperationIds: string[] }>).map((c) => ({
        seq: Number(c.seq),
        cooperationIds: c.cooperationIds,
      })),
    };
  }

  /** The named cooperations as the index holds them; ids without a cooperation are left out. */
  async cooperations(ids: readonly string[]): Promise<IndexedCooperation[]> {
    const result = await this.db.read(COOPERATIONS_BY_ID, { ids });
    return result.records.map((r) => r.toObject() as IndexedCooperation);
  }

  /**
   * `version` is the import's stamp; `seq` the change feed position read before anything else (changes after it
   * may be in the data already; applying them again changes nothing).
   */
  async staticData(version: string, counter?: QueryCounter, seq = 0): Promise<StaticData> {
    const [places, borders, municipalities, taskAreas, cooperations] = await Promise.all([
      this.db.read(GEOGRAPHY_PLACES, {}, counter),
      this.db.read(GEOGRAPHY_BORDERS, {}, counter),
      this.db.read(`MATCH (m:Municipality) RETURN ${MUNICIPALITY_FIELDS} AS value`, {}, counter),
      this.db.read(ALL_TASK_AREAS, {}, counter),
      this.db.read(COOPERATION_SNAPSHOT, {}, counter),
    ]);
    const snapshot = buildSnapshot<TaskArea>({
      version: dataVersion(version, seq),
      places: places.records.map((r) => r.toObject() as Place),
      borders: borders.records.map((r) => r.toObject() as { a: string; b: string; lengthKm: number; touch: boolean }),
      taskAreas: taskAreas.records.map((r) => r.get('value') as TaskArea),
      cooperations: cooperations.records.map((r) => r.toObject() as IndexedCooperation),
    });
    return {
      ...snapshot,
      importVersion: version,
      seq,
      municipalities: new Map(municipalities.records.map((r) => [(r.get('value') as Municipality).ags, r.get('value') as Municipality])),
    };
  }
}
