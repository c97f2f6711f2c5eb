/**
 * The Kooperationsbörse's feedback loop (issue 12 part 6, docs/decisions/019) over GraphQL against the shared test
 * Neo4j with the real register: exposures of the suggestions shown (once, not for hidden views), the office turning
 * an agreed idea into a register contribution (the authorisation matrix, nothing changed when refused), the path
 * idea → AGREEMENT → contribution → approval → register record → outcome row, and the second table of
 * `pnpm eval matching` over the data made here (its figures computed from what the API showed, not hard-coded).
 * Everything this file writes is removed at the end (ADR 004).
 */
import { randomUUID } from 'node:crypto';
import { createServices } from '@ka/server/src/context';
import { AccountRole, AccountStatus } from '@ka/server/src/modules/accounts/account.type';
import { MatchingRepository } from '@ka/server/src/modules/matching/matching.repository';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardOutcomeTable } from '../eval/board-outcomes';
import { Client, createAccount, removeSessions, signedIn } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/app';
import { graphFingerprint, removeTestRecords } from '../support/register';

const OWNER = '05978008'; // Bönen (Kreis Unna): many NRW neighbours within a small radius
const KOELN = '05315000';
const TASK = 'standesamt';
const RADIUS = 20; // small enough that every candidate fits into one answer (limit 50): the baselines are checked on them
const TARGET = 30000;
const RUN = randomUUID().slice(0, 8);

type Role = 'anonymous' | 'staffA' | 'staffB' | 'staffC' | 'office' | 'admin';
let app: TestApp;
const users = {} as Record<Exclude<Role, 'anonymous'>, { id: string; email: string }>;
const clients = {} as Record<Role, Client>;
/** Every candidate for Bönen's Standesamt within RADIUS, before anything here was written: the baselines' input. */
let all: Array<{ rank: number; ags: string; distanceKm: number; border: boolean; sameDistrict: boolean; crossBorder: boolean }>;
let AGS_B: string; // the engine's first NRW neighbour: expresses interest, is accepted
let AGS_P: string; // the 8th candidate: shown to nobody (the office sees 5), partner through the register record only
let AGS_C: string; // proposed by the office, comes to nothing
const ideas: { first?: string; second?: string } = {};
/** Ideas of the later tests (not in the eval table). */
const extraIdeas: string[] = [];
/** What the owner and the office were shown (rank by AGS), from the API's answers. */
const shownToOwner = new Map<string, number>();

const ok = async <T = any>(role: Role, query: string, variables?: Record<string, unknown>): Promise<T> => {
  const { data, errors } = await clients[role].graphql<T>(query, variables);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data!;
};
const code = async (role: Role, query: string, variables?: Record<string, unknown>) =>
  (await clients[role].graphql(query, variables)).errors?.[0]?.extensions?.code;

const CREATE = `mutation Create($input: CreateProjectIdeaInput!) { createProjectIdea(input: $input) { idea { id } } }`;
const SUGGESTIONS = `query S($id: ID!, $limit: Int) { projectIdea(id: $id) { id suggestions(limit: $limit) { candidates { rank score municipality { ags } } } } }`;
const INTEREST = `mutation I($input: ExpressInterestInput!) { expressInterest(input: $input) { interest { id } } }`;
const ACCEPT = `mutation A($input: InterestDecisionInput!) { acceptInterest(input: $input) { interest { id status } } }`;
const PROPOSE = `mutation P($input: ProposeMatchInput!) { proposeMatch(input: $input) { proposal { id } } }`;
const STAGE = `mutation St($input: SetProjectIdeaStageInput!) { setProjectIdeaStage(input: $input) { idea { id stage } } }`;
const FROM_IDEA = `mutation FromIdea($input: CreateContributionFromIdeaInput!) { createContributionFromIdea(input: $input) {
  contribution { id kind status cooperationId record { name legalForm status startYear sourceUrl sourceReference evidence taskAreaIds members { kind key } } }
  registerRecord { contributionId status cooperationId memberAgs } } }`;
