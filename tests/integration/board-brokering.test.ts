/**
 * Brokering by the office on the Kooperationsbörse (issue 12, part 4; docs/decisions/017) against the real test Neo4j
 * with the NRW register: the stage pipeline, the office's proposals and notes, the dashboard, the board's region
 * filters, and contact persons only with consent. The database is shared with the other files (docs/decisions/004):
 * this file makes its own accounts, ideas, interests, proposals, notes, notices and contact persons and removes them
 * at the end (audit events stay).
 */
import { randomUUID } from 'node:crypto';
import { EXPORT_FORMATS } from '@ka/server/src/analytics/exports';
import { AccountRole, AccountStatus } from '@ka/server/src/modules/accounts/account.type';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createAccount, removeSessions, signedIn } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/app';

const MEDEBACH = '05958028'; // A: owner of the ideas, Hochsauerlandkreis (05958), Reg.-Bez. Arnsberg (059)
const KOELN = '05315000'; // C: unrelated
const HSK = '05958';
const ARNSBERG = '059';
const TASK = 'standesamt';
const RUN = randomUUID().slice(0, 8);
/** Digits unique to this run, so the leak scan looks for values nothing else contains. */
const DIGITS = String(Math.floor(1000 + Math.random() * 9000));

let app: TestApp;
let AGS_B: string; // the municipality the office proposes (another town of the Hochsauerlandkreis)
let AGS_D: string; // a second proposed municipality (B must not see its proposal)
let AGS_E: string; // the consent tests' partner: no accepted interest with A before them (B has some by then)

type Role = 'anonymous' | 'staffA' | 'staffB' | 'staffC' | 'office' | 'admin';
const ROLES: Role[] = ['anonymous', 'staffA', 'staffB', 'staffC', 'office', 'admin'];
type Named = Exclude<Role, 'anonymous'> | 'staffA2' | 'staffE';
const users = {} as Record<Named, { id: string; email: string }>;
const clients = {} as Record<Role | 'staffA2' | 'staffE', Client>;
const contactIds: string[] = [];
const contacts = {
  a: { email: `vermittlung-a-${RUN}@medebach.test.invalid`, phone: `+49 2982 ${DIGITS}-31` },
  b: { email: `vermittlung-b-${RUN}@nachbar.test.invalid`, phone: `+49 2981 ${DIGITS}-42` },
  e: { email: `vermittlung-e-${RUN}@nachbar.test.invalid`, phone: `+49 2983 ${DIGITS}-53` },
};

