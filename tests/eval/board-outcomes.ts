/**
 * The second table of `pnpm eval matching` (issue 12 part 6, docs/matching.md): how the engine ranked the partners who
 * really came together through the Kooperationsbörse, next to the two baselines of the first table, computed the
 * same way. And `createBoardTestData`, which makes clearly labelled TEST DATA for it in a throw-away database by
 * walking the product's real path (idea → suggestions shown → interest → acceptance → AGREEMENT → register
 * contribution → approval).
 */
import {
  boardCaseFor,
  borderKreisDistance,
  metrics,
  nearestFirst,
  resultOf,
  shownResult,
  type CaseResult,
  type EvalCase,
  type Metrics,
} from '@ka/server/src/matching/evaluation';
import type { Database } from '@ka/server/src/db/database';
import { createServices, type Services } from '@ka/server/src/context';
import { AccountRepository } from '@ka/server/src/modules/accounts/account.repository';
import { AccountRole, AccountStatus } from '@ka/server/src/modules/accounts/account.type';
import { NO_HTTP, type Caller } from '@ka/server/src/modules/accounts/auth.request';
import type { StaticData } from '@ka/server/src/modules/matching/matching.repository';
import { IdeaStage, IdeaVisibility } from '@ka/server/src/modules/board/board.type';
import { LegalForm } from '@ka/server/src/shared/enums';
import { createAccount } from '../support/accounts';

export interface BoardTableRow {
  ranking: string;
  ideas: number;
  partners: number;
  MRR: string;
  'hit@5': string;
  'hit@10': string;
  'mean rank of partners found': string;
}

export interface BoardTable {
  /** One line when there is nothing to show (no idea with a partner yet). */
  empty: string | null;
  rows: BoardTableRow[];
  /** The raw figures, for tests. */
  figures: { shown: Metrics; nearest: Metrics; borderKreis: Metrics; partners: number; partnerRanks: Array<number | null>; leftOut: number };
  details: Array<Record<string, string | number>>;
  /** The ideas as eval cases (owner asks, partners are the targets): extra training pairs for the fit. */
  cases: EvalCase[];
  /** The register records the ideas became (the first table leaves them to this one). */
  cooperationIds: ReadonlySet<string>;
}

const f3 = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The rank of every target in one ordering (null: not among the candidates). */
function ranksIn(evalCase: EvalCase, ordered: ReturnType<typeof nearestFirst>): Array<number | null> {
  const position = new Map(ordered.map((c, i) => [c.ags, i + 1]));
  return evalCase.targets.map((ags) => position.get(ags) ?? null);
}

const meanRank = (ranks: Array<number | null>) => {
  const found = ranks.filter((r): r is number => r !== null);
  return found.length === 0 ? '–' : `${(found.reduce((a, b) => a + b, 0) / found.length).toFixed(1)} (${found.length} of ${ranks.length})`;
};

/**
 * Reads the outcomes from the database the eval runs against (one query) and computes the table. `onlyIdeas`
 * narrows it to some ideas (a test in the shared test database looks at its own).
 */
