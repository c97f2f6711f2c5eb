import type { Database, QueryCounter } from './db/database';
import { StatsRepository } from './modules/stats/stats.repository';
import { StatsService } from './modules/stats/stats.service';

/** Singletons built once at start-up; no DI container needed at this size. */
export interface Services {
  stats: StatsService;
}

export function createServices(db: Database): Services {
  return {
    stats: new StatsService(new StatsRepository(db)),
  };
}

/** Per-request context: shared services, per-request loaders and a query counter. */
export interface Context {
  services: Services;
  queryCounter: QueryCounter;
}

export function createContext(services: Services): Context {
  return { services, queryCounter: { count: 0 } };
}