const gql = async <T = any>(role: Role | Named, query: string, variables?: Record<string, unknown>) => clients[role].graphql<T>(query, variables);
const ok = async <T = any>(role: Role | Named, query: string, variables?: Record<string, unknown>): Promise<T> => {
  const { data, errors } = await gql<T>(role, query, variables);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data!;
};
const code = (response: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

const CREATE = `mutation Create($input: CreateProjectIdeaInput!) { createProjectIdea(input: $input) { idea { id version title stage } } }`;
const WITHDRAW = `mutation Withdraw($input: ProjectIdeaStateInput!) { withdrawProjectIdea(input: $input) { idea { id status } } }`;
const INTEREST = `mutation Interest($input: ExpressInterestInput!) { expressInterest(input: $input) { interest { id status } } }`;
const ACCEPT = `mutation Accept($input: InterestDecisionInput!) { acceptInterest(input: $input) { interest { id status } } }`;
const STAGE = `mutation Stage($input: SetProjectIdeaStageInput!) { setProjectIdeaStage(input: $input) { idea { id version stage stageChangedAt nextStages } } }`;
const PROPOSE = `mutation Propose($input: ProposeMatchInput!) { proposeMatch(input: $input) { proposal { id status message createdAt municipality { ags } idea { id ownerRevealed } } } }`;
const NOTE = `mutation Note($input: AddProjectIdeaNoteInput!) { addProjectIdeaNote(input: $input) { note { id text createdAt authorName } } }`;
const IDEA = `query Idea($id: ID!) { projectIdea(id: $id) { id title description stage ownerRevealed viewerCanExpressInterest viewerCanSetStage nextStages
  municipality { ags shortName } stageHistory { stage fromStage at by note } } }`;
const PROPOSALS = `query Proposals($id: ID!) { projectIdea(id: $id) { id proposals { id status message municipality { ags } interest { id status } } } }`;
const NOTES = `query Notes($id: ID!) { projectIdea(id: $id) { id notes { id text authorName createdAt } } }`;
const IDEAS = `query Ideas($filter: ProjectIdeaFilter) { projectIdeas(filter: $filter, first: 100) { totalCount edges { node { id title ownerRevealed municipality { ags } } } } }`;
const FITTING = `query Fitting { fittingProjectIdeas(first: 100) { edges { node { idea { id title } } } } }`;
const INBOX = `query Inbox { inbox(first: 100) { edges { node { id kind stage textDe textEn idea { id title ownerRevealed municipality { ags } } proposal { id status message municipality { ags } } interest { id } } } } }`;
const MY_INTERESTS = `query MyInterests { myInterests(first: 100) { edges { node { id status idea { id title ownerRevealed municipality { ags } } } } } }`;
const MY_PROPOSALS = `query MyProposals { myProposals(first: 100) { totalCount edges { node { id status message municipality { ags } idea { id title ownerRevealed municipality { ags } } } } } }`;
const CONTACTS_OF = `query ContactsOf($ags: ID!) { municipality(ags: $ags) { ags contactPersonsHidden contactPersons { name email phone } } }`;
const INTEREST_CONTACT = `query InterestContact($id: ID!) { projectIdea(id: $id) { id interests { id status contact { owner { email contactPersons { email phone } } interested { email contactPersons { email phone } } } } } }`;
const DASHBOARD = `query Dashboard($days: Int) { officeBoardDashboard { activeIdeas byStage { stage count } byStatus { status count }
  byRegion { region { key name } count } byDistrict { district { key name } count } ageBands { fromDays toDays count } medianAgeDays
  ideasWithoutInterest(days: $days) { ageDays interestCount proposalCount idea { id title stage municipality { ags } } } } }`;

function ideaInput(overrides: Record<string, unknown> = {}) {
  return {
    municipalityAgs: MEDEBACH,
    title: `Vermittlung ${RUN}`,
    taskAreaId: TASK,
    description: 'Wir suchen Partner für ein gemeinsames Standesamt mit Trauorten in jeder Kommune.',
    partnersSought: 2,
    targetPopulation: 30000,
    radiusKm: 40,
    timeline: 'Start 2027',
    fundingPlanned: true,
    visibility: 'OFFICE_ONLY',
    ...overrides,
  };
}

async function postIdea(overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number; title: string }> {
  return (await ok('staffA', CREATE, { input: ideaInput(overrides) })).createProjectIdea.idea;
}

const PROPOSAL_MESSAGE = 'Die Geschäftsstelle sieht hier eine gute Passung.';
async function propose(ideaId: string, ags = AGS_B, role: Role = 'office'): Promise<string> {
  const data = await ok(role, PROPOSE, { input: { ideaId, municipalityAgs: ags, message: PROPOSAL_MESSAGE } });
  return data.proposeMatch.proposal.id;
}

async function expressInterest(ideaId: string, role: Named = 'staffB', ags = AGS_B): Promise<string> {
  const data = await ok(role, INTEREST, { input: { ideaId, municipalityAgs: ags, message: 'Wir hätten großes Interesse, sprechen wir?' } });
  return data.expressInterest.interest.id;
}

/** Everything a refused operation must leave as it was: counts of every board node, and the watched nodes' properties. */
async function boardState(ids: string[]): Promise<unknown> {
  const result = await app.db.read(
    `CALL { MATCH (i:ProjectIdea) RETURN count(i) AS ideas }
     CALL { MATCH (x:Interest) RETURN count(x) AS interests }
     CALL { MATCH (p:Proposal) RETURN count(p) AS proposals }
     CALL { MATCH (n:IdeaNote) RETURN count(n) AS notes }
     CALL { MATCH (c:IdeaStageChange) RETURN count(c) AS stageChanges }
     CALL { MATCH (n:Notice) RETURN count(n) AS notices, count(n.readAt) AS read }
     CALL { MATCH (e:AuditEvent) RETURN count(e) AS audit }
     CALL { UNWIND $ids AS id MATCH (i:ProjectIdea {id: id}) RETURN collect(properties(i)) AS ideaProps }
     CALL { UNWIND $ids AS id MATCH (x:Interest {id: id}) RETURN collect(properties(x)) AS interestProps }
     RETURN ideas, interests, proposals, notes, stageChanges, notices, read, audit, ideaProps, interestProps`,
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

async function noticesOf(role: Named, ideaId: string, kind: string): Promise<any[]> {
  const inbox = await ok(role, INBOX);
  return inbox.inbox.edges.map((e: any) => e.node).filter((n: any) => n.kind === kind && n.idea?.id === ideaId);
}

beforeAll(async () => {
  app = await startTestApp();
  const towns = (
    await app.db.read(
      `MATCH (m:Municipality {districtKey: $hsk}) WHERE m.stateKey = '05' AND NOT m:CrossBorder AND m.ags <> $a RETURN m.ags AS ags ORDER BY m.ags LIMIT 3`,
      { hsk: HSK, a: MEDEBACH },
    )
  ).records.map((r) => r.get('ags') as string);
  [AGS_B, AGS_D, AGS_E] = towns as [string, string, string];

  const make = async (key: Named, role: AccountRole, ags: string[]) => {
    users[key] = await createAccount(app.db, role, AccountStatus.ACTIVE, ags, `broker-${key.toLowerCase()}`);
  };
  await make('staffA', AccountRole.STAFF, [MEDEBACH]);
  await make('staffA2', AccountRole.STAFF, [MEDEBACH]);
  await make('staffB', AccountRole.STAFF, [AGS_B]);
  await make('staffC', AccountRole.STAFF, [KOELN]);
  await make('staffE', AccountRole.STAFF, [AGS_E]);
  await make('office', AccountRole.OFFICE, []);
  await make('admin', AccountRole.ADMIN, []);
  clients.anonymous = new Client(app.url);
  for (const key of Object.keys(users) as Named[]) clients[key] = await signedIn(app.url, users[key].email);

  // The contact persons are seeded through the contacts API, as the municipalities would enter them.
  const ADD_CONTACT = `mutation AddContact($input: AddContactPersonInput!) { addContactPerson(input: $input) { contactPerson { id } } }`;
  for (const [role, ags, c] of [
    ['staffA', MEDEBACH, contacts.a],
    ['staffB', AGS_B, contacts.b],
    ['staffE', AGS_E, contacts.e],
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
    const ids = Object.values(users).map((u) => u.id);
    await app.db.write(
      `MATCH (i:ProjectIdea) WHERE i.createdBy IN $ids
       OPTIONAL MATCH (x:Interest {ideaId: i.id})
       OPTIONAL MATCH (n:Notice {ideaId: i.id})
       OPTIONAL MATCH (p:Proposal {ideaId: i.id})
       OPTIONAL MATCH (o:IdeaNote {ideaId: i.id})
       OPTIONAL MATCH (c:IdeaStageChange {ideaId: i.id})
       DETACH DELETE i, x, n, p, o, c`,
      { ids },
    );
    await app.db.write('MATCH (n:Notice) WHERE n.accountId IN $ids DETACH DELETE n', { ids });
    await app.db.write('MATCH (p:ContactPerson) WHERE p.id IN $contactIds DETACH DELETE p', { contactIds });
    await removeSessions(app.db, ids);
  }
  await app?.close();
});

// --- the authorisation matrix ---------------------------------------------------------------------------------

type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
interface Prepared {
  ideaId?: string;
  interestId?: string;
}
interface Operation {
  name: string;
  prepare?: () => Promise<Prepared>;
  query: string;
  variables?: (p: Prepared, role: Role) => Record<string, unknown>;
  check?: (data: any, p: Prepared, role: Role) => Promise<void> | void;
  audit?: (data: any, p: Prepared) => { action: string; targetId: string };
  expected: Record<Role, Outcome>;
}

const OFFICE_ONLY_ROLES: Record<Role, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  staffA: 'FORBIDDEN',
  staffB: 'FORBIDDEN',
  staffC: 'FORBIDDEN',
  office: 'ok',
  admin: 'ok',
};
/** An office-only idea of A that the office proposed to B (and to D). */
const proposedIdea = async (): Promise<Prepared> => {
  const idea = await postIdea({ title: `Matrix ${RUN} ${randomUUID().slice(0, 4)}` });
  await propose(idea.id, AGS_B);
  await propose(idea.id, AGS_D);
  return { ideaId: idea.id };
};

const OPERATIONS: Operation[] = [
  {
    name: 'mutation setProjectIdeaStage (office-only idea of A, proposed to B)',
    prepare: proposedIdea,
    query: STAGE,
    variables: (p) => ({ input: { ideaId: p.ideaId, stage: 'TALKS', note: 'Erstes Gespräch am 3. Dezember' } }),
    check: (data) => expect(data.setProjectIdeaStage.idea).toMatchObject({ stage: 'TALKS', nextStages: ['LETTER_OF_INTENT', 'AGREEMENT', 'DISCONTINUED'] }),
    audit: (_data, p) => ({ action: 'IDEA_STAGE_CHANGED', targetId: p.ideaId! }),
    expected: { anonymous: 'UNAUTHENTICATED', staffA: 'ok', staffB: 'FORBIDDEN', staffC: 'NOT_FOUND', office: 'ok', admin: 'ok' },
  },
  {
    name: 'mutation setProjectIdeaStage (public idea of A)',
    prepare: async () => ({ ideaId: (await postIdea({ visibility: 'PUBLIC' })).id }),
    query: STAGE,
    variables: (p) => ({ input: { ideaId: p.ideaId, stage: 'DISCONTINUED' } }),
    check: (data) => expect(data.setProjectIdeaStage.idea).toMatchObject({ stage: 'DISCONTINUED', nextStages: [] }),
    audit: (_data, p) => ({ action: 'IDEA_STAGE_CHANGED', targetId: p.ideaId! }),
    expected: { anonymous: 'UNAUTHENTICATED', staffA: 'ok', staffB: 'FORBIDDEN', staffC: 'FORBIDDEN', office: 'ok', admin: 'ok' },
  },
  {
    name: 'mutation proposeMatch (office-only idea of A → B)',
    prepare: async () => ({ ideaId: (await postIdea()).id }),
    query: PROPOSE,
    variables: (p) => ({ input: { ideaId: p.ideaId, municipalityAgs: AGS_B, message: 'Die Geschäftsstelle sieht hier eine gute Passung.' } }),
    check: (data) => expect(data.proposeMatch.proposal).toMatchObject({ status: 'OPEN', municipality: { ags: AGS_B } }),
    audit: (data) => ({ action: 'MATCH_PROPOSED', targetId: data.proposeMatch.proposal.id }),
    expected: OFFICE_ONLY_ROLES,
  },
  {
    name: 'mutation addProjectIdeaNote',
    prepare: async () => ({ ideaId: (await postIdea()).id }),
    query: NOTE,
    variables: (p) => ({ input: { ideaId: p.ideaId, text: 'Bürgermeister angerufen, Rückruf nächste Woche.' } }),
    check: (data) => expect(data.addProjectIdeaNote.note.text).toBe('Bürgermeister angerufen, Rückruf nächste Woche.'),
    audit: (_data, p) => ({ action: 'IDEA_NOTE_ADDED', targetId: p.ideaId! }),
    expected: OFFICE_ONLY_ROLES,
  },
  {
    name: 'field ProjectIdea.notes (public idea of A with a note)',
    prepare: async () => {
      const idea = await postIdea({ visibility: 'PUBLIC' });
      await ok('office', NOTE, { input: { ideaId: idea.id, text: `Vertraulich ${RUN}` } });
      return { ideaId: idea.id };
    },
    query: NOTES,
    variables: (p) => ({ id: p.ideaId }),
    check: (data) => expect(data.projectIdea.notes.map((n: any) => n.text)).toEqual([`Vertraulich ${RUN}`]),
    expected: OFFICE_ONLY_ROLES,
  },
  {
    name: 'query officeBoardDashboard',
    query: DASHBOARD,
    check: (data) => expect(data.officeBoardDashboard.byStage).toHaveLength(7),
    expected: OFFICE_ONLY_ROLES,
  },
  {
    name: 'field ProjectIdea.proposals (office-only idea, proposed to B and D)',
    prepare: proposedIdea,
    query: PROPOSALS,
    variables: (p) => ({ id: p.ideaId }),
    check: (data, _p, role) =>
      expect(data.projectIdea.proposals.map((p: any) => p.municipality.ags).sort()).toEqual(role === 'staffB' ? [AGS_B] : [AGS_B, AGS_D].sort()),
    expected: { anonymous: 'NOT_FOUND', staffA: 'ok', staffB: 'ok', staffC: 'NOT_FOUND', office: 'ok', admin: 'ok' },
  },
  {
    name: 'field ProjectIdea.proposals (public idea, proposed to B)',
    prepare: async () => {
      const idea = await postIdea({ visibility: 'PUBLIC' });
      await propose(idea.id, AGS_B);
      return { ideaId: idea.id };
    },
    query: PROPOSALS,
    variables: (p) => ({ id: p.ideaId }),
    check: (data, _p, role) => expect(data.projectIdea.proposals).toHaveLength(role === 'staffC' ? 0 : 1),
    expected: { anonymous: 'UNAUTHENTICATED', staffA: 'ok', staffB: 'ok', staffC: 'ok', office: 'ok', admin: 'ok' },
  },
  {
    name: 'query myProposals',
    prepare: proposedIdea,
    query: MY_PROPOSALS,
    check: (data, p, role) => expect(data.myProposals.edges.some((e: any) => e.node.idea?.id === p.ideaId)).toBe(role === 'staffB'),
    expected: { anonymous: 'UNAUTHENTICATED', staffA: 'ok', staffB: 'ok', staffC: 'ok', office: 'ok', admin: 'ok' },
  },
  {
    name: 'mutation expressInterest of B in an office-only idea it was proposed',
    prepare: proposedIdea,
    query: INTEREST,
    variables: (p) => ({ input: { ideaId: p.ideaId, municipalityAgs: AGS_B, message: 'Wir hätten großes Interesse, sprechen wir?' } }),
    check: (data) => expect(data.expressInterest.interest.status).toBe('PENDING'),
    audit: (data) => ({ action: 'INTEREST_EXPRESSED', targetId: data.expressInterest.interest.id }),
    expected: { anonymous: 'UNAUTHENTICATED', staffA: 'FORBIDDEN', staffB: 'ok', staffC: 'NOT_FOUND', office: 'FORBIDDEN', admin: 'FORBIDDEN' },
  },
  {
    name: 'field Municipality.contactPersons of A (no accepted interest)',
    query: CONTACTS_OF,
    variables: () => ({ ags: MEDEBACH }),
    check: (data, _p, role) => {
      const own = ['staffA', 'office', 'admin'].includes(role);
      expect(data.municipality.contactPersonsHidden).toBe(!own);
      expect(data.municipality.contactPersons.some((c: any) => c.email === contacts.a.email)).toBe(own);
    },
    expected: { anonymous: 'UNAUTHENTICATED', staffA: 'ok', staffB: 'ok', staffC: 'ok', office: 'ok', admin: 'ok' },
  },
];

const CELLS = OPERATIONS.flatMap((operation) => ROLES.map((role) => [operation.name, role, operation.expected[role], operation] as const));

describe('authorisation matrix: every brokering operation × every role', () => {
  it.each(CELLS)('%s as %s → %s', async (_name, role, outcome, operation) => {
    const prepared = (await operation.prepare?.()) ?? {};
    const watched = [prepared.ideaId, prepared.interestId].filter((x): x is string => !!x);
    const before = await boardState(watched);
    const { data, errors } = await gql(role, operation.query, operation.variables?.(prepared, role));
    if (outcome === 'ok') {
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      await operation.check?.(data, prepared, role);
      const audit = operation.audit?.(data, prepared);
      if (audit) expect(await auditCount(audit.action, users[role as Named].id, audit.targetId)).toBe(1);
    } else {
      expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)).toBe(outcome);
      expect(errors![0]!.message).toMatch(/ \/ /); // German / English
      expect(await boardState(watched)).toEqual(before);
    }
  });
});

// --- the pipeline -----------------------------------------------------------------------------------------------

describe('the stage pipeline', () => {
  it('moves forward one or more steps, never back; IMPLEMENTED / FUNDED only from AGREEMENT; nothing after a final stage', async () => {
    const idea = await postIdea({ visibility: 'PUBLIC', title: `Pipeline ${RUN}` });
    const interestId = await expressInterest(idea.id);
    await ok('staffA', ACCEPT, { input: { interestId } });
    const move = (stage: string, role: Role = 'office', extra: Record<string, unknown> = {}) =>
      gql(role, STAGE, { input: { ideaId: idea.id, stage, ...extra } });
    const refused = async (stage: string, expected: string, message: RegExp) => {
      const before = await boardState([idea.id]);
      const response = await move(stage);
      expect(code(response), JSON.stringify(response.errors)).toBe(expected);
      expect(response.errors![0]!.extensions!.messageDe).toMatch(message);
      expect(await boardState([idea.id])).toEqual(before);
      return response;
    };

    expect((await ok('office', IDEA, { id: idea.id })).projectIdea).toMatchObject({
      stage: 'IDEA',
      nextStages: ['TALKS', 'LETTER_OF_INTENT', 'AGREEMENT', 'DISCONTINUED'],
    });
    await refused('IDEA', 'BAD_USER_INPUT', /erste Phase/);
    await refused('IMPLEMENTED', 'CONFLICT', /erst auf die Vereinbarung/);
    // Two steps at once.
    const loi = await move('LETTER_OF_INTENT', 'staffA', { note: 'Absichtserklärung unterzeichnet am 1. Dezember' });
    expect(loi.errors).toBeUndefined();
    expect(loi.data!.setProjectIdeaStage.idea).toMatchObject({ stage: 'LETTER_OF_INTENT', nextStages: ['AGREEMENT', 'DISCONTINUED'] });
    const back = await refused('TALKS', 'CONFLICT', /nur vorwärts.*„Absichtserklärung“.*„Gespräche“/);
    expect(back.errors![0]!.extensions!.current).toMatchObject({ id: idea.id, stage: 'LETTER_OF_INTENT' });
    await refused('LETTER_OF_INTENT', 'CONFLICT', /bereits in der Phase/);
    await refused('FUNDED', 'CONFLICT', /erst auf die Vereinbarung/);
    // A stale expectedVersion is a CONFLICT with the current version.
    const current = (await ok('office', `query($id: ID!) { projectIdea(id: $id) { version } }`, { id: idea.id })).projectIdea.version;
    const stale = await move('AGREEMENT', 'office', { expectedVersion: current - 1 });
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.extensions!.current).toMatchObject({ version: current });
    expect((await move('AGREEMENT', 'office', { expectedVersion: current })).errors).toBeUndefined();
    expect((await move('FUNDED')).errors).toBeUndefined();
    await refused('DISCONTINUED', 'CONFLICT', /bereits „gefördert“/);
    await refused('IMPLEMENTED', 'CONFLICT', /bereits „gefördert“/);

    // The history: the posting and every step, with who and the note for the parties, only the stages for others.
    const history = (await ok('staffB', IDEA, { id: idea.id })).projectIdea.stageHistory;
    expect(history.map((h: any) => [h.fromStage, h.stage])).toEqual([
      [null, 'IDEA'],
      ['IDEA', 'LETTER_OF_INTENT'],
      ['LETTER_OF_INTENT', 'AGREEMENT'],
      ['AGREEMENT', 'FUNDED'],
    ]);
    expect(history[1]).toMatchObject({ by: 'Test broker-staffa', note: 'Absichtserklärung unterzeichnet am 1. Dezember' });
    expect(history[0].by).toBe('Test broker-staffa');
    const outsider = (await ok('staffC', IDEA, { id: idea.id })).projectIdea.stageHistory;
    expect(outsider.map((h: any) => h.stage)).toEqual(['IDEA', 'LETTER_OF_INTENT', 'AGREEMENT', 'FUNDED']);
    expect(outsider.every((h: any) => h.by === null && h.note === null)).toBe(true);
    const anonymous = (await ok('anonymous', IDEA, { id: idea.id })).projectIdea;
    expect(anonymous).toMatchObject({ stage: 'FUNDED', viewerCanSetStage: false, nextStages: [] });

    // STAGE_CHANGED: to the owner's other staff and the accepted partner; not to the one who acted, not to C.
    expect((await noticesOf('staffA2', idea.id, 'STAGE_CHANGED')).map((n) => n.stage)).toEqual(['FUNDED', 'AGREEMENT', 'LETTER_OF_INTENT']);
    const atB = await noticesOf('staffB', idea.id, 'STAGE_CHANGED');
    expect(atB).toHaveLength(3);
    expect(atB.find((n) => n.stage === 'LETTER_OF_INTENT').textDe).toBe(`Das Vorhaben „Pipeline ${RUN}“ ist jetzt in der Phase „Absichtserklärung“.`);
    expect((await noticesOf('staffA', idea.id, 'STAGE_CHANGED')).map((n) => n.stage)).toEqual(['FUNDED', 'AGREEMENT']); // not its own move
    expect(await noticesOf('staffC', idea.id, 'STAGE_CHANGED')).toEqual([]);
    expect(await auditCount('IDEA_STAGE_CHANGED', users.office.id, idea.id)).toBe(2);
  });

  it('eingestellt from any stage before the last; a withdrawn idea moves no more', async () => {
    const early = await postIdea({ title: `Eingestellt ${RUN}` });
    expect((await ok('staffA', STAGE, { input: { ideaId: early.id, stage: 'DISCONTINUED' } })).setProjectIdeaStage.idea.stage).toBe('DISCONTINUED');
    const withdrawn = await postIdea();
    await ok('staffA', WITHDRAW, { input: { ideaId: withdrawn.id } });
    const before = await boardState([withdrawn.id]);
    const response = await gql('office', STAGE, { input: { ideaId: withdrawn.id, stage: 'TALKS' } });
    expect(code(response)).toBe('CONFLICT');
    expect(response.errors![0]!.extensions!.messageDe).toMatch(/zurückgezogen/);
    expect(await boardState([withdrawn.id])).toEqual(before);
    const tooLong = await gql('office', STAGE, { input: { ideaId: early.id, stage: 'TALKS', note: 'x'.repeat(1001) } });
    expect(tooLong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
  });

  it('two moves racing from the same stage: one wins, the other gets CONFLICT and writes nothing', async () => {
    const idea = await postIdea();
    const results = await Promise.all([
      gql('office', STAGE, { input: { ideaId: idea.id, stage: 'TALKS' } }),
      gql('staffA', STAGE, { input: { ideaId: idea.id, stage: 'TALKS' } }),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => code(r) === 'CONFLICT')).toHaveLength(1);
    const changes = await app.db.read('MATCH (c:IdeaStageChange {ideaId: $id}) RETURN count(c) AS n', { id: idea.id });
    expect(changes.records[0]!.get('n')).toBe(1);
  });
});

// --- proposals -----------------------------------------------------------------------------------------------

describe('proposals by the office', () => {
  it('tells both sides, refuses the owner, a non-NRW municipality, a closed idea and a second proposal, and changes nothing then', async () => {
    const idea = await postIdea({ title: `Vorschlag ${RUN}` });
    const proposalId = await propose(idea.id);
    for (const role of ['staffA', 'staffA2'] as const) {
      const [notice] = await noticesOf(role, idea.id, 'MATCH_PROPOSED');
      expect(notice.proposal).toMatchObject({ id: proposalId, status: 'OPEN', message: PROPOSAL_MESSAGE, municipality: { ags: AGS_B } });
      expect(notice.textDe).toMatch(
        new RegExp(
          `^Die Geschäftsstelle schlägt .+ als Partner für Ihr Vorhaben „Vorschlag ${RUN}“ vor\\. Nachricht der Geschäftsstelle: „${PROPOSAL_MESSAGE}“$`,
        ),
      );
      expect(notice.textEn).toMatch(
        /^The office proposes .+ as a partner for your idea ".+"\. Message from the office: "Die Geschäftsstelle sieht hier eine gute Passung\."$/,
      );
    }
    const [atB] = await noticesOf('staffB', idea.id, 'MATCH_PROPOSED');
    // The office's message as written, also to the proposed side of an office-only idea (the owner stays hidden).
    expect(atB.textDe).toBe(`Die Geschäftsstelle schlägt Ihnen das Vorhaben „Vorschlag ${RUN}“ vor. Nachricht der Geschäftsstelle: „${PROPOSAL_MESSAGE}“`);
    expect(atB.textEn).toBe(`The office proposes the idea "Vorschlag ${RUN}" to you. Message from the office: "${PROPOSAL_MESSAGE}"`);
    expect(atB.proposal).toMatchObject({ id: proposalId, status: 'OPEN', message: PROPOSAL_MESSAGE, municipality: { ags: AGS_B } });
    expect(atB.idea).toMatchObject({ ownerRevealed: false, municipality: null });
    expect(JSON.stringify(atB)).not.toMatch(/Medebach|05958028/);
    expect(await noticesOf('staffC', idea.id, 'MATCH_PROPOSED')).toEqual([]);
    expect(await noticesOf('office', idea.id, 'MATCH_PROPOSED')).toEqual([]);

    const refusals: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ['the owner itself', { municipalityAgs: MEDEBACH }, 'BAD_USER_INPUT', /selbst eingestellt/],
      ['a municipality across the Land border', { municipalityAgs: '06635001' }, 'BAD_USER_INPUT', /Keine Kommune in NRW/],
      ['a malformed AGS', { municipalityAgs: '5958' }, 'BAD_USER_INPUT', /8 Ziffern/],
      ['a message that is too short', { municipalityAgs: AGS_D, message: 'kurz' }, 'BAD_USER_INPUT', /10 bis 2\.000 Zeichen/],
      ['the same municipality again', { municipalityAgs: AGS_B }, 'CONFLICT', /bereits vorgeschlagen/],
      ['an idea that does not exist', { ideaId: randomUUID(), municipalityAgs: AGS_D }, 'NOT_FOUND', /./],
    ];
    for (const [what, input, expected, message] of refusals) {
      const before = await boardState([idea.id]);
      const response = await gql('office', PROPOSE, {
        input: { ideaId: idea.id, message: 'Die Geschäftsstelle sieht hier eine gute Passung.', ...input },
      });
      expect(code(response), what).toBe(expected);
      expect(response.errors![0]!.extensions!.messageDe, what).toMatch(message);
      expect(await boardState([idea.id]), what).toEqual(before);
    }
    // A municipality that already expressed interest, and a completed idea.
    const open = await postIdea({ visibility: 'PUBLIC' });
    await expressInterest(open.id);
    expect(
      (await gql('office', PROPOSE, { input: { ideaId: open.id, municipalityAgs: AGS_B, message: 'Die Geschäftsstelle sieht hier eine gute Passung.' } }))
        .errors![0]!.extensions!.messageDe,
    ).toMatch(/bereits Interesse/);
    await ok('staffA', `mutation($input: ProjectIdeaStateInput!) { completeProjectIdea(input: $input) { idea { id } } }`, { input: { ideaId: open.id } });
    const closed = await gql('office', PROPOSE, {
      input: { ideaId: open.id, municipalityAgs: AGS_D, message: 'Die Geschäftsstelle sieht hier eine gute Passung.' },
    });
    expect(code(closed)).toBe('CONFLICT');
    expect(closed.errors![0]!.extensions!.messageDe).toMatch(/Partnerschaft vollständig/);
  });

  it('two proposals of the same municipality racing: one wins, the other gets CONFLICT', async () => {
    const idea = await postIdea();
    const input = { ideaId: idea.id, municipalityAgs: AGS_B, message: 'Die Geschäftsstelle sieht hier eine gute Passung.' };
    const results = await Promise.all([gql('office', PROPOSE, { input }), gql('admin', PROPOSE, { input })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => code(r) === 'CONFLICT')).toHaveLength(1);
    const count = await app.db.read('MATCH (p:Proposal {ideaId: $id}) RETURN count(p) AS n', { id: idea.id });
    expect(count.records[0]!.get('n')).toBe(1);
  });

  it('follows the proposed municipality’s interest: INTEREST_EXPRESSED, then ACCEPTED', async () => {
    const idea = await postIdea();
    const proposalId = await propose(idea.id);
    const before = (await ok('staffB', IDEA, { id: idea.id })).projectIdea;
    expect(before).toMatchObject({ ownerRevealed: false, municipality: null, viewerCanExpressInterest: true, viewerCanSetStage: false });
    const interestId = await expressInterest(idea.id);
    const statusOf = async (role: Named) => (await ok(role, PROPOSALS, { id: idea.id })).projectIdea.proposals.find((p: any) => p.id === proposalId);
    expect(await statusOf('office')).toMatchObject({ status: 'INTEREST_EXPRESSED', interest: { id: interestId, status: 'PENDING' } });
    await ok('staffA', ACCEPT, { input: { interestId } });
    expect(await statusOf('staffB')).toMatchObject({ status: 'ACCEPTED' });
    expect((await ok('staffB', MY_PROPOSALS)).myProposals.edges.find((e: any) => e.node.id === proposalId).node).toMatchObject({
      status: 'ACCEPTED',
      idea: { ownerRevealed: true, municipality: { ags: MEDEBACH } },
    });
  });
});