const APPROVE = `mutation Ap($input: ApproveContributionInput!) { approveContribution(input: $input) { contribution { id status cooperationId } cooperation { id name status } } }`;
const RECORDS = `query R($id: ID!) { projectIdea(id: $id) { id registerRecords { contributionId status cooperationId memberAgs } } }`;

const exposures = async (ideaId: string) => {
  const result = await app.db.read(
    'MATCH (e:SuggestionExposure {ideaId: $ideaId}) RETURN e.municipalityAgs AS ags, e.rank AS rank, e.shownTo AS shownTo, toString(e.shownAt) AS at ORDER BY e.rank',
    { ideaId },
  );
  return result.records.map((r) => ({
    ags: r.get('ags') as string,
    rank: Number(r.get('rank')),
    shownTo: r.get('shownTo') as string,
    at: r.get('at') as string,
  }));
};

function ideaInput(title: string, visibility = 'PUBLIC') {
  return {
    municipalityAgs: OWNER,
    title: `${title} ${RUN}`,
    taskAreaId: TASK,
    description: 'Ein gemeinsames Standesamt mit Trauorten in jeder Kommune (Test der Rückmeldeschleife).',
    partnersSought: 2,
    targetPopulation: TARGET,
    radiusKm: RADIUS,
    fundingPlanned: false,
    visibility,
  };
}

beforeAll(async () => {
  app = await startTestApp();
  const ranking = await app.graphql<any>(
    `query { partnerSuggestions(ags: "${OWNER}", taskArea: "${TASK}", options: { maxDistanceKm: ${RADIUS}, targetPopulation: ${TARGET}, limit: 50 }) {
      consideredCount candidates { rank municipality { ags crossBorder } facts { distanceKm sharedBorderKm touchOnly sameDistrict } } } }`,
  );
  const answer = ranking.data!.partnerSuggestions;
  expect(answer.consideredCount, 'every candidate within the radius is in one answer').toBe(answer.candidates.length);
  all = answer.candidates.map((c: any) => ({
    rank: c.rank,
    ags: c.municipality.ags,
    distanceKm: c.facts.distanceKm,
    border: c.facts.sharedBorderKm !== null && !c.facts.touchOnly,
    sameDistrict: c.facts.sameDistrict,
    crossBorder: c.municipality.crossBorder,
  }));
  const nrw = all.filter((c) => !c.crossBorder);
  expect(nrw.length).toBeGreaterThanOrEqual(9);
  AGS_B = nrw.find((c) => c.border)!.ags;
  AGS_P = all[7]!.crossBorder ? nrw.filter((c) => c.rank > 5)[1]!.ags : all[7]!.ags;
  AGS_C = nrw.find((c) => c.ags !== AGS_B && c.ags !== AGS_P)!.ags;

  users.staffA = await createAccount(app.db, AccountRole.STAFF, AccountStatus.ACTIVE, [OWNER], 'outcomes-staffa');
  users.staffB = await createAccount(app.db, AccountRole.STAFF, AccountStatus.ACTIVE, [AGS_B], 'outcomes-staffb');
  users.staffC = await createAccount(app.db, AccountRole.STAFF, AccountStatus.ACTIVE, [KOELN], 'outcomes-staffc');
  users.office = await createAccount(app.db, AccountRole.OFFICE, AccountStatus.ACTIVE, [], 'outcomes-office');
  users.admin = await createAccount(app.db, AccountRole.ADMIN, AccountStatus.ACTIVE, [], 'outcomes-admin');
  clients.anonymous = new Client(app.url);
  for (const key of Object.keys(users) as Array<keyof typeof users>) clients[key] = await signedIn(app.url, users[key].email);
});

