import type { NetworkAnalyzer } from './analytics/network-analyzer';
import type { Database, QueryCounter } from './db/database';
import { AccountRepository, type AccountLoaders } from './modules/accounts/account.repository';
import { AccountService } from './modules/accounts/account.service';
import { DEFAULT_AUTH_OPTIONS, type AuthOptions } from './modules/accounts/auth.options';
import { NO_HTTP, type Caller, type HttpExchange } from './modules/accounts/auth.request';
import { IdeaRankings } from './modules/board/board.fit';
import { BoardRepository, type BoardLoaders } from './modules/board/board.repository';
import { BoardFundingService } from './modules/board/board.funding.service';
import { BoardService } from './modules/board/board.service';
import { ContactPersonRepository, type ContactPersonLoaders } from './modules/contacts/contact.repository';
import { ContactPersonService } from './modules/contacts/contact.service';
import { ContributionRepository, type ContributionLoaders } from './modules/contributions/contribution.repository';
import { ContributionService, type RegisterWriter } from './modules/contributions/contribution.service';
import { RegisterImportService } from './modules/contributions/register-import.service';
import { CooperationRepository, type CooperationLoaders } from './modules/cooperations/cooperation.repository';
import { cooperationHistory, createCooperation, updateCooperation } from './modules/register/register-write.repository';
import { CooperationService } from './modules/cooperations/cooperation.service';
import { MapRepository } from './modules/map/map.repository';
import { MapService } from './modules/map/map.service';
import { MatchingRepository } from './modules/matching/matching.repository';
import { MatchingService } from './modules/matching/matching.service';
import { SnapshotStore } from './modules/matching/snapshot.store';
import { NetworkRepository } from './modules/network/network.repository';
import { NetworkService } from './modules/network/network.service';
import { MunicipalityRepository, type MunicipalityLoaders } from './modules/municipalities/municipality.repository';
import { MunicipalityService } from './modules/municipalities/municipality.service';
import { OutcomeRepository, type OutcomeLoaders } from './modules/outcomes/outcome.repository';
import { OutcomeService } from './modules/outcomes/outcome.service';
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
  map: MapService;
  accounts: AccountService;
  contributions: ContributionService;
  registerImport: RegisterImportService;
  contacts: ContactPersonService;
  board: BoardService;
  boardFunding: BoardFundingService;
  outcomes: OutcomeService;
  repositories: { municipalities: MunicipalityRepository; taskAreas: TaskAreaRepository; cooperations: CooperationRepository; network: NetworkRepository };
}

/**
 * `edge.networkAnalyzer`: where the network analytics run (the app passes a worker thread; the default is inline).
 * `edge.log`: where work done after the answer reports a failure (the board's exposures, docs/decisions/019).
 */
export function createServices(
  db: Database,
  auth: AuthOptions = DEFAULT_AUTH_OPTIONS,
  edge: { networkAnalyzer?: NetworkAnalyzer; log?: (line: string) => void } = {},
): Services {
  const repositories = {
    municipalities: new MunicipalityRepository(db),
    taskAreas: new TaskAreaRepository(db),
    cooperations: new CooperationRepository(db),
    network: new NetworkRepository(db),
  };
  const taskAreas = new TaskAreaService(repositories.taskAreas);
  const snapshots = new SnapshotStore(new MatchingRepository(db));
  const matching = new MatchingService(snapshots, taskAreas);
  // Contributions change the register only through its write path (register-write.repository.ts, issue 11 part 7).
  const writer: RegisterWriter = {
    createCooperation: (input, meta, also) => createCooperation(db, input, meta, also),
    updateCooperation: (id, expectedVersion, input, meta, also) => updateCooperation(db, id, expectedVersion, input, meta, also),
    cooperationHistory: (id) => cooperationHistory(db, id),
  };
  const contributionRepository = new ContributionRepository(db);
  const contributions = new ContributionService(contributionRepository, writer);
  const boardRepository = new BoardRepository(db);
  return {
    stats: new StatsService(new StatsRepository(db)),
    municipalities: new MunicipalityService(repositories.municipalities),
    taskAreas,
    cooperations: new CooperationService(repositories.cooperations),
    matching,
    snapshots,
    // The network shares the matching snapshot's in-memory copy of municipalities and borders.
    network: new NetworkService(repositories.network, (counter) => snapshots.current(counter), edge.networkAnalyzer),
    // The maps' base layer is derived per import; the snapshot tells when one ran.
    map: new MapService(new MapRepository(db), snapshots),
    accounts: new AccountService(new AccountRepository(db), auth),
    contributions,
    registerImport: new RegisterImportService(contributionRepository, contributions),
    contacts: new ContactPersonService(new ContactPersonRepository(db)),
    // The Kooperationsbörse ranks each idea once per matching snapshot (docs/decisions/014).
    board: new BoardService(boardRepository, new IdeaRankings(snapshots, matching)),
    // The funding check of an idea reads the same in-memory snapshot (issue 12, part 7).
    boardFunding: new BoardFundingService(snapshots),
    // The feedback loop (docs/decisions/019): exposures of the suggestions shown, ideas turned into contributions.
    outcomes: new OutcomeService(new OutcomeRepository(db), contributions, async (counter) => (await snapshots.current(counter)).version, edge.log),
    repositories,
  };
}

/** Per-request context: shared services, per-request DataLoaders (batching, no N+1) and a query counter. */
export interface Context {
  services: Services;
  loaders: {
    municipalities: MunicipalityLoaders;
    taskAreas: TaskAreaLoaders;
    cooperations: CooperationLoaders;
    accounts: AccountLoaders;
    contributions: ContributionLoaders;
    contacts: ContactPersonLoaders;
    board: BoardLoaders;
    outcomes: OutcomeLoaders;
  };
  queryCounter: QueryCounter;
  /** The signed-in account, resolved once per request from the session cookie; null when anonymous. */
  caller: Caller | null;
  /** Cookie and address of the request, for sign-in and sign-out. */
  http: HttpExchange;
  /** Set when the session could not be looked up (database down): checks that need the caller rethrow it. */
  callerError?: unknown;
}

export function createContext(services: Services, caller: Caller | null = null, http: HttpExchange = NO_HTTP): Context {
  const queryCounter: QueryCounter = { count: 0 };
  return {
    services,
    queryCounter,
    caller,
    http,
    loaders: {
      municipalities: services.repositories.municipalities.loaders(queryCounter),
      taskAreas: services.repositories.taskAreas.loaders(queryCounter),
      cooperations: services.repositories.cooperations.loaders(queryCounter),
      accounts: services.accounts.loaders(queryCounter),
      contributions: services.contributions.loaders(queryCounter),
      contacts: services.contacts.loaders(queryCounter),
      board: services.board.loaders(queryCounter),
      outcomes: services.outcomes.loaders(queryCounter),
    },
  };
}
