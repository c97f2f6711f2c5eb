/**
 * The Kooperationsbörse (issue 12, parts 1–3 and the inbox of part 5; docs/decisions/014) against the real test
 * Neo4j with the NRW register. The database is shared with the other files (docs/decisions/004): this file makes
 * its own accounts, ideas, interests, notices and contact persons and removes them at the end (audit events stay).
 */
import { randomUUID } from 'node:crypto';
import { AccountRole, AccountStatus } from '@ka/server/src/modules/accounts/account.type';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createAccount, removeSessions, signedIn } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/app';

const MEDEBACH = '05958028'; // A: Medebach, a small town in the Hochsauerlandkreis on the border with Hessen
const KOELN = '05315000'; // C: far away, never among Medebach's first ten
const TASK = 'standesamt';
const RADIUS = 40;
const RUN = randomUUID().slice(0, 8);

let app: TestApp;
let AGS_B: string; // the neighbour the engine ranks first for Medebach's Standesamt idea (found in beforeAll)

type Role = 'anonymous' | 'staffA' | 'staffB' | 'office' | 'admin';
const ROLES: Role[] = ['anonymous', 'staffA', 'staffB', 'office', 'admin'];
const users = {} as Record<Exclude<Role, 'anonymous'> | 'staffA2' | 'staffC', { id: string; email: string }>;
const clients = {} as Record<Role | 'staffA2' | 'staffC', Client>;
const contactIds: string[] = [];
/** Accounts made by single tests (their ideas are removed with the rest). */
const extraAccounts: string[] = [];
const contacts = {
  a: { email: `kontakt-a-${RUN}@medebach.test.invalid`, phone: '+49 2982 4000-11' },
  b: { email: `kontakt-b-${RUN}@nachbar.test.invalid`, phone: '+49 2981 9999-22' },
};

const gql = async <T = any>(role: Role | 'staffA2' | 'staffC', query: string, variables?: Record<string, unknown>) =>
  clients[role].graphql<T>(query, variables);
const ok = async <T = any>(role: Role | 'staffA2' | 'staffC', query: string, variables?: Record<string, unknown>): Promise<T> => {
  const { data, errors } = await gql<T>(role, query, variables);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data!;
};

const IDEA_FIELDS = `id version title description partnersSought targetPopulation radiusKm timeline fundingPlanned visibility status
  ownerRevealed viewerIsOwner viewerCanEdit viewerCanExpressInterest municipality { ags shortName } taskArea { id }`;
const CREATE = `mutation Create($input: CreateProjectIdeaInput!) { createProjectIdea(input: $input) { idea { ${IDEA_FIELDS} } } }`;
const UPDATE = `mutation Update($input: UpdateProjectIdeaInput!) { updateProjectIdea(input: $input) { idea { ${IDEA_FIELDS} } } }`;
const WITHDRAW = `mutation Withdraw($input: ProjectIdeaStateInput!) { withdrawProjectIdea(input: $input) { idea { id status version withdrawnAt } } }`;
const COMPLETE = `mutation Complete($input: ProjectIdeaStateInput!) { completeProjectIdea(input: $input) { idea { id status version completedAt } } }`;
const INTEREST = `mutation Interest($input: ExpressInterestInput!) { expressInterest(input: $input) { interest { id status message municipality { ags } idea { id } } } }`;
const ACCEPT = `mutation Accept($input: InterestDecisionInput!) { acceptInterest(input: $input) { interest { id status respondedAt } } }`;
const DECLINE = `mutation Decline($input: InterestDecisionInput!) { declineInterest(input: $input) { interest { id status respondedAt } } }`;
const WITHDRAW_INTEREST = `mutation WithdrawInterest($input: InterestDecisionInput!) { withdrawInterest(input: $input) { interest { id status } } }`;
const MARK_READ = `mutation MarkRead($input: MarkNoticesReadInput!) { markNoticesRead(input: $input) { updated unreadCount } }`;
const IDEA = `query Idea($id: ID!) { projectIdea(id: $id) { ${IDEA_FIELDS} } }`;
const IDEAS = `query Ideas($filter: ProjectIdeaFilter) { projectIdeas(filter: $filter, first: 100) { totalCount edges { node { id } } } }`;
const FITTING = `query Fitting($ags: ID) { fittingProjectIdeas(ags: $ags, first: 100) { totalCount withinRank edges { node { rank municipality { ags } idea { id title municipality { ags } }
  candidate { rank score municipality { ags } components { key points reasonDe reasonEn } } } } } }`;
const CONTACT_SIDE = `municipality { ags shortName } name email contactPersons { name email phone }`;
const INTERESTS = `query Interests($id: ID!) { projectIdea(id: $id) { id interests { id status message municipality { ags } contact { owner { ${CONTACT_SIDE} } interested { ${CONTACT_SIDE} } } } } }`;
const INTERESTS_ONLY = `query InterestsOnly($id: ID!) { projectIdea(id: $id) { id interests { id status municipality { ags } } } }`;
const INBOX = `query Inbox($unreadOnly: Boolean) { inbox(unreadOnly: $unreadOnly, first: 100) { totalCount unreadCount edges { node { id kind read textDe textEn idea { id title } interest { id status } } } } }`;
const MY_INTERESTS = `query MyInterests { myInterests(first: 100) { totalCount edges { node { id status idea { id } } } } }`;