afterAll(async () => {
  if (app) {
    const ids = Object.values(users).map((u) => u.id);
    const ideaIds = [...Object.values(ideas), ...extraIdeas];
    const cooperations = await app.db.read(
      `MATCH (l:IdeaRegisterLink) WHERE l.ideaId IN $ideaIds MATCH (k:Contribution {id: l.contributionId}) WHERE k.cooperationId IS NOT NULL RETURN collect(k.cooperationId) AS ids`,
      { ideaIds },
    );
    await removeTestRecords(app.db, { cooperationIds: cooperations.records[0]!.get('ids') as string[], authorIds: ids });
    await app.db.write(
      `UNWIND $ideaIds AS id
       MATCH (i:ProjectIdea {id: id})
       CALL (i) { MATCH (x) WHERE (x:Interest OR x:Notice OR x:Proposal OR x:IdeaStageChange OR x:IdeaNote OR x:SuggestionExposure OR x:IdeaRegisterLink) AND x.ideaId = i.id DETACH DELETE x }
       DETACH DELETE i`,
      { ideaIds },
    );
    await app.db.write('MATCH (n:Notice) WHERE n.accountId IN $ids DETACH DELETE n', { ids });
    await removeSessions(app.db, ids);
  }
  await app?.close();
});

describe('exposures: what the engine showed, recorded once, not for hidden views', () => {
  it('records the owner side’s and the office’s views only, once per idea, candidate and ranking version', async () => {
    ideas.first = (await ok('staffA', CREATE, { input: ideaInput('Rückmeldung eins') })).createProjectIdea.idea.id;
    ideas.second = (await ok('staffA', CREATE, { input: ideaInput('Rückmeldung zwei') })).createProjectIdea.idea.id;
    // Views that say nothing about what comes of the suggestions: anonymous, and staff of another municipality.
    for (const role of ['anonymous', 'staffC'] as const) {
      const seen = await ok(role, SUGGESTIONS, { id: ideas.first, limit: 25 });
      expect(seen.projectIdea.suggestions.candidates.length).toBeGreaterThan(10);
    }
    const owner = await ok('staffA', SUGGESTIONS, { id: ideas.first, limit: 10 });
    for (const c of owner.projectIdea.suggestions.candidates) shownToOwner.set(c.municipality.ags, c.rank);
    await ok('office', SUGGESTIONS, { id: ideas.second, limit: 5 });

    await expect.poll(async () => (await exposures(ideas.first!)).length).toBe(10);
    await expect.poll(async () => (await exposures(ideas.second!)).length).toBe(5);
    const first = await exposures(ideas.first!);
    expect(first.map((e) => [e.ags, e.rank])).toEqual([...shownToOwner.entries()]);
    expect(new Set(first.map((e) => e.shownTo))).toEqual(new Set(['OWNER']));
    expect(new Set((await exposures(ideas.second!)).map((e) => e.shownTo))).toEqual(new Set(['OFFICE']));

    // The same page again (and the hidden views again): nothing new, the first time kept.
    await ok('staffA', SUGGESTIONS, { id: ideas.first, limit: 10 });
    await ok('anonymous', SUGGESTIONS, { id: ideas.first, limit: 25 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await exposures(ideas.first!)).toEqual(first);
    // The exposures are keyed: a second write of the same key is impossible (the migration's constraint).
    const keys = await app.db.read('MATCH (e:SuggestionExposure {ideaId: $id}) RETURN count(DISTINCT e.key) AS keys, count(e) AS n', { id: ideas.first });
    expect(Number(keys.records[0]!.get('keys'))).toBe(Number(keys.records[0]!.get('n')));
  });
});

describe('createContributionFromIdea', () => {
  it('is refused before AGREEMENT, and for everyone but the office and administrators, changing nothing', async () => {
    const interest = (await ok('staffB', INTEREST, { input: { ideaId: ideas.first, municipalityAgs: AGS_B, message: 'Wir hätten großes Interesse daran.' } }))
      .expressInterest.interest.id;
    await ok('staffA', ACCEPT, { input: { interestId: interest } });
    await ok('office', PROPOSE, { input: { ideaId: ideas.first, municipalityAgs: AGS_C, message: 'Die Geschäftsstelle schlägt diese Kommune vor.' } });
    const input = {
      ideaId: ideas.first,
      legalForm: 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG',
      source: 'https://example.org/ratsbeschluss-standesamt',
      startYear: 2027,
    };

    let before = await graphFingerprint(app.db);
    expect(await code('office', FROM_IDEA, { input })).toBe('CONFLICT'); // still at IDEA
    expect(await graphFingerprint(app.db)).toEqual(before);

    await ok('office', STAGE, { input: { ideaId: ideas.first, stage: 'AGREEMENT' } });
    before = await graphFingerprint(app.db);
    const refused: Array<[Role, string, Record<string, unknown>]> = [
      ['anonymous', 'UNAUTHENTICATED', input],
      ['staffA', 'FORBIDDEN', input], // the owner's staff: the office makes register records from ideas
      ['staffB', 'FORBIDDEN', input], // a partner
      ['staffC', 'FORBIDDEN', input], // another municipality
      ['office', 'BAD_USER_INPUT', { ...input, memberAgs: [AGS_B, AGS_C] }], // without the owner
      ['office', 'BAD_USER_INPUT', { ...input, memberAgs: [OWNER, '05999999'] }], // no such municipality
      ['office', 'BAD_USER_INPUT', { ...input, memberAgs: [OWNER, 'x'] }],
      ['office', 'BAD_USER_INPUT', { ...input, source: 'ftp://example.org' }],
      ['office', 'BAD_USER_INPUT', { ...input, source: '  ' }], // no source at all
      ['office', 'BAD_USER_INPUT', { ...input, legalForm: undefined }], // GraphQL: the legal form is required
      ['office', 'BAD_USER_INPUT', { ...input, startYear: 1700 }],
      ['office', 'BAD_USER_INPUT', { ...input, ideaId: 'not-an-id' }],
      ['office', 'NOT_FOUND', { ...input, ideaId: randomUUID() }],
    ];
    for (const [role, expected, variables] of refused) {
      expect(await code(role, FROM_IDEA, { input: variables }), `${role} ${JSON.stringify(variables)}`).toBe(expected);
      expect(await graphFingerprint(app.db), `${role} changed nothing`).toEqual(before);
    }
  });

  it('idea → AGREEMENT → contribution (pending) → approval → register record → outcome row', async () => {
    const input = {
      ideaId: ideas.first,
      legalForm: 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG',
      source: 'https://example.org/ratsbeschluss-standesamt',
      startYear: 2027,
    };
    const made = (await ok('office', FROM_IDEA, { input })).createContributionFromIdea;
    expect(made.contribution).toMatchObject({
      kind: 'NEW',
      status: 'PENDING',
      cooperationId: null,
      record: { name: `Rückmeldung eins ${RUN}`, status: 'PLANNED', startYear: 2027, sourceUrl: input.source, taskAreaIds: [TASK] },
    });
    // Default members: the owner and the accepted interest (not the proposed municipality that never answered).
    expect(made.contribution.record.members.map((m: any) => m.key).sort()).toEqual([OWNER, AGS_B].sort());
    expect(made.contribution.record.evidence).toContain(ideas.first);
    expect(made.registerRecord).toMatchObject({ status: 'PENDING', cooperationId: null, memberAgs: [OWNER, AGS_B] });
    // Nothing in the register yet: it waits for the review like any report.
    const named = await app.db.read('MATCH (c:Cooperation {name: $name}) RETURN count(c) AS n', { name: `Rückmeldung eins ${RUN}` });
    expect(Number(named.records[0]!.get('n'))).toBe(0);
    const before = await graphFingerprint(app.db);
    expect(await code('office', FROM_IDEA, { input })).toBe('CONFLICT'); // one is waiting already
    expect(await graphFingerprint(app.db)).toEqual(before);
    // The owner side and the office see the link on the idea; others do not.
    expect((await ok('staffA', RECORDS, { id: ideas.first })).projectIdea.registerRecords).toEqual([
      expect.objectContaining({ contributionId: made.contribution.id, status: 'PENDING' }),
    ]);
    expect((await ok('staffC', RECORDS, { id: ideas.first })).projectIdea.registerRecords).toBeNull();

    const approved = (await ok('office', APPROVE, { input: { contributionId: made.contribution.id } })).approveContribution;
    expect(approved.contribution.status).toBe('APPROVED');
    expect(approved.cooperation).toMatchObject({ name: `Rückmeldung eins ${RUN}`, status: 'PLANNED' });
    const members = await app.db.read(
      'MATCH (m:Municipality)-[:MEMBER_OF]->(c:Cooperation {id: $id})-[:COVERS]->(t:TaskArea) RETURN collect(m.ags) AS ags, collect(DISTINCT t.id) AS tasks',
      {
        id: approved.cooperation.id,
      },
    );
    expect((members.records[0]!.get('ags') as string[]).sort()).toEqual([OWNER, AGS_B].sort());
    expect(members.records[0]!.get('tasks')).toEqual([TASK]);
    // The record knows it came together through the board (the idea as the caller may see it: PUBLIC here).
    const BOARD_IDEA = `query C($id: ID!) { cooperation(id: $id) { id boardIdea { id title } } }`;
    expect((await ok('anonymous', BOARD_IDEA, { id: approved.cooperation.id })).cooperation.boardIdea).toEqual({
      id: ideas.first,
      title: `Rückmeldung eins ${RUN}`,
    });
    const registerOnly = await app.db.read("MATCH (c:Cooperation) WHERE c.provenance <> 'USER' RETURN c.id AS id LIMIT 1");
    expect((await ok('anonymous', BOARD_IDEA, { id: registerOnly.records[0]!.get('id') })).cooperation.boardIdea).toBeNull();
    expect((await ok('office', RECORDS, { id: ideas.first })).projectIdea.registerRecords).toEqual([
      expect.objectContaining({ status: 'APPROVED', cooperationId: approved.cooperation.id }),
    ]);

    // The second idea: an administrator chooses the members (no interest), the partner was never shown.
    await ok('office', STAGE, { input: { ideaId: ideas.second, stage: 'AGREEMENT' } });
    const second = (
      await ok('admin', FROM_IDEA, {
        input: { ideaId: ideas.second, memberAgs: [OWNER, AGS_P], legalForm: 'VERWALTUNGSVEREINBARUNG', source: 'Amtsblatt Kreis Unna 3/2027, S. 12' },
      })
    ).createContributionFromIdea;
    expect(second.contribution.record).toMatchObject({ sourceUrl: null, sourceReference: 'Amtsblatt Kreis Unna 3/2027, S. 12', status: 'PLANNED' });
    await ok('admin', APPROVE, { input: { contributionId: second.contribution.id } });

    // The outcome rows, as the eval reads them (one query).
    const outcomes = (await createServices(app.db).outcomes.boardOutcomes()).filter((o) => o.ideaId === ideas.first || o.ideaId === ideas.second);
    const first = outcomes.find((o) => o.ideaId === ideas.first)!;
    expect(first).toMatchObject({ ownerAgs: OWNER, taskAreaId: TASK, stage: 'AGREEMENT', radiusKm: RADIUS, partners: [AGS_B] });
    expect(first.contacted).toEqual([AGS_B, AGS_C].sort());
    expect(first.shown.find((s) => s.ags === AGS_B)?.rank).toBe(shownToOwner.get(AGS_B));
    expect(first.cooperationIds).toEqual([approved.cooperation.id]);
    const secondRow = outcomes.find((o) => o.ideaId === ideas.second)!;
    expect(secondRow).toMatchObject({ partners: [AGS_P], contacted: [] });
    expect(secondRow.shown.map((s) => s.ags)).not.toContain(AGS_P);
  });

  it('the second eval table over these ideas: the engine as shown and both baselines, computed the same way', async () => {
    const repository = new MatchingRepository(app.db);
    const data = await repository.staticData(await repository.datasetVersion());
    const table = await boardOutcomeTable(createServices(app.db), data, new Set(Object.values(ideas)));
    expect(table.empty).toBeNull();
    expect(table.rows.map((r) => r.ranking)).toEqual([
      'engine, as shown to the owner / the office',
      'baseline: nearest municipality',
      'baseline: shared border, then same Kreis, then distance',
    ]);

    // Expected figures from what the API answered (not from the eval's code): the engine's rank is the one shown
    // to the owner (B) or none (P, never shown); the baselines order the candidates the finder listed.
    const byAgs = (a: { ags: string }, b: { ags: string }) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0);
    const nearest = [...all].sort((a, b) => a.distanceKm - b.distanceKm || byAgs(a, b)).map((c) => c.ags);
    const borderKreis = [...all]
      .sort((a, b) => Number(b.border) - Number(a.border) || Number(b.sameDistrict) - Number(a.sameDistrict) || a.distanceKm - b.distanceKm || byAgs(a, b))
      .map((c) => c.ags);
    const summary = (ranks: Array<number | null>) => ({
      cases: ranks.length,
      mrr: ranks.reduce<number>((s, r) => s + (r ? 1 / r : 0), 0) / ranks.length,
      hit5: ranks.filter((r) => r !== null && r <= 5).length / ranks.length,
      hit10: ranks.filter((r) => r !== null && r <= 10).length / ranks.length,
    });
    const rB = shownToOwner.get(AGS_B)!;
    expect(table.figures.partnerRanks).toEqual([rB, null]);
    expect(table.figures.shown).toMatchObject({ ...summary([rB, null]), mrr: expect.closeTo(summary([rB, null]).mrr, 9) });
    const expectedNearest = summary([nearest.indexOf(AGS_B) + 1, nearest.indexOf(AGS_P) + 1]);
    expect(table.figures.nearest).toMatchObject({ ...expectedNearest, mrr: expect.closeTo(expectedNearest.mrr, 9) });
    const expectedBorder = summary([borderKreis.indexOf(AGS_B) + 1, borderKreis.indexOf(AGS_P) + 1]);
    expect(table.figures.borderKreis).toMatchObject({ ...expectedBorder, mrr: expect.closeTo(expectedBorder.mrr, 9) });
    expect(table.rows[0]).toMatchObject({ ideas: 2, partners: 2, MRR: (1 / rB / 2).toFixed(3) });
    console.log('\nPartner aus der Kooperationsbörse — TEST DATA made by tests/integration/board-outcomes.test.ts (two ideas of Bönen)');
    console.table(table.rows);
    console.table(table.details);
  });
});