export async function boardOutcomeTable(services: Services, data: StaticData, onlyIdeas?: ReadonlySet<string>): Promise<BoardTable> {
  const outcomes = (await services.outcomes.boardOutcomes()).filter((o) => !onlyIdeas || onlyIdeas.has(o.ideaId));
  const cases = outcomes.flatMap((o) => {
    const c = boardCaseFor(o, data.cooperations, data.geography, data.taskAreas);
    return c ? [c] : [];
  });
  const withPartners = outcomes.filter((o) => o.partners.length > 0).length;
  const leftOut = withPartners - cases.length;
  const empty =
    cases.length === 0
      ? `Partner aus der Kooperationsbörse: no outcomes yet — ${outcomes.length} idea(s) with recorded suggestions, ${withPartners} with a partner (accepted interest at „Vereinbarung“ or later, or a member of its approved register record)${leftOut > 0 ? `, ${leftOut} of them left out (every partner already cooperated with the owner in the task, or the owner or task area is not in this snapshot)` : ''}.`
      : null;
  const shown: Array<CaseResult & { partnerRanks: Array<number | null> }> = cases.map(shownResult);
  const nearest = cases.map((c) => resultOf(c, nearestFirst(c)));
  const borderKreis = cases.map((c) => resultOf(c, borderKreisDistance(c)));
  const partnerRanks = shown.flatMap((r) => r.partnerRanks);
  const nearestRanks = cases.flatMap((c) => ranksIn(c, nearestFirst(c)));
  const borderRanks = cases.flatMap((c) => ranksIn(c, borderKreisDistance(c)));
  const partners = partnerRanks.length;
  const row = (ranking: string, m: Metrics, ranks: Array<number | null>): BoardTableRow => ({
    ranking,
    ideas: m.cases,
    partners,
    MRR: f3(m.mrr),
    'hit@5': pct(m.hit5),
    'hit@10': pct(m.hit10),
    'mean rank of partners found': meanRank(ranks),
  });
  const figures = { shown: metrics(shown), nearest: metrics(nearest), borderKreis: metrics(borderKreis), partners, partnerRanks, leftOut };
  const details = cases.map((c, i) => ({
    idea: c.cooperationId.replace(/^idea:/, '').slice(0, 8),
    owner: data.geography.places.get(c.focal)?.name ?? c.focal,
    task: c.taskAreaId,
    partners: c.targets.map((ags) => data.geography.places.get(ags)?.name ?? ags).join(', '),
    'rank shown': shown[i]!.partnerRanks.map((r) => r ?? 'not shown').join(', '),
    'rank nearest': ranksIn(c, nearestFirst(c))
      .map((r) => r ?? '–')
      .join(', '),
    'rank border/Kreis': ranksIn(c, borderKreisDistance(c))
      .map((r) => r ?? '–')
      .join(', '),
  }));
  return {
    empty,
    rows: empty
      ? []
      : [
          row('engine, as shown to the owner / the office', figures.shown, partnerRanks),
          row('baseline: nearest municipality', figures.nearest, nearestRanks),
          row('baseline: shared border, then same Kreis, then distance', figures.borderKreis, borderRanks),
        ],
    figures,
    details,
    cases,
    cooperationIds: new Set(outcomes.flatMap((o) => o.cooperationIds)),
  };
}

export function printBoardTable(table: BoardTable, label: string | null): void {
  if (table.empty) {
    console.log(`\n${table.empty}`);
    return;
  }
  console.log(`\nPartner aus der Kooperationsbörse${label ? ` — ${label}` : ''}`);
  if (table.figures.leftOut > 0)
    console.log(
      `${table.figures.leftOut} idea(s) with partners left out: every partner already cooperated with the owner in the task through another record in force (as in the first table), or the owner or task area is not in this snapshot.`,
    );
  console.log(
    'Per idea with partners: the rank at which the engine showed each partner in the first ranking the owner side or the office saw (a partner not shown counts as a miss), and where the baselines put them among the same candidates (the register record the idea became hidden from the evidence).',
  );
  console.table(table.rows);
  console.table(table.details);
}

/** A deterministic generator (mulberry32), so the test data are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const callerOf = async (db: Database, id: string): Promise<Caller> => {
  const account = await new AccountRepository(db).byId(id);
  if (!account) throw new Error(`test account ${id} not found`);
  return { account, sessionHash: 'board-test-data' };
};

/**
 * TEST DATA, not outcomes: `count` ideas of random NRW municipalities in random task areas; each owner sees the
 * engine's suggestions (recorded as exposures through the same call the idea page makes); one or two NRW
 * municipalities that share a border with the owner and are not yet its partners in the task — drawn at random,
 * not from the suggestions — express interest
 * and are accepted; the office moves the idea to AGREEMENT, turns it into a register contribution and approves it.
 * Every other idea also gets an office proposal that comes to nothing (contacted, not partnered). Returns the ideas.
 */