function ideaInput(overrides: Record<string, unknown> = {}) {
  return {
    municipalityAgs: MEDEBACH,
    title: `Gemeinsames Standesamt ${RUN}`,
    taskAreaId: TASK,
    description: 'Wir suchen Partner für ein gemeinsames Standesamt mit Trauorten in jeder Kommune.',
    partnersSought: 2,
    targetPopulation: 30000,
    radiusKm: RADIUS,
    timeline: 'Start 2027',
    fundingPlanned: true,
    visibility: 'PUBLIC',
    ...overrides,
  };
}

async function postIdea(overrides: Record<string, unknown> = {}, role: Role | 'staffA2' = 'staffA'): Promise<{ id: string; version: number; title: string }> {
  const data = await ok(role, CREATE, { input: ideaInput(overrides) });
  return data.createProjectIdea.idea;
}

async function expressInterest(ideaId: string, role: Role | 'staffC' = 'staffB', ags = AGS_B): Promise<string> {
  const data = await ok(role, INTEREST, { input: { ideaId, municipalityAgs: ags, message: 'Wir hätten großes Interesse, sprechen wir?' } });
  return data.expressInterest.interest.id;
}

/** Everything a refused board operation must leave as it was: counts, and the properties of the watched nodes. */
async function boardState(ids: string[]): Promise<unknown> {
  const result = await app.db.read(
    `CALL { MATCH (i:ProjectIdea) RETURN count(i) AS ideas }
     CALL { MATCH (x:Interest) RETURN count(x) AS interests }
     CALL { MATCH (n:Notice) RETURN count(n) AS notices, count(n.readAt) AS read }
     CALL { MATCH (e:AuditEvent) RETURN count(e) AS audit }
     CALL { UNWIND $ids AS id MATCH (i:ProjectIdea {id: id}) RETURN collect(properties(i)) AS ideaProps }
     CALL { UNWIND $ids AS id MATCH (x:Interest {id: id}) RETURN collect(properties(x)) AS interestProps }
     RETURN ideas, interests, notices, read, audit, ideaProps, interestProps`,
    { ids },
  );
  return JSON.parse(JSON.stringify(result.records[0]!.toObject()));
}

async function auditCount(action: string, actorId: string, targetId: string): Promise<number> {
  const result = await app.db.read('MATCH (e:AuditEvent {action: $action, actorId: $actorId, targetId: $targetId}) RETURN count(e) AS n', {
    action,
    actorId,
    targetId,
  });
  return result.records[0]!.get('n') as number;
}

beforeAll(async () => {
  app = await startTestApp();
  // The fit both ways is checked on the engine's real ranking: B is the first-ranked NRW neighbour of Medebach.
  const ranking = await app.graphql<any>(
    `query { partnerSuggestions(ags: "${MEDEBACH}", taskArea: "${TASK}", options: { maxDistanceKm: ${RADIUS}, targetPopulation: 30000, limit: 10 }) { candidates { rank municipality { ags crossBorder } facts { sharedBorderKm } } } }`,
  );
  const neighbour = ranking.data!.partnerSuggestions.candidates.find((c: any) => !c.municipality.crossBorder && c.facts.sharedBorderKm > 0);
  expect(neighbour, 'Medebach has an NRW neighbour among its first ten for the Standesamt').toBeDefined();
  AGS_B = neighbour.municipality.ags;

  const make = async (key: keyof typeof users, role: AccountRole, ags: string[]) => {
    users[key] = await createAccount(app.db, role, AccountStatus.ACTIVE, ags, `board-${key.toLowerCase()}`);
  };
  await make('staffA', AccountRole.STAFF, [MEDEBACH]);
  await make('staffA2', AccountRole.STAFF, [MEDEBACH]);
  await make('staffB', AccountRole.STAFF, [AGS_B]);
  await make('staffC', AccountRole.STAFF, [KOELN]);
  await make('office', AccountRole.OFFICE, []);
  await make('admin', AccountRole.ADMIN, []);
  clients.anonymous = new Client(app.url);
  for (const key of Object.keys(users) as Array<keyof typeof users>) clients[key] = await signedIn(app.url, users[key].email);

  const ADD_CONTACT = `mutation AddContact($input: AddContactPersonInput!) { addContactPerson(input: $input) { contactPerson { id } } }`;
  for (const [role, ags, c] of [
    ['staffA', MEDEBACH, contacts.a],
    ['staffB', AGS_B, contacts.b],
  ] as const) {
    const data = await ok(role, ADD_CONTACT, {
      input: {
        municipalityAgs: ags,
        name: `Kontakt ${role} ${RUN}`,
        function: 'Leitung Standesamt',
        email: c.email,
        phone: c.phone,
        consentGivenOn: '2026-11-01',
      },
    });
    contactIds.push(data.addContactPerson.contactPerson.id);
  }
});

afterAll(async () => {
  if (app) {
    const ids = [...Object.values(users).map((u) => u.id), ...extraAccounts];
    await app.db.write(
      `MATCH (i:ProjectIdea) WHERE i.createdBy IN $ids
       OPTIONAL MATCH (x:Interest {ideaId: i.id})
       OPTIONAL MATCH (n:Notice {ideaId: i.id})
       DETACH DELETE i, x, n`,
      { ids },
    );
    await app.db.write('MATCH (n:Notice) WHERE n.accountId IN $ids DETACH DELETE n', { ids });
    await app.db.write('MATCH (p:ContactPerson) WHERE p.id IN $contactIds DETACH DELETE p', { contactIds });
    await removeSessions(app.db, ids);
  }
  await app?.close();
});

// --- interest and consent -------------------------------------------------------------------------------------