// --- review of issue 12: what a record made from an idea may say, and to whom the cooperation names the idea -------

describe('createContributionFromIdea for ideas that are not public, withdrawn or half-made', () => {
  const FROM_IDEA_PUBLIC_FIELDS = `mutation FromIdea($input: CreateContributionFromIdeaInput!) { createContributionFromIdea(input: $input) {
    contribution { id status record { name description evidence members { key } } } registerRecord { contributionId status } } }`;
  const BOARD_IDEA = `query C($id: ID!) { cooperation(id: $id) { id name description boardIdea { id title ownerRevealed } } }`;
  const WITHDRAW = `mutation W($input: ProjectIdeaStateInput!) { withdrawProjectIdea(input: $input) { idea { id status } } }`;
  const base = { legalForm: 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG', source: 'https://example.org/ratsbeschluss-verbund', startYear: 2028 };

  it('an office-only idea: a name is required, nothing of the idea goes public, a retry after a lost link is refused, and the cooperation names the idea only to who sees it in full', async () => {
    const id = (await ok('staffA', CREATE, { input: ideaInput('Verdeckt', 'OFFICE_ONLY') })).createProjectIdea.idea.id as string;
    extraIdeas.push(id);
    const title = `Verdeckt ${RUN}`;
    // Köln (staff C) is proposed by the office: a party that sees the idea anonymised.
    await ok('office', PROPOSE, { input: { ideaId: id, municipalityAgs: KOELN, message: 'Die Geschäftsstelle schlägt diese Kommune vor.' } });
    await ok('office', STAGE, { input: { ideaId: id, stage: 'AGREEMENT' } });
    const input = { ...base, ideaId: id, memberAgs: [OWNER, AGS_P] };

    let before = await graphFingerprint(app.db);
    const unnamed = await clients.office.graphql<any>(FROM_IDEA_PUBLIC_FIELDS, { input });
    expect(unnamed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(unnamed.errors![0]!.extensions!.messageDe).toMatch(/^Der Name fehlt: Das Vorhaben ist nicht öffentlich/);
    expect(await graphFingerprint(app.db)).toEqual(before);

    const made = (await ok('office', FROM_IDEA_PUBLIC_FIELDS, { input: { ...input, name: `Standesamtsverbund ${RUN}` } })).createContributionFromIdea;
    expect(made.contribution.record).toMatchObject({ name: `Standesamtsverbund ${RUN}`, description: null, evidence: 'Aus der Kooperationsbörse' });
    expect(JSON.stringify(made.contribution.record)).not.toContain(id);
    expect(JSON.stringify(made.contribution.record)).not.toContain(title);
    expect(JSON.stringify(made.contribution.record)).not.toContain('Trauorten'); // the idea's description
    // The link keeps which idea it was.
    expect((await ok('office', RECORDS, { id })).projectIdea.registerRecords).toEqual([expect.objectContaining({ contributionId: made.contribution.id })]);

    // A retry after the link's write failed (simulated: the link points elsewhere) finds the report by its note.
    await app.db.write("MATCH (l:IdeaRegisterLink {contributionId: $id}) SET l.contributionId = 'lost-' + l.contributionId", { id: made.contribution.id });
    before = await graphFingerprint(app.db);
    const retry = await clients.office.graphql<any>(FROM_IDEA_PUBLIC_FIELDS, { input: { ...input, name: `Standesamtsverbund ${RUN}` } });
    expect(retry.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(retry.errors![0]!.extensions!.messageDe).toMatch(/wartet bereits ein Registereintrag/);
    expect(await graphFingerprint(app.db)).toEqual(before);
    await app.db.write("MATCH (l:IdeaRegisterLink {contributionId: 'lost-' + $id}) SET l.contributionId = $id", { id: made.contribution.id });

    const approved = (await ok('office', APPROVE, { input: { contributionId: made.contribution.id } })).approveContribution;
    const cooperationId = approved.cooperation.id as string;
    // The owner's staff and the office see the idea in full; the proposed party (anonymised), others and anonymous
    // callers get null — an anonymised idea beside the cooperation's members would name its owner.
    for (const role of ['staffA', 'office', 'admin'] as const) {
      expect((await ok(role, BOARD_IDEA, { id: cooperationId })).cooperation.boardIdea, role).toEqual({ id, title, ownerRevealed: true });
    }
    expect((await ok('staffC', `query($id: ID!) { projectIdea(id: $id) { id ownerRevealed } }`, { id })).projectIdea.ownerRevealed).toBe(false);
    for (const role of ['staffC', 'staffB', 'anonymous'] as const) {
      const seen = await ok(role, BOARD_IDEA, { id: cooperationId });
      expect(seen.cooperation.boardIdea, role).toBeNull();
      expect(JSON.stringify(seen), role).not.toContain(title);
      expect(JSON.stringify(seen), role).not.toContain(id);
    }
  });

  it('a withdrawn idea is refused (CONFLICT), changing nothing', async () => {
    const id = (await ok('staffA', CREATE, { input: ideaInput('Zurückgezogen') })).createProjectIdea.idea.id as string;
    extraIdeas.push(id);
    await ok('office', STAGE, { input: { ideaId: id, stage: 'AGREEMENT' } });
    await ok('staffA', WITHDRAW, { input: { ideaId: id } });
    const before = await graphFingerprint(app.db);
    const refused = await clients.office.graphql<any>(FROM_IDEA_PUBLIC_FIELDS, { input: { ...base, ideaId: id, memberAgs: [OWNER, AGS_P], name: 'Egal' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors![0]!.extensions!.messageDe).toMatch(/zurückgezogen/);
    expect(await graphFingerprint(app.db)).toEqual(before);
  });

  it('a public idea keeps the defaults: its title as name, its description, the evidence naming it', async () => {
    const id = (await ok('staffA', CREATE, { input: ideaInput('Öffentlich') })).createProjectIdea.idea.id as string;
    extraIdeas.push(id);
    await ok('office', STAGE, { input: { ideaId: id, stage: 'AGREEMENT' } });
    const made = (await ok('office', FROM_IDEA_PUBLIC_FIELDS, { input: { ...base, ideaId: id, memberAgs: [OWNER, AGS_P] } })).createContributionFromIdea;
    expect(made.contribution.record).toMatchObject({ name: `Öffentlich ${RUN}`, description: expect.stringContaining('Trauorten') });
    expect(made.contribution.record.evidence).toContain(id);
  });
});
