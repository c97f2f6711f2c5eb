import { CooperationIndex, type IndexedCooperation } from './cooperation-index';
import { Geography } from './geography';
import type { Place, TaskProfile } from './types';

/**
 * Everything a ranking reads, in memory: the geography, the task areas and the cooperation index. Built whole from
 * the graph (or, in tests, from hand-made records) and never mutated; a new import builds a new one (ADR 007).
 */
export interface MatchingSnapshot<T extends TaskProfile = TaskProfile> {
  version: string;
  geography: Geography;
  taskAreas: Map<string, T>;
  cooperations: CooperationIndex;
}

export interface SnapshotRecords<T extends TaskProfile> {
  version: string;
  places: Place[];
  borders: Array<{ a: string; b: string; lengthKm: number; touch: boolean }>;
  taskAreas: T[];
  cooperations: IndexedCooperation[];
}

export function buildSnapshot<T extends TaskProfile>(records: SnapshotRecords<T>): MatchingSnapshot<T> {
  return {
    version: records.version,
    geography: new Geography(records.places, records.borders),
    taskAreas: new Map(records.taskAreas.map((t) => [t.id, t])),
    cooperations: new CooperationIndex(records.cooperations),
  };
}