describe('interest and consent: contact details only after acceptance', () => {
  it('goes from interest to acceptance; before it no answer to either side holds the other’s contact details', async () => {
    const idea = await postIdea({ title: `Konsens ${RUN}` });
    const interestId = await expressInterest(idea.id);
    const answersB: unknown[] = [];
    const answersA: unknown[] = [];
    const asB = async (query: string, variables?: Record<string, unknown>) => {
      const r = await gql('staffB', query, variables);
      answersB.push(r);
      return r;
    };
    const asA = async (query: string, variables?: Record<string, unknown>) => {
      const r = await gql('staffA', query, variables);
      answersA.push(r);
      return r;
    };

    // The owner side hears of it in the inbox (both accounts of Medebach), unread.
    for (const role of ['staffA', 'staffA2'] as const) {
      const inbox = await ok(role, INBOX, { unreadOnly: true });
      const notice = inbox.inbox.edges.find((e: any) => e.node.interest?.id === interestId)?.node;
      expect(notice).toMatchObject({ kind: 'INTEREST_RECEIVED', read: false, idea: { id: idea.id } });
      expect(notice.textDe).toMatch(/interessiert sich für Ihr Vorhaben „Konsens/);
    }
    // The one who acted gets no notice of their own interest.
    expect((await ok('staffB', INBOX)).inbox.edges.some((e: any) => e.node.interest?.id === interestId)).toBe(false);

    const pendingB = await asB(INTERESTS, { id: idea.id });
    const pendingA = await asA(INTERESTS, { id: idea.id });
    expect((pendingB.data as any).projectIdea.interests).toEqual([expect.objectContaining({ id: interestId, status: 'PENDING', contact: null })]);
    expect((pendingA.data as any).projectIdea.interests).toEqual([expect.objectContaining({ id: interestId, status: 'PENDING', contact: null })]);
    await asB(IDEA, { id: idea.id });
    await asB(INBOX);
    await asB(MY_INTERESTS);
    await asB(FITTING);
    await asB(`query { projectIdeas(first: 100) { edges { node { id municipality { ags } interests { id contact { owner { email } } } } } } }`);
    await asA(INBOX);
    const textB = JSON.stringify(answersB);
    const textA = JSON.stringify(answersA);
    for (const secret of [contacts.a.email, contacts.a.phone, users.staffA.email, users.staffA2.email]) expect(textB).not.toContain(secret);
    for (const secret of [contacts.b.email, contacts.b.phone, users.staffB.email]) expect(textA).not.toContain(secret);

    // A third municipality sees none of it: no interests of others, no contact.
    const third = await ok('staffC', INTERESTS, { id: idea.id });
    expect(third.projectIdea.interests).toEqual([]);

    await ok('staffA', ACCEPT, { input: { interestId } });
    const afterB = (await ok('staffB', INTERESTS, { id: idea.id })).projectIdea.interests[0];
    const afterA = (await ok('staffA', INTERESTS, { id: idea.id })).projectIdea.interests[0];
    for (const seen of [afterA, afterB]) {
      expect(seen.status).toBe('ACCEPTED');
      expect(seen.contact.owner).toMatchObject({ municipality: { ags: MEDEBACH }, name: 'Test board-staffa', email: users.staffA.email });
      expect(seen.contact.owner.contactPersons).toEqual(
        expect.arrayContaining([expect.objectContaining({ email: contacts.a.email, phone: contacts.a.phone })]),
      );
      expect(seen.contact.interested).toMatchObject({ municipality: { ags: AGS_B }, email: users.staffB.email });
      expect(seen.contact.interested.contactPersons).toEqual(
        expect.arrayContaining([expect.objectContaining({ email: contacts.b.email, phone: contacts.b.phone })]),
      );
    }
    // The office brokers but is not a party to the consent: it sees the interest, its contact is null (never an
    // error, so the idea page that selects it works for the office too).
    for (const role of ['office', 'admin'] as const) {
      const office = await ok(role, INTERESTS, { id: idea.id });
      expect(office.projectIdea.interests).toEqual([expect.objectContaining({ id: interestId, status: 'ACCEPTED', contact: null })]);
      expect(JSON.stringify(office)).not.toContain(contacts.a.email);
      expect(JSON.stringify(office)).not.toContain(contacts.b.email);
    }

    // B's inbox says so; marking it read counts down.
    const inbox = await ok('staffB', INBOX, { unreadOnly: true });
    const accepted = inbox.inbox.edges.find((e: any) => e.node.interest?.id === interestId)?.node;
    expect(accepted).toMatchObject({ kind: 'INTEREST_ACCEPTED', read: false });
    expect(accepted.textDe).toMatch(/Medebach hat Ihr Interesse an „Konsens .*“ angenommen/);
    expect(accepted.textEn).toMatch(/Medebach accepted your interest in "Konsens/);
    const marked = await ok('staffB', MARK_READ, { input: { noticeIds: [accepted.id] } });
    expect(marked.markNoticesRead).toEqual({ updated: 1, unreadCount: inbox.inbox.unreadCount - 1 });
    const again = await ok('staffB', MARK_READ, { input: { noticeIds: [accepted.id] } });
    expect(again.markNoticesRead.updated).toBe(0);
    const all = await ok('staffA2', MARK_READ, { input: { all: true } });
    expect(all.markNoticesRead.unreadCount).toBe(0);
    expect((await gql('staffA', ACCEPT, { input: { interestId } })).errors![0]!.extensions!.code).toBe('CONFLICT');
  });

  it('an idea stays with its municipality when the account that posted it is disabled', async () => {
    const leaver = await createAccount(app.db, AccountRole.STAFF, AccountStatus.ACTIVE, [MEDEBACH], 'board-leaver');
    extraAccounts.push(leaver.id);
    const client = await signedIn(app.url, leaver.email);
    const posted = await client.graphql<any>(CREATE, { input: ideaInput({ title: `Verwaist ${RUN}` }) });
    const ideaId = posted.data!.createProjectIdea.idea.id as string;
    const interestId = await expressInterest(ideaId);
    await app.db.write(`MATCH (a:Account {id: $id}) SET a.status = 'DISABLED' WITH a MATCH (s:Session {accountId: a.id}) DETACH DELETE s`, { id: leaver.id });
    const notices = await app.db.read('MATCH (n:Notice {interestId: $interestId}) RETURN collect(n.accountId) AS ids', { interestId });
    expect(notices.records[0]!.get('ids')).toContain(users.staffA2.id);
    await ok('staffA2', ACCEPT, { input: { interestId } });
    const seen = (await ok('staffB', INTERESTS, { id: ideaId })).projectIdea.interests[0];
    expect(seen.contact.owner).toMatchObject({ municipality: { ags: MEDEBACH }, email: users.staffA2.email });
    expect((await ok('staffA', UPDATE, { input: { ideaId, expectedVersion: 1, partnersSought: 1 } })).updateProjectIdea.idea.version).toBe(2);
    const mine = await ok('staffA', IDEAS, { filter: { mine: true } });
    expect(mine.projectIdeas.edges.map((e: any) => e.node.id)).toContain(ideaId);
    expect((await ok('staffB', IDEAS, { filter: { mine: true } })).projectIdeas.edges.map((e: any) => e.node.id)).not.toContain(ideaId);
  });

  it('a declined interest never shows contact details', async () => {
    const idea = await postIdea({ title: `Abgelehnt ${RUN}` });
    const interestId = await expressInterest(idea.id);
    await ok('staffA', DECLINE, { input: { interestId } });
    const seen = await ok('staffB', INTERESTS, { id: idea.id });
    expect(seen.projectIdea.interests[0]).toMatchObject({ status: 'DECLINED', contact: null });
    expect(JSON.stringify(seen)).not.toContain(contacts.a.email);
  });
});

// --- the authorisation matrix ----------------------------------------------------------------------------------

type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';
interface Prepared {
  ideaId?: string;
  interestId?: string;
  noticeId?: string;
}
interface Operation {
  name: string;
  /** Made fresh for every cell by staff of A (and B), so that one cell cannot affect another. */
  prepare?: () => Promise<Prepared>;
  query: string;
  variables?: (p: Prepared, role: Role) => Record<string, unknown>;
  check?: (data: any, p: Prepared, role: Role) => Promise<void>;
  /** The audit event every successful write leaves: action and target. */
  audit?: (data: any, p: Prepared) => { action: string; targetId: string };
  expected: Record<Role, Outcome>;
}

const OWNER_OR_OFFICE: Record<Role, Outcome> = { anonymous: 'UNAUTHENTICATED', staffA: 'ok', staffB: 'FORBIDDEN', office: 'ok', admin: 'ok' };
const OWNER_ONLY: Record<Role, Outcome> = { anonymous: 'UNAUTHENTICATED', staffA: 'ok', staffB: 'FORBIDDEN', office: 'FORBIDDEN', admin: 'FORBIDDEN' };
const SIGNED_IN: Record<Role, Outcome> = { anonymous: 'UNAUTHENTICATED', staffA: 'ok', staffB: 'ok', office: 'ok', admin: 'ok' };

const withInterest = async (): Promise<Prepared> => {
  const idea = await postIdea({ title: `Matrix Interesse ${RUN}` });
  return { ideaId: idea.id, interestId: await expressInterest(idea.id) };
};

const OPERATIONS: Operation[] = [
  {
    name: 'mutation createProjectIdea (for A)',
    query: CREATE,
    variables: () => ({ input: ideaInput({ title: `Matrix neu ${RUN}` }) }),
    check: async (data) =>
      expect(data.createProjectIdea.idea).toMatchObject({ version: 1, status: 'OPEN', municipality: { ags: MEDEBACH }, viewerCanEdit: true }),
    audit: (data) => ({ action: 'IDEA_CREATED', targetId: data.createProjectIdea.idea.id }),
    expected: OWNER_OR_OFFICE,
  },
  {
    name: 'mutation updateProjectIdea (public idea of A)',
    prepare: async () => ({ ideaId: (await postIdea()).id }),
    query: UPDATE,
    variables: (p) => ({ input: { ideaId: p.ideaId, expectedVersion: 1, title: `Geändert ${RUN}`, clearTargetPopulation: true } }),
    check: async (data) => expect(data.updateProjectIdea.idea).toMatchObject({ version: 2, title: `Geändert ${RUN}`, targetPopulation: null }),
    audit: (_d, p) => ({ action: 'IDEA_UPDATED', targetId: p.ideaId! }),
    expected: OWNER_OR_OFFICE,
  },
  {
    name: 'mutation updateProjectIdea (office-only idea of A)',
    prepare: async () => ({ ideaId: (await postIdea({ visibility: 'OFFICE_ONLY' })).id }),
    query: UPDATE,
    variables: (p) => ({ input: { ideaId: p.ideaId, expectedVersion: 1, partnersSought: 3 } }),
    check: async (data) => expect(data.updateProjectIdea.idea).toMatchObject({ version: 2, partnersSought: 3 }),
    audit: (_d, p) => ({ action: 'IDEA_UPDATED', targetId: p.ideaId! }),
    expected: { ...OWNER_OR_OFFICE, staffB: 'NOT_FOUND' },
  },
  {
    name: 'mutation withdrawProjectIdea',
    prepare: async () => ({ ideaId: (await postIdea()).id }),
    query: WITHDRAW,
    variables: (p) => ({ input: { ideaId: p.ideaId, expectedVersion: 1 } }),
    check: async (data) => expect(data.withdrawProjectIdea.idea).toMatchObject({ status: 'WITHDRAWN', version: 2, withdrawnAt: expect.any(String) }),
    audit: (_d, p) => ({ action: 'IDEA_WITHDRAWN', targetId: p.ideaId! }),
    expected: OWNER_OR_OFFICE,
  },
  {
    name: 'mutation completeProjectIdea',
    prepare: async () => ({ ideaId: (await postIdea()).id }),
    query: COMPLETE,
    variables: (p) => ({ input: { ideaId: p.ideaId } }),
    check: async (data) => expect(data.completeProjectIdea.idea).toMatchObject({ status: 'PARTNERSHIP_COMPLETE', completedAt: expect.any(String) }),
    audit: (_d, p) => ({ action: 'IDEA_COMPLETED', targetId: p.ideaId! }),
    expected: OWNER_OR_OFFICE,
  },
  {
    name: 'mutation expressInterest (own municipality; the office and admins for B)',
    prepare: async () => ({ ideaId: (await postIdea()).id }),
    query: INTEREST,
    variables: (p, role) => ({
      input: { ideaId: p.ideaId, municipalityAgs: role === 'staffA' ? MEDEBACH : AGS_B, message: 'Interesse aus der Nachbarschaft.' },
    }),
    check: async (data) => expect(data.expressInterest.interest).toMatchObject({ status: 'PENDING', municipality: { ags: AGS_B } }),
    audit: (data) => ({ action: 'INTEREST_EXPRESSED', targetId: data.expressInterest.interest.id }),
    expected: { anonymous: 'UNAUTHENTICATED', staffA: 'BAD_USER_INPUT', staffB: 'ok', office: 'FORBIDDEN', admin: 'FORBIDDEN' },
  },
  {
    name: 'mutation acceptInterest',
    prepare: withInterest,
    query: ACCEPT,
    variables: (p) => ({ input: { interestId: p.interestId } }),
    check: async (data) => expect(data.acceptInterest.interest).toMatchObject({ status: 'ACCEPTED', respondedAt: expect.any(String) }),
    audit: (_d, p) => ({ action: 'INTEREST_ACCEPTED', targetId: p.interestId! }),
    expected: OWNER_ONLY,
  },
  {
    name: 'mutation declineInterest',
    prepare: withInterest,
    query: DECLINE,
    variables: (p) => ({ input: { interestId: p.interestId } }),
    check: async (data) => expect(data.declineInterest.interest.status).toBe('DECLINED'),
    audit: (_d, p) => ({ action: 'INTEREST_DECLINED', targetId: p.interestId! }),
    expected: OWNER_ONLY,
  },
  {
    name: 'mutation withdrawInterest',
    prepare: withInterest,
    query: WITHDRAW_INTEREST,
    variables: (p) => ({ input: { interestId: p.interestId } }),
    check: async (data) => expect(data.withdrawInterest.interest.status).toBe('WITHDRAWN'),
    audit: (_d, p) => ({ action: 'INTEREST_WITHDRAWN', targetId: p.interestId! }),
    expected: { anonymous: 'UNAUTHENTICATED', staffA: 'FORBIDDEN', staffB: 'ok', office: 'FORBIDDEN', admin: 'FORBIDDEN' },
  },
  {
    name: 'mutation markNoticesRead (a notice of staff A)',
    prepare: async () => {
      const p = await withInterest();
      const result = await app.db.read('MATCH (n:Notice {accountId: $id, interestId: $interestId}) RETURN n.id AS id', {
        id: users.staffA.id,
        interestId: p.interestId,
      });
      return { ...p, noticeId: result.records[0]!.get('id') as string };
    },
    query: MARK_READ,
    variables: (p) => ({ input: { noticeIds: [p.noticeId] } }),
    check: async (data) => expect(data.markNoticesRead.updated).toBe(1),
    audit: () => ({ action: 'NOTICES_READ', targetId: users.staffA.id }),
    expected: { anonymous: 'UNAUTHENTICATED', staffA: 'ok', staffB: 'NOT_FOUND', office: 'NOT_FOUND', admin: 'NOT_FOUND' },
  },
  {
    name: 'field ProjectIdea.interests',
    prepare: withInterest,
    query: INTERESTS_ONLY,
    variables: (p) => ({ id: p.ideaId }),
    check: async (data, p) => expect(data.projectIdea.interests.map((x: any) => x.id)).toEqual([p.interestId]),
    expected: SIGNED_IN,
  },
  {
    name: 'field Interest.contact (accepted)',
    prepare: async () => {
      const p = await withInterest();
      await ok('staffA', ACCEPT, { input: { interestId: p.interestId } });
      return p;
    },
    query: INTERESTS,
    variables: (p) => ({ id: p.ideaId }),
    // The two sides see both contacts; the office and administrators see the interest with contact null.
    check: async (data, _p, role) =>
      role === 'office' || role === 'admin'
        ? expect(data.projectIdea.interests[0].contact).toBeNull()
        : expect(data.projectIdea.interests[0].contact.owner.municipality.ags).toBe(MEDEBACH),
    expected: SIGNED_IN,
  },
  {
    name: 'field Interest.contact (pending)',
    prepare: withInterest,
    query: INTERESTS,
    variables: (p) => ({ id: p.ideaId }),
    // Null for everyone before acceptance — the sides and the office alike; staff of C see no interest at all.
    check: async (data) => expect(data.projectIdea.interests.map((x: any) => x.contact)).toEqual([null]),
    expected: SIGNED_IN,
  },
  {
    name: 'query fittingProjectIdeas(ags: A)',
    query: FITTING,
    variables: () => ({ ags: MEDEBACH }),
    check: async (data) => expect(data.fittingProjectIdeas.withinRank).toBe(10),
    expected: OWNER_OR_OFFICE,
  },
  { name: 'query inbox', query: INBOX, expected: SIGNED_IN },
  { name: 'query myInterests', query: MY_INTERESTS, expected: SIGNED_IN },
  {
    name: 'query projectIdea (office-only idea of A)',
    prepare: async () => ({ ideaId: (await postIdea({ visibility: 'OFFICE_ONLY' })).id }),
    query: IDEA,
    variables: (p) => ({ id: p.ideaId }),
    check: async (data) => expect(data.projectIdea.municipality.ags).toBe(MEDEBACH),
    expected: { anonymous: 'NOT_FOUND', staffA: 'ok', staffB: 'NOT_FOUND', office: 'ok', admin: 'ok' },
  },
];

const CELLS = OPERATIONS.flatMap((operation) => ROLES.map((role) => [operation.name, role, operation.expected[role], operation] as const));

describe('authorisation matrix: every board operation and non-public field × every role', () => {
  it.each(CELLS)('%s as %s → %s', async (_name, role, outcome, operation) => {
    const prepared = (await operation.prepare?.()) ?? {};
    const watched = [prepared.ideaId, prepared.interestId].filter((x): x is string => !!x);
    const before = await boardState(watched);
    const { data, errors } = await gql(role, operation.query, operation.variables?.(prepared, role));
    if (outcome === 'ok') {
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      await operation.check?.(data, prepared, role);
      const audit = operation.audit?.(data, prepared);
      if (audit) expect(await auditCount(audit.action, users[role as Exclude<Role, 'anonymous'>].id, audit.targetId)).toBe(1);
    } else {
      expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)).toBe(outcome);
      expect(errors![0]!.message).toMatch(/ \/ /); // German / English
      expect(await boardState(watched)).toEqual(before);
    }
  });
});