// --- notes -------------------------------------------------------------------------------------------------------

describe('office notes', () => {
  it('are append-only, in order, for the office and administrators only — never in any answer to staff', async () => {
    const idea = await postIdea({ visibility: 'PUBLIC' });
    const texts = [`Erste Notiz ${RUN}`, `Zweite Notiz ${RUN}`];
    for (const t of texts) await ok('office', NOTE, { input: { ideaId: idea.id, text: t } });
    expect((await ok('admin', NOTES, { id: idea.id })).projectIdea.notes.map((n: any) => [n.text, n.authorName])).toEqual(
      texts.map((t) => [t, 'Test broker-office']),
    );
    for (const role of ['staffA', 'staffB', 'staffC'] as const) {
      const response = await gql(role, NOTES, { id: idea.id });
      expect(code(response)).toBe('FORBIDDEN');
      expect(JSON.stringify(response)).not.toContain('Notiz');
      // Nor through any other path that shows the idea.
      const other = [await gql(role, IDEA, { id: idea.id }), await gql(role, IDEAS, {}), await gql(role, INBOX)];
      expect(JSON.stringify(other)).not.toContain('Notiz');
    }
    const empty = await gql('office', NOTE, { input: { ideaId: idea.id, text: '   ' } });
    expect(empty.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    // The field by its name, the numbers as in the other messages.
    expect(empty.errors![0]!.extensions!.messageDe).toBe('Die Notiz muss 1 bis 5.000 Zeichen lang sein.');
    expect(empty.errors![0]!.extensions!.messageEn).toBe('The note must be 1 to 5000 characters long.');
    // Append-only: the schema has no operation that changes or removes a note.
    const mutations = await app.graphql<any>(`{ __schema { mutationType { fields { name } } } }`);
    expect(mutations.data!.__schema.mutationType.fields.map((f: any) => f.name).filter((n: string) => /note/i.test(n))).toEqual(['addProjectIdeaNote']);
  });
});

// --- what an office-only idea shows to whom -----------------------------------------------------------------------

describe('an office-only idea on every read path', () => {
  it(
    'never appears to C; to B only after the proposal, anonymised, and not findable by the owner’s region; in full after acceptance',
    { timeout: 180_000 },
    async () => {
      const idea = await postIdea({ title: `Verdeckt ${RUN}` });
      // The title (unique to this idea) is the needle: a NOT_FOUND answer echoes the id the caller asked for, nothing more.
      const needles = [idea.title];
      const exportsOf = async (client: Client) => {
        const bodies: string[] = [];
        for (const file of Object.keys(EXPORT_FORMATS)) {
          const response = await fetch(`${app.url}/api/export/${file}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
          bodies.push(await response.text());
        }
        return bodies.join('\n');
      };
      const everyPath = async (role: Role) => [
        await gql(role, IDEA, { id: idea.id }),
        await gql(role, IDEAS, {}),
        await gql(role, IDEAS, { filter: { municipalityAgs: MEDEBACH } }),
        await gql(role, IDEAS, { filter: { districtKey: HSK } }),
        await gql(role, IDEAS, { filter: { regionKey: ARNSBERG } }),
        await gql(role, IDEAS, { filter: { stage: ['IDEA'], taskAreaId: TASK } }),
        await gql(role, FITTING),
        await gql(role, INBOX),
        await gql(role, MY_INTERESTS),
        await gql(role, MY_PROPOSALS),
      ];
      const seenBy = (answers: unknown[]) => needles.some((n) => JSON.stringify(answers).includes(n));

      // Before any proposal: neither B nor C find it anywhere (exports included).
      for (const role of ['staffB', 'staffC'] as const) {
        const answers = await everyPath(role);
        expect(code(answers[0]!), role).toBe('NOT_FOUND');
        expect(
          answers.filter((a) => seenBy([a])).map((a) => JSON.stringify(a).slice(0, 300)),
          role,
        ).toEqual([]);
        expect((await exportsOf(clients[role])).includes(idea.title), `${role}: exports`).toBe(false);
      }
      await propose(idea.id);
      const atC = await everyPath('staffC');
      expect(code(atC[0]!)).toBe('NOT_FOUND');
      expect(seenBy(atC)).toBe(false);
      expect((await exportsOf(clients.staffC)).includes(idea.title)).toBe(false);

      // B sees it now, anonymised: in the single view, the plain list, the stage filter, its inbox and its proposals …
      const [single, plain, byAgs, byDistrict, byRegion, byStage, fit, inbox, , proposals] = await everyPath('staffB');
      expect(single!.data!.projectIdea).toMatchObject({ id: idea.id, title: idea.title, ownerRevealed: false, municipality: null });
      const has = (r: any) => r.data.projectIdeas.edges.some((e: any) => e.node.id === idea.id);
      expect(has(plain)).toBe(true);
      expect(has(byStage)).toBe(true);
      expect(JSON.stringify(inbox)).toContain(idea.title);
      expect(JSON.stringify(proposals)).toContain(idea.title);
      // … but not by who posted it (its AGS, Kreis, Regierungsbezirk), not in the fit list (only ideas seen in full).
      expect(has(byAgs)).toBe(false);
      expect(has(byDistrict)).toBe(false);
      expect(has(byRegion)).toBe(false);
      expect(JSON.stringify(fit)).not.toContain(idea.title);
      // What B receives about this idea (the lists also hold other ideas of Medebach that B may see in full).
      const aboutIt = [
        single,
        ...[plain, byStage].map((r: any) => r.data.projectIdeas.edges.filter((e: any) => e.node.id === idea.id)),
        (inbox as any).data.inbox.edges.filter((e: any) => e.node.idea?.id === idea.id),
        (proposals as any).data.myProposals.edges.filter((e: any) => e.node.idea?.id === idea.id),
      ];
      expect(aboutIt.flat()).toHaveLength(5);
      expect(JSON.stringify(aboutIt)).not.toMatch(/Medebach|05958028/);

      // After B's interest is accepted, B sees it in full, also by region.
      const interestId = await expressInterest(idea.id);
      await ok('staffA', ACCEPT, { input: { interestId } });
      const after = await everyPath('staffB');
      expect(after[0]!.data!.projectIdea).toMatchObject({ ownerRevealed: true, municipality: { ags: MEDEBACH } });
      for (const k of [2, 3, 4]) expect(has(after[k])).toBe(true);
      expect(seenBy(await everyPath('staffC'))).toBe(false);
    },
  );

  it('a public idea is found by the owner’s Kreis and Regierungsbezirk; malformed keys are refused', async () => {
    const idea = await postIdea({ visibility: 'PUBLIC', title: `Region ${RUN}` });
    const has = async (filter: Record<string, unknown>) =>
      (await ok('anonymous', IDEAS, { filter })).projectIdeas.edges.some((e: any) => e.node.id === idea.id);
    expect(await has({ districtKey: HSK })).toBe(true);
    expect(await has({ regionKey: ARNSBERG })).toBe(true);
    expect(await has({ districtKey: HSK, regionKey: ARNSBERG, stage: ['IDEA'] })).toBe(true);
    expect(await has({ districtKey: '05315' })).toBe(false);
    expect(await has({ regionKey: '053' })).toBe(false);
    expect(await has({ stage: ['TALKS'] })).toBe(false);
    expect((await gql('anonymous', IDEAS, { filter: { districtKey: 'HSK' } })).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'districtKey',
    });
    expect((await gql('anonymous', IDEAS, { filter: { regionKey: '5' } })).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'regionKey',
    });
  });
});

// --- contact persons only with consent ---------------------------------------------------------------------------

describe('contact persons only with consent', () => {
  it('no answer B (here E, a town without any consent yet) receives before acceptance holds A’s contact e-mail or phone (nor A of B’s); after acceptance both do', async () => {
    const idea = await postIdea({ title: `Kontakte ${RUN}` });
    const answersB: unknown[] = [];
    const answersA: unknown[] = [];
    const asB = async (query: string, variables?: Record<string, unknown>) => {
      const r = await gql('staffE', query, variables);
      answersB.push(r);
      return r;
    };
    const asA = async (query: string, variables?: Record<string, unknown>) => {
      const r = await gql('staffA', query, variables);
      answersA.push(r);
      return r;
    };
    const everything = async () => {
      for (const ask of [asB, asA]) {
        await ask(IDEA, { id: idea.id });
        await ask(PROPOSALS, { id: idea.id });
        await ask(INTEREST_CONTACT, { id: idea.id });
        await ask(INBOX);
        await ask(MY_INTERESTS);
        await ask(MY_PROPOSALS);
        await ask(IDEAS, {});
        await ask(CONTACTS_OF, { ags: MEDEBACH });
        await ask(CONTACTS_OF, { ags: AGS_E });
      }
    };
    const leaks = (answers: unknown[], c: { email: string; phone: string }) => {
      const text = JSON.stringify(answers);
      return [c.email, c.phone].filter((value) => text.includes(value));
    };

    await everything();
    await propose(idea.id, AGS_E);
    await everything();
    const interestId = await expressInterest(idea.id, 'staffE', AGS_E);
    await everything();
    expect((await asB(CONTACTS_OF, { ags: MEDEBACH })).data!.municipality).toMatchObject({ contactPersonsHidden: true, contactPersons: [] });
    expect(leaks(answersB, contacts.a)).toEqual([]);
    expect(leaks(answersA, contacts.e)).toEqual([]);
    // C never, before or after.
    expect(leaks([await gql('staffC', CONTACTS_OF, { ags: MEDEBACH }), await gql('staffC', CONTACTS_OF, { ags: AGS_E })], contacts.a)).toEqual([]);

    await ok('staffA', ACCEPT, { input: { interestId } });
    const afterB: unknown[] = [];
    const afterA: unknown[] = [];
    afterB.push(await gql('staffE', CONTACTS_OF, { ags: MEDEBACH }), await gql('staffE', INTEREST_CONTACT, { id: idea.id }));
    afterA.push(await gql('staffA', CONTACTS_OF, { ags: AGS_E }), await gql('staffA', INTEREST_CONTACT, { id: idea.id }));
    // The scan can fail: the same values are found once consent is given.
    expect(leaks(afterB, contacts.a).sort()).toEqual([contacts.a.email, contacts.a.phone].sort());
    expect(leaks(afterA, contacts.e).sort()).toEqual([contacts.e.email, contacts.e.phone].sort());
    expect((afterB[0] as any).data.municipality.contactPersonsHidden).toBe(false);
    // C still sees neither.
    const c = [await gql('staffC', CONTACTS_OF, { ags: MEDEBACH }), await gql('staffC', CONTACTS_OF, { ags: AGS_E })];
    expect(leaks(c, contacts.a)).toEqual([]);
    expect(leaks(c, contacts.e)).toEqual([]);
    expect((c[0] as any).data.municipality.contactPersonsHidden).toBe(true);

    // Withdrawing the accepted interest takes the consent back.
    await ok('staffE', `mutation($input: InterestDecisionInput!) { withdrawInterest(input: $input) { interest { id } } }`, { input: { interestId } });
    expect((await ok('staffE', CONTACTS_OF, { ags: MEDEBACH })).municipality).toMatchObject({ contactPersonsHidden: true, contactPersons: [] });
  });

  it('reads the consent in one batched lookup, not one per municipality', async () => {
    const page = (first: number) =>
      gql(
        'staffE',
        `query { municipalities(first: ${first}, filter: { districtKey: "${HSK}" }) { edges { node { ags contactPersonsHidden contactPersons { email } } } } }`,
      );
    const [small, large] = [await page(2), await page(12)];
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    const nodes = large.data!.municipalities.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(5);
    // B's own municipality shows its contact persons; every other one is hidden (no accepted interest now).
    for (const node of nodes) expect(node.contactPersonsHidden, node.ags).toBe(node.ags !== AGS_E);
    expect(nodes.find((n: any) => n.ags === AGS_E)?.contactPersons.map((c: any) => c.email) ?? [contacts.e.email]).toContain(contacts.e.email);
    // The page, one lookup of accepted interests for all of them, and the contact persons of the one shown: bounded,
    // whatever the page size (a lookup per municipality would be 12 more).
    expect(large.extensions!.queryCount).toBeLessThanOrEqual(3);
    expect(large.extensions!.queryCount! - small.extensions!.queryCount!).toBeLessThanOrEqual(1);
  });
});

// --- the dashboard -------------------------------------------------------------------------------------------------

describe('the office dashboard', () => {
  it('counts by stage, status, Regierungsbezirk, Kreis and age, and lists open ideas without interest after N days', async () => {
    const base = (await ok('office', DASHBOARD, {})).officeBoardDashboard;
    const old = await postIdea({ title: `Alt ohne Interesse ${RUN}` });
    const oldWithInterest = await postIdea({ visibility: 'PUBLIC', title: `Alt mit Interesse ${RUN}` });
    await expressInterest(oldWithInterest.id);
    const fresh = await postIdea({ title: `Neu ${RUN}` });
    await ok('office', STAGE, { input: { ideaId: fresh.id, stage: 'TALKS' } });
    const gone = await postIdea({ title: `Zurückgezogen ${RUN}` });
    await ok('staffA', WITHDRAW, { input: { ideaId: gone.id } });
    // Posted 40 days ago (the test sets the date; nothing in the API can).
    await app.db.write(`MATCH (i:ProjectIdea) WHERE i.id IN $ids SET i.createdAt = datetime() - duration({days: 40})`, { ids: [old.id, oldWithInterest.id] });

    const dash = (await ok('office', DASHBOARD, {})).officeBoardDashboard;
    const countOf = (list: any[], pick: (x: any) => boolean) => list.find(pick)?.count ?? 0;
    expect(dash.activeIdeas - base.activeIdeas).toBe(3);
    expect(countOf(dash.byStage, (x) => x.stage === 'IDEA') - countOf(base.byStage, (x) => x.stage === 'IDEA')).toBe(2);
    expect(countOf(dash.byStage, (x) => x.stage === 'TALKS') - countOf(base.byStage, (x) => x.stage === 'TALKS')).toBe(1);
    expect(dash.byStatus.map((x: any) => x.status)).toEqual(['OPEN', 'PARTNERSHIP_COMPLETE', 'WITHDRAWN']);
    expect(countOf(dash.byStatus, (x) => x.status === 'WITHDRAWN') - countOf(base.byStatus, (x) => x.status === 'WITHDRAWN')).toBe(1);
    expect(countOf(dash.byDistrict, (x) => x.district.key === HSK) - countOf(base.byDistrict, (x) => x.district.key === HSK)).toBe(3);
    const region = dash.byRegion.find((x: any) => x.region.key === ARNSBERG);
    expect(region.region.name).toMatch(/Arnsberg/);
    expect(region.count - countOf(base.byRegion, (x) => x.region.key === ARNSBERG)).toBe(3);
    expect(dash.ageBands.map((b: any) => [b.fromDays, b.toDays])).toEqual([
      [0, 7],
      [7, 30],
      [30, 90],
      [90, 180],
      [180, null],
    ]);
    const band = (d: any, from: number) => d.ageBands.find((b: any) => b.fromDays === from).count;
    expect(band(dash, 30) - band(base, 30)).toBe(2);

    const rows = dash.ideasWithoutInterest;
    const row = rows.find((r: any) => r.idea.id === old.id);
    expect(row).toMatchObject({ interestCount: 0, idea: { title: old.title, stage: 'IDEA', municipality: { ags: MEDEBACH } } });
    expect(row.ageDays).toBeGreaterThanOrEqual(39);
    expect(rows.some((r: any) => r.idea.id === oldWithInterest.id)).toBe(false);
    expect(rows.some((r: any) => r.idea.id === fresh.id)).toBe(false);
    expect(rows.every((r: any) => r.ageDays >= 30 && r.interestCount === 0)).toBe(true);
    // days: 0 includes the fresh one; a withdrawn idea never.
    const all = (await ok('office', DASHBOARD, { days: 0 })).officeBoardDashboard.ideasWithoutInterest;
    expect(all.some((r: any) => r.idea.id === fresh.id)).toBe(true);
    expect(all.some((r: any) => r.idea.id === gone.id)).toBe(false);
    expect(code(await gql('office', DASHBOARD, { days: -1 }))).toBe('BAD_USER_INPUT');

    // Timing over HTTP (printed, not asserted: the machine is shared).
    const times: number[] = [];
    for (let k = 0; k < 3; k += 1) {
      const started = performance.now();
      await ok('office', DASHBOARD, {});
      times.push(performance.now() - started);
    }
    const total = (await app.db.read('MATCH (i:ProjectIdea) RETURN count(i) AS n')).records[0]!.get('n') as number;
    console.info(`officeBoardDashboard over ${total} ideas: median ${times.sort((a, b) => a - b)[1]!.toFixed(1)} ms`);
  });
});

// --- consent both ways (issue 12 review, point 4) ------------------------------------------------------------------

describe('consent both ways', () => {
  const DECLINE = `mutation Decline($input: InterestDecisionInput!) { declineInterest(input: $input) { interest { id status } } }`;
  const WITHDRAW_INTEREST = `mutation W($input: InterestDecisionInput!) { withdrawInterest(input: $input) { interest { id status } } }`;
  const hiddenFor = async (role: Named, ags: string) => (await ok(role, CONTACTS_OF, { ags })).municipality.contactPersonsHidden as boolean;

  it('the owner takes an accepted consent back („Freigabe zurücknehmen“): DECLINED, audited as revoked, the other side told, contacts hidden again', async () => {
    const idea = await postIdea({ visibility: 'PUBLIC', title: `Freigabe ${RUN}` });
    const interestId = await expressInterest(idea.id, 'staffE', AGS_E);
    await ok('staffA', ACCEPT, { input: { interestId } });
    expect(await hiddenFor('staffE', MEDEBACH)).toBe(false);

    // Only the owner side decides, also on taking it back: for anyone else it is refused and nothing changes.
    for (const [role, expected] of [
      ['staffE', 'FORBIDDEN'],
      ['office', 'FORBIDDEN'],
      ['staffC', 'NOT_FOUND'],
    ] as const) {
      const before = await boardState([idea.id, interestId]);
      expect(code(await gql(role, DECLINE, { input: { interestId } })), role).toBe(expected);
      expect(await boardState([idea.id, interestId]), role).toEqual(before);
    }

    expect((await ok('staffA', DECLINE, { input: { interestId } })).declineInterest.interest.status).toBe('DECLINED');
    const audit = await app.db.read('MATCH (e:AuditEvent {action: $action, targetId: $id}) RETURN e.detail AS detail', {
      action: 'INTEREST_DECLINED',
      id: interestId,
    });
    expect(audit.records.map((r) => JSON.parse(r.get('detail') as string))).toEqual([{ ideaId: idea.id, municipalityAgs: AGS_E, revoked: true }]);
    expect(await hiddenFor('staffE', MEDEBACH)).toBe(true);
    expect(await hiddenFor('staffA', AGS_E)).toBe(true);
    const contact = await ok('staffE', INTEREST_CONTACT, { id: idea.id });
    expect(contact.projectIdea.interests).toEqual([expect.objectContaining({ id: interestId, status: 'DECLINED', contact: null })]);
    expect(JSON.stringify(contact)).not.toContain(contacts.a.email);
    const [notice] = await noticesOf('staffE', idea.id, 'INTEREST_DECLINED');
    expect(notice.textDe).toBe(`Medebach hat die Freigabe zu Ihrem Interesse an „Freigabe ${RUN}“ zurückgenommen. Die Kontaktdaten sind nicht mehr sichtbar.`);
    expect(notice.textEn).toMatch(/took back the consent to your interest in "Freigabe/);

    // Declined is final: a second decline or an acceptance is a CONFLICT that changes nothing.
    const before = await boardState([idea.id, interestId]);
    expect(code(await gql('staffA', DECLINE, { input: { interestId } }))).toBe('CONFLICT');
    expect(code(await gql('staffA', ACCEPT, { input: { interestId } }))).toBe('CONFLICT');
    expect(await boardState([idea.id, interestId])).toEqual(before);
  });

  it('a withdrawn idea ends the consent it carried: its accepted interests no longer open the contact persons', async () => {
    const idea = await postIdea({ visibility: 'PUBLIC', title: `Zurückgezogen ${RUN}` });
    const interestId = await expressInterest(idea.id, 'staffE', AGS_E);
    await ok('staffA', ACCEPT, { input: { interestId } });
    expect(await hiddenFor('staffE', MEDEBACH)).toBe(false);
    await ok('staffA', WITHDRAW, { input: { ideaId: idea.id } });
    expect(await hiddenFor('staffE', MEDEBACH)).toBe(true);
    expect(await hiddenFor('staffA', AGS_E)).toBe(true);
    const text = JSON.stringify(await gql('staffE', CONTACTS_OF, { ags: MEDEBACH }));
    expect([contacts.a.email, contacts.a.phone].filter((value) => text.includes(value))).toEqual([]);
  });

  it('when the interested side withdraws, the owner’s staff get INTEREST_WITHDRAWN (not the one who acted)', async () => {
    const idea = await postIdea({ visibility: 'PUBLIC', title: `Rückzug ${RUN}` });
    const interestId = await expressInterest(idea.id, 'staffE', AGS_E);
    const before = await boardState([idea.id, interestId]);
    // Only the interested side withdraws; a refusal writes no notice.
    expect(code(await gql('staffA', WITHDRAW_INTEREST, { input: { interestId } }))).toBe('FORBIDDEN');
    expect(await boardState([idea.id, interestId])).toEqual(before);
    await ok('staffE', WITHDRAW_INTEREST, { input: { interestId } });
    for (const role of ['staffA', 'staffA2'] as const) {
      const notices = await noticesOf(role, idea.id, 'INTEREST_WITHDRAWN');
      expect(notices, role).toHaveLength(1);
      expect(notices[0].interest).toEqual({ id: interestId });
      expect(notices[0].textDe).toMatch(new RegExp(`^.+ hat das Interesse an Ihrem Vorhaben „Rückzug ${RUN}“ zurückgezogen\\.$`));
      expect(notices[0].textEn).toMatch(new RegExp(`^.+ withdrew its interest in your idea "Rückzug ${RUN}"\\.$`));
    }
    expect(await noticesOf('staffE', idea.id, 'INTEREST_WITHDRAWN')).toEqual([]);
  });
});
