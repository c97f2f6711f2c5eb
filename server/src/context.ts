import type { Database, QueryCounter } from './db/database';
import { CooperationRepository, type CooperationLoaders } from './modules/cooperations/cooperation.repository';
import { CooperationService } from './modules/cooperations/cooperation.service';
import { MatchingRepository } from './modules/matching/matching.repository';
import { MatchingService } from './modules/matching/matching.service';
import { SnapshotStore } from './modules/matching/snapshot.store';
import { NetworkRepository } from './modules/network/network.repository';
import { NetworkService } from './modules/network/network.service';
import { MunicipalityRepository, type MunicipalityLoaders } from './modules/municipalities/municipality.repository';
import { MunicipalityService } from './modules/municipalities/municipality.service';
import { StatsRepository } from './modules/stats/stats.repository';
import { StatsService } from './modules/stats/stats.service';
import { TaskAreaRepository, type TaskAreaLoaders } from './modules/task-areas/task-area.repository';
import { TaskAreaService } from './modules/task-areas/task-area.service';

/** Singletons built once at start-up; no DI container needed at this size. */
export interface Services {
  stats: StatsService;
  municipalities: MunicipalityService;
  taskAreas: TaskAreaService;
  cooperations: CooperationService;
  matching: MatchingService;
  snapshots: SnapshotStore;
  network: NetworkService;
  repositories: { municipalities: MunicipalityRepository; taskAreas: TaskAreaRepository; cooperations: CooperationRepository; network: NetworkRepository };
}

export function createServices(db: Database): Services {
  const repositories = {
    municipalities: new MunicipalityRepository(db),
    taskAreas: new TaskAreaRepository(db),
    cooperations: new CooperationRepository(db),
    network: new NetworkRepository(db),
  };
  const taskAreas = new TaskAreaService(repositories.taskAreas);
  const snapshots = new SnapshotStore(new MatchingRepository(db));
  const matching = new MatchingService(snapshots, taskAreas);
  return {
    stats: new StatsService(new StatsRepository(db)),
    municipalities: new MunicipalityService(repositories.municipalities),
    taskAreas,
    cooperations: new CooperationService(repositories.cooperations),
    matching,
    snapshots,
    // The network shares the matching snapshot's in-memory copy of municipalities and borders.
    network: new NetworkService(repositories.network, (counter) => snapshots.current(counter)),
    repositories,
  };
}

/** Per-request context: shared services, per-request DataLoaders (batching, no N+1) and a query counter. */
export interface Context {
  services: Services;
  loaders: { municipalities: MunicipalityLoaders; taskAreas: TaskAreaLoaders; cooperations: CooperationLoaders };
  queryCounter: QueryCounter;
}

export function createContext(services: Services): Context {
  const queryCounter: QueryCounter = { count: 0 };
  return {
    services,
    queryCounter,
    loaders: {
      municipalities: services.repositories.municipalities.loaders(queryCounter),
      taskAreas: services.repositories.taskAreas.loaders(queryCounter),
      cooperations: services.repositories.cooperations.loaders(queryCounter),
    },
  };
}