// --- visibility -------------------------------------------------------------------------------------------------

describe('visibility of each kind of idea, on every read path', () => {
  const cases = [
    ['PUBLIC', { anonymous: true, staffA: true, staffB: true, office: true, admin: true }],
    ['SIGNED_IN', { anonymous: false, staffA: true, staffB: true, office: true, admin: true }],
    ['OFFICE_ONLY', { anonymous: false, staffA: true, staffB: false, office: true, admin: true }],
    ['WITHDRAWN (was PUBLIC)', { anonymous: false, staffA: true, staffB: false, office: true, admin: true }],
  ] as const;
  it.each(cases)('%s', async (kind, sees) => {
    const idea = await postIdea({ visibility: kind.startsWith('WITHDRAWN') ? 'PUBLIC' : kind, title: `Sichtbarkeit ${kind} ${RUN}` });
    if (kind.startsWith('WITHDRAWN')) await ok('staffA', WITHDRAW, { input: { ideaId: idea.id } });
    const status = kind.startsWith('WITHDRAWN') ? ['WITHDRAWN'] : null;
    for (const role of ROLES) {
      const single = await gql(role, IDEA, { id: idea.id });
      if (sees[role]) expect(single.data?.projectIdea?.id, `${role} sees it`).toBe(idea.id);
      else expect(single.errors?.[0]?.extensions?.code, `${role} gets NOT_FOUND`).toBe('NOT_FOUND');
      const list = await ok(role, IDEAS, { filter: { municipalityAgs: MEDEBACH, taskAreaId: TASK, status } });
      expect(
        list.projectIdeas.edges.some((e: any) => e.node.id === idea.id),
        `${role} finds it in the list`,
      ).toBe(sees[role]);
      // Nothing about a hidden idea in any answer: not its id, not its title.
      if (!sees[role]) expect(JSON.stringify([single, list])).not.toContain(idea.title);
    }
    // The fit list of B (ranked high by this idea) shows open ideas B may see, and no others.
    const fit = await ok('staffB', FITTING);
    expect(fit.fittingProjectIdeas.edges.some((e: any) => e.node.idea.id === idea.id)).toBe(sees.staffB && !kind.startsWith('WITHDRAWN'));
  });

  it('an office-only idea shows a party its content but not who posted it, until accepted', async () => {
    const idea = await postIdea({ title: `Verengt ${RUN}` });
    const interestId = await expressInterest(idea.id);
    await ok('staffA', UPDATE, { input: { ideaId: idea.id, expectedVersion: 1, visibility: 'OFFICE_ONLY' } });
    const seen = await ok(
      'staffB',
      `query($id: ID!) { projectIdea(id: $id) { id title ownerRevealed municipality { ags } suggestions { candidates { rank } } } }`,
      { id: idea.id },
    );
    expect(seen.projectIdea).toMatchObject({ title: `Verengt ${RUN}`, ownerRevealed: false, municipality: null, suggestions: null });
    expect((await gql('staffC', IDEA, { id: idea.id })).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    await ok('staffA', DECLINE, { input: { interestId } });
    const inbox = await ok('staffB', INBOX);
    const notice = inbox.inbox.edges.find((e: any) => e.node.interest?.id === interestId);
    expect(notice.node).toMatchObject({ kind: 'INTEREST_DECLINED', read: false });
    expect(notice.node.textDe).toContain(`Verengt ${RUN}`);
    expect(JSON.stringify([seen, notice])).not.toMatch(/Medebach/);
  });
});

// --- validation and conflicts ---------------------------------------------------------------------------------

describe('bad input and stale versions change nothing', () => {
  it.each([
    ['a title that is too short', { title: 'ab' }, 'title', /3 bis 150 Zeichen/],
    ['a task area that does not exist', { taskAreaId: 'gibtsnicht' }, 'taskAreaId', /gibt es nicht/],
    ['a malformed task area', { taskAreaId: 'Standesamt!' }, 'taskAreaId', /kein gültiges Aufgabenfeld/],
    ['no partners sought', { partnersSought: 0 }, 'partnersSought', /ganze Zahl von 1 bis 30/],
    ['a radius of 0 km', { radiusKm: 0 }, 'radiusKm', /zwischen 1 und 500 km/],
    ['a description that is too short', { description: 'kurz' }, 'description', /10 bis 5\.000 Zeichen/],
    ['a malformed AGS', { municipalityAgs: '5958' }, 'municipalityAgs', /8 Ziffern/],
  ])('createProjectIdea refuses %s with BAD_USER_INPUT naming the field', async (_what, change, field, message) => {
    const before = await boardState([]);
    const { errors } = await gql('staffA', CREATE, { input: ideaInput(change) });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
    expect(errors![0]!.message).toMatch(/ \/ /);
    expect(await boardState([])).toEqual(before);
  });

  it('refuses a municipality across the Land border for the office (NRW only)', async () => {
    const crossBorder = (await app.db.read('MATCH (m:Municipality:CrossBorder) RETURN m.ags AS ags LIMIT 1')).records[0]!.get('ags') as string;
    const before = await boardState([]);
    const { errors } = await gql('office', CREATE, { input: ideaInput({ municipalityAgs: crossBorder }) });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'municipalityAgs' });
    expect(await boardState([])).toEqual(before);
  });

  it('an edit on a stale version gets CONFLICT with the current version; the idea keeps the first edit', async () => {
    const idea = await postIdea();
    await ok('staffA', UPDATE, { input: { ideaId: idea.id, expectedVersion: 1, title: `Erste Änderung ${RUN}` } });
    const before = await boardState([idea.id]);
    const { errors } = await gql('office', UPDATE, { input: { ideaId: idea.id, expectedVersion: 1, title: `Zweite Änderung ${RUN}` } });
    expect(errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', current: { id: idea.id, version: 2 } });
    expect(errors![0]!.message).toMatch(/Version 2.*version 2/);
    expect(await boardState([idea.id])).toEqual(before);
    expect((await ok('anonymous', IDEA, { id: idea.id })).projectIdea.title).toBe(`Erste Änderung ${RUN}`);
  });

  it('a withdrawn idea cannot be edited or completed; a completed one takes no interest; a second interest is a CONFLICT', async () => {
    const withdrawn = await postIdea();
    await ok('staffA', WITHDRAW, { input: { ideaId: withdrawn.id } });
    const completed = await postIdea();
    await ok('staffA', COMPLETE, { input: { ideaId: completed.id } });
    const open = await postIdea();
    await expressInterest(open.id);
    const ids = [withdrawn.id, completed.id, open.id];
    const before = await boardState(ids);
    const refusals = [
      await gql('staffA', UPDATE, { input: { ideaId: withdrawn.id, expectedVersion: 2, title: 'Noch einmal' } }),
      await gql('staffA', COMPLETE, { input: { ideaId: withdrawn.id } }),
      await gql('staffA', WITHDRAW, { input: { ideaId: withdrawn.id } }),
      await gql('staffB', INTEREST, { input: { ideaId: completed.id, municipalityAgs: AGS_B, message: 'Zu spät, aber trotzdem.' } }),
      await gql('staffB', INTEREST, { input: { ideaId: open.id, municipalityAgs: AGS_B, message: 'Noch einmal dasselbe Interesse.' } }),
    ];
    for (const { errors } of refusals) expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)).toBe('CONFLICT');
    expect(await boardState(ids)).toEqual(before);
    const tooShort = await gql('staffB', INTEREST, { input: { ideaId: open.id, municipalityAgs: AGS_B, message: 'kurz' } });
    expect(tooShort.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('two interests of the same municipality racing: one wins, the other gets CONFLICT', async () => {
    const idea = await postIdea();
    const [first, second] = await Promise.all([
      gql('staffB', INTEREST, { input: { ideaId: idea.id, municipalityAgs: AGS_B, message: 'Erstes gleichzeitiges Interesse.' } }),
      clients.staffB.graphql(INTEREST, { input: { ideaId: idea.id, municipalityAgs: AGS_B, message: 'Zweites gleichzeitiges Interesse.' } }),
    ]);
    const codes = [first, second].map((r) => r.errors?.[0]?.extensions?.code ?? 'ok').sort();
    expect(codes).toEqual(['CONFLICT', 'ok']);
    const count = await app.db.read('MATCH (x:Interest {ideaId: $id}) RETURN count(x) AS n', { id: idea.id });
    expect(count.records[0]!.get('n')).toBe(1);
  });
});

// --- fit, both ways -------------------------------------------------------------------------------------------

describe('fit both ways on the real register', () => {
  it('an idea of Medebach shows the engine’s suggestions; the neighbour’s staff see the idea in „passt zu uns“ with rank and reason', async () => {
    const idea = await postIdea({ title: `Passung ${RUN}` });
    const shown = await ok(
      'anonymous',
      `query($id: ID!) { projectIdea(id: $id) { suggestions(limit: 10) { municipality { ags } maxDistanceKm targetPopulation candidates { rank score municipality { ags } components { key points reasonDe } } } } }`,
      { id: idea.id },
    );
    const engine = await ok(
      'anonymous',
      `query { partnerSuggestions(ags: "${MEDEBACH}", taskArea: "${TASK}", options: { maxDistanceKm: ${RADIUS}, targetPopulation: 30000, limit: 10 }) { candidates { rank score municipality { ags } components { key points reasonDe } } } }`,
    );
    const suggestions = shown.projectIdea.suggestions;
    expect(suggestions).toMatchObject({ municipality: { ags: MEDEBACH }, maxDistanceKm: RADIUS, targetPopulation: 30000 });
    expect(suggestions.candidates).toEqual(engine.partnerSuggestions.candidates);
    const b = suggestions.candidates.find((c: any) => c.municipality.ags === AGS_B);
    expect(b.rank).toBeLessThanOrEqual(10);

    const fit = await ok('staffB', FITTING);
    const entry = fit.fittingProjectIdeas.edges.find((e: any) => e.node.idea.id === idea.id)?.node;
    expect(entry).toMatchObject({ rank: b.rank, municipality: { ags: AGS_B }, idea: { title: `Passung ${RUN}`, municipality: { ags: MEDEBACH } } });
    expect(entry.candidate.components.map((c: any) => c.reasonDe)).toEqual(b.components.map((c: any) => c.reasonDe));
    // Best rank first.
    const ranks = fit.fittingProjectIdeas.edges.map((e: any) => e.node.rank);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));

    // Köln is nowhere near Medebach's first ten; Medebach's own staff do not see their own idea as fitting them.
    expect((await ok('staffC', FITTING)).fittingProjectIdeas.edges.some((e: any) => e.node.idea.id === idea.id)).toBe(false);
    expect((await ok('staffA', FITTING)).fittingProjectIdeas.edges.some((e: any) => e.node.idea.id === idea.id)).toBe(false);
    // The office asks for any municipality.
    expect((await ok('office', FITTING, { ags: AGS_B })).fittingProjectIdeas.edges.some((e: any) => e.node.idea.id === idea.id)).toBe(true);
    // Without `ags` the office (whose account works for no municipality) is asked to name one: BAD_USER_INPUT on
    // `ags`, nothing else — the client passes `ags` for the office.
    for (const role of ['office', 'admin'] as const) {
      const unnamed = await gql(role, FITTING);
      expect(unnamed.errors?.[0]?.extensions, role).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ags' });
      expect(unnamed.errors![0]!.extensions!.messageDe).toMatch(/Bitte eine Kommune angeben/);
    }

    // A narrower radius ranks again: with 1 km nobody is in reach, so B drops out of „passt zu uns“.
    await ok('staffA', UPDATE, { input: { ideaId: idea.id, expectedVersion: 1, radiusKm: 1 } });
    expect((await ok('staffB', FITTING)).fittingProjectIdeas.edges.some((e: any) => e.node.idea.id === idea.id)).toBe(false);
  });

  it('times „passt zu uns“ over many ideas, cold and warm (printed, not asserted)', async () => {
    const before = (await app.db.read('MATCH (i:ProjectIdea {status: "OPEN"}) RETURN count(i) AS n')).records[0]!.get('n') as number;
    const towns = (
      await app.db.read(`MATCH (m:Municipality {stateKey: '05'}) WHERE NOT m:CrossBorder RETURN m.ags AS ags ORDER BY m.ags LIMIT 200`)
    ).records.map((r) => r.get('ags') as string);
    const tasks = ['standesamt', 'it', 'bauhof', 'vhs'];
    await app.db.write(
      `UNWIND range(0, size($towns) - 1) AS k
       CREATE (:ProjectIdea {id: randomUUID(), version: 1, municipalityAgs: $towns[k], taskAreaId: $tasks[k % size($tasks)], title: 'Last ' + k, description: 'Zeitmessung', partnersSought: 2,
         fundingPlanned: false, visibility: 'PUBLIC', status: 'OPEN', createdAt: datetime(), createdBy: $by, updatedAt: datetime()})`,
      { towns, tasks, by: users.office.id },
    );
    const time = async () => {
      const started = performance.now();
      const fit = await ok('staffB', FITTING);
      return { ms: performance.now() - started, total: fit.fittingProjectIdeas.totalCount };
    };
    const cold = await time();
    const warm = [await time(), await time(), await time()].map((t) => t.ms).sort((x, y) => x - y);
    // For comparison: the same read of every open idea through the board list, without any ranking.
    const listed = [];
    for (let k = 0; k < 3; k += 1) {
      const started = performance.now();
      await ok('staffB', `query { projectIdeas(filter: { status: [OPEN] }, first: 1) { totalCount } }`);
      listed.push(performance.now() - started);
    }
    listed.sort((x, y) => x - y);
    console.info(
      `fittingProjectIdeas over ${before + towns.length} open ideas: cold ${cold.ms.toFixed(0)} ms, warm median ${warm[1]!.toFixed(1)} ms (${cold.total} fits for ${AGS_B}); reading the same ideas for a list: median ${listed[1]!.toFixed(1)} ms`,
    );
    expect(cold.total).toBeGreaterThan(0);
  });
});