export async function createBoardTestData(db: Database, data: StaticData, { count = 12, seed = 12 } = {}): Promise<{ ideaIds: string[]; services: Services }> {
  const services = createServices(db);
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const nrw = [...data.geography.places.values()].filter((p) => !p.crossBorder).sort((a, b) => (a.ags < b.ags ? -1 : 1));
  const tasks = [...data.taskAreas.keys()].sort();
  const office = await callerOf(db, (await createAccount(db, AccountRole.OFFICE, AccountStatus.ACTIVE, [], 'board-test-office')).id);
  const staff = new Map<string, Caller>();
  const staffOf = async (ags: string) => {
    if (!staff.has(ags)) staff.set(ags, await callerOf(db, (await createAccount(db, AccountRole.STAFF, AccountStatus.ACTIVE, [ags], `board-test-${ags}`)).id));
    return staff.get(ags)!;
  };
  const ideaIds: string[] = [];
  while (ideaIds.length < count) {
    const owner = pick(nrw);
    const taskAreaId = pick(tasks);
    // Neighbours that are not yet the owner's partners in the task (those would be no new partnership).
    const existing = data.cooperations.evidenceFor(data.geography, owner, taskAreaId, 100).existingTaskPartners;
    const neighbours = data.geography
      .neighbours(owner.ags)
      .filter((ags) => !data.geography.places.get(ags)?.crossBorder && !existing.has(ags))
      .sort();
    if (neighbours.length < 2) continue;
    const ownerStaff = await staffOf(owner.ags);
    const idea = await services.board.create(
      ownerStaff,
      {
        municipalityAgs: owner.ags,
        title: `TESTDATEN Vorhaben ${ideaIds.length + 1} ${owner.name}`,
        taskAreaId,
        description: 'Testdaten für die zweite Tabelle von pnpm eval matching — kein echtes Vorhaben.',
        partnersSought: 2,
        targetPopulation: null,
        radiusKm: null,
        timeline: null,
        fundingPlanned: false,
        visibility: IdeaVisibility.PUBLIC,
      } as never,
      NO_HTTP,
    );
    // The owner opens the idea page: the same two calls as ProjectIdea.suggestions.
    services.outcomes.shown(idea, await services.board.suggestions(idea, 10, { count: 0 }));
    const partners = [...new Set([pick(neighbours), ...(next() < 0.4 ? [pick(neighbours)] : [])])];
    for (const ags of partners) {
      const interest = await services.board.expressInterest(
        await staffOf(ags),
        { ideaId: idea.id, municipalityAgs: ags, message: 'Testdaten: Wir haben Interesse an diesem Vorhaben.' },
        NO_HTTP,
      );
      await services.board.accept(ownerStaff, interest.id, NO_HTTP);
    }
    if (ideaIds.length % 2 === 1) {
      const other = nrw.find((p) => p.ags !== owner.ags && !partners.includes(p.ags) && data.geography.distanceKm(owner, p) < 30);
      if (other)
        await services.board.proposeMatch(
          office,
          { ideaId: idea.id, municipalityAgs: other.ags, message: 'Testdaten: Vorschlag der Geschäftsstelle.' } as never,
          NO_HTTP,
        );
    }
    await services.board.setStage(office, { ideaId: idea.id, stage: IdeaStage.AGREEMENT } as never, NO_HTTP);
    const { contribution } = await services.outcomes.createContributionFromIdea(
      office,
      { ideaId: idea.id, legalForm: LegalForm.OEFFENTLICH_RECHTLICHE_VEREINBARUNG, source: 'Testdaten, keine Quelle (pnpm eval matching --board-test-data)' },
      NO_HTTP,
    );
    await services.contributions.approve(office, { contributionId: contribution.id }, NO_HTTP);
    ideaIds.push(idea.id);
  }
  await services.outcomes.flush();
  return { ideaIds, services };
}

export const BOARD_TEST_DATA_LABEL =
  "TEST DATA (made by --board-test-data in the throw-away database: random ideas, partners drawn at random among the owner's NRW neighbours — not real outcomes)";
