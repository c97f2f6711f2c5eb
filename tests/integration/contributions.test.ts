import { prepareData, writeData, DatasetConflictError } from '@ka/seed';
import { EXPORT_FORMATS } from '@ka/server/src/analytics/exports';
import { AccountRole, AccountStatus } from '@ka/server/src/modules/accounts/account.type';
import { DEFAULT_AUTH_OPTIONS } from '@ka/server/src/modules/accounts/auth.options';
import { ContributionRepository } from '@ka/server/src/modules/contributions/contribution.repository';
import { GAP_EXPORTS } from '@ka/server/src/modules/network/network.export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createAccount, removeSessions, signedIn } from '../support/accounts';
import { DATA_DIR, startTestApp, type TestApp } from '../support/app';
import { graphFingerprint, removeTestRecords } from '../support/register';

// Contributions, review, history, CONFLICT, the worklist, contact persons and the office's file import (issue 11,
// parts 2–6 and 8; docs/decisions/012), over GraphQL against the shared test Neo4j with the real register. Every
// record this file writes has a name starting with PREFIX and is removed at the end (ADR 004).

const AGS_A = '05515000'; // Münster
const AGS_B = '05315000'; // Köln
const RUN = String(Date.now() % 1_000_000).padStart(6, '0');
const PREFIX = `Testkooperation ${RUN}`;
const AUTH = { ...DEFAULT_AUTH_OPTIONS, maxFailuresPerAddress: 10_000, slowdownMs: 1 };

let app: TestApp;
let neighbour: string; // a municipality bordering A
let neighbour2: string; // another one, only in the review journey (so that the partner finder's change is its own)
type Role = 'anonymous' | 'staffA' | 'staffB' | 'office' | 'admin';
const ROLES: Role[] = ['anonymous', 'staffA', 'staffB', 'office', 'admin'];
const users = {} as Record<Exclude<Role, 'anonymous'>, { id: string; email: string }>;
let office: Client;
let staffA: Client;
/** A cooperation of A and its neighbour the office entered, for the CHANGE / END reports of the matrix. */
let base: { id: string; version: number };
const contactIds: string[] = [];
const importKeys: string[] = [];
let counter = 0;
const label = (what: string) => `${PREFIX} ${what} ${++counter}`;

const SUBMIT = `mutation Submit($input: SubmitContributionInput!) { submitContribution(input: $input) { contribution {
  id kind status origin cooperationId baseVersion municipalityAgs authorId note reason
  record { name status taskAreaIds members { kind key role name } sourceUrl sourceReference } end { endDate sourceUrl } changes { field before after } } } }`;
const APPROVE = `mutation Approve($input: ApproveContributionInput!) { approveContribution(input: $input) {
  contribution { id status cooperationId resultVersion reviewerId reviewedAt }
  cooperation { id name provenance version verifiedAt verificationDue status endDate confidence members { key role } } } }`;
const REJECT = `mutation Reject($input: RejectContributionInput!) { rejectContribution(input: $input) { contribution { id status reason reviewerId } cooperation { id } } }`;
const CREATE = `mutation Create($input: CreateCooperationInput!) { createCooperation(input: $input) { version cooperation { id version provenance verifiedAt name } contribution { id origin status kind resultVersion } } }`;
const UPDATE = `mutation Update($input: UpdateCooperationInput!) { updateCooperation(input: $input) { version cooperation { id version status endDate name description verifiedAt } contribution { id origin kind } } }`;
const IMPORT = `mutation Import($input: ImportCooperationsInput!) { importCooperations(input: $input) { dryRun created updated unchanged cooperationIds problems { file line reason text } } }`;
const ADD_CONTACT = `mutation AddContact($input: AddContactPersonInput!) { addContactPerson(input: $input) { contactPerson { id name function email phone consentGivenOn municipalityAgs cooperationId } } }`;
const REMOVE_CONTACT = `mutation RemoveContact($input: RemoveContactPersonInput!) { removeContactPerson(input: $input) { removedId } }`;
const HISTORY = `query History($id: ID!) { cooperation(id: $id) { id version verifiedAt verificationDue history { version at provenance summary sourceUrl sourceReference contributionId changes { field before after } } } }`;

function record(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    legalForm: 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG',
    status: 'ACTIVE',
    startYear: 2024,
    sourceUrl: 'https://www.example.org/amtsblatt/2024-12.pdf',
    description: 'Gemeinsames Standesamt',
    taskAreaIds: ['standesamt'],
    members: [
      { kind: 'MUNICIPALITY', key: AGS_A, role: 'LEAD' },
      { kind: 'MUNICIPALITY', key: neighbour, role: 'DELEGATING' },
    ],
    ...overrides,
  };
}

async function clientFor(role: Role): Promise<Client> {
  return role === 'anonymous' ? new Client(app.url) : signedIn(app.url, users[role].email);
}

async function ok<T = any>(client: Client, query: string, variables: Record<string, unknown>): Promise<T> {
  const { data, errors } = await client.graphql(query, variables);
  if (errors) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(errors)}`);
  return data as T;
}

async function newContribution(client: Client, name = label('Meldung')): Promise<string> {
  const data = await ok(client, SUBMIT, { input: { kind: 'NEW', record: record(name), note: 'Bitte prüfen' } });
  return data.submitContribution.contribution.id;
}

async function officeCooperation(name = label('Direkt')): Promise<{ id: string; version: number }> {
  const data = await ok(office, CREATE, { input: { record: record(name), summary: 'Test' } });
  return { id: data.createCooperation.cooperation.id, version: data.createCooperation.version };
}

async function auditCount(action: string, actorId: string): Promise<number> {
  const result = await app.db.read('MATCH (e:AuditEvent {action: $action, actorId: $actorId}) RETURN count(e) AS n', { action, actorId });
  return Number(result.records[0]!.get('n'));
}

beforeAll(async () => {
  app = await startTestApp({ auth: AUTH });
  const found = await app.db.read(
    'MATCH (:Municipality {ags: $ags})-[b:BORDERS]-(n:Municipality) WHERE NOT b.touch AND NOT n:CrossBorder RETURN n.ags AS ags ORDER BY b.lengthKm DESC LIMIT 1',
    { ags: AGS_A },
  );
  neighbour = found.records[0]!.get('ags') as string;
  const second = await app.db.read(
    'MATCH (:Municipality {ags: $ags})-[b:BORDERS]-(n:Municipality) WHERE NOT b.touch AND NOT n:CrossBorder RETURN n.ags AS ags ORDER BY b.lengthKm DESC SKIP 1 LIMIT 1',
    { ags: AGS_A },
  );
  neighbour2 = second.records[0]!.get('ags') as string;
  users.staffA = await createAccount(app.db, AccountRole.STAFF, AccountStatus.ACTIVE, [AGS_A], 'contrib-staff-a');
  users.staffB = await createAccount(app.db, AccountRole.STAFF, AccountStatus.ACTIVE, [AGS_B], 'contrib-staff-b');
  users.office = await createAccount(app.db, AccountRole.OFFICE, AccountStatus.ACTIVE, [], 'contrib-office');
  users.admin = await createAccount(app.db, AccountRole.ADMIN, AccountStatus.ACTIVE, [], 'contrib-admin');
  office = await signedIn(app.url, users.office.email);
  staffA = await signedIn(app.url, users.staffA.email);
  base = await officeCooperation(label('Basis'));
});

afterAll(async () => {
  if (app) {
    const mine = await app.db.read("MATCH (c:Cooperation) WHERE c.provenance = 'USER' AND c.name STARTS WITH $prefix RETURN collect(c.id) AS ids", {
      prefix: PREFIX,
    });
    await removeTestRecords(app.db, {
      cooperationIds: mine.records[0]!.get('ids') as string[],
      authorIds: Object.values(users).map((u) => u.id),
      contactIds,
      importKeys,
    });
    await removeSessions(
      app.db,
      Object.values(users).map((u) => u.id),
    );
  }
  await app?.close();
});

// --- the authorisation matrix --------------------------------------------------------------------------------

type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
interface Operation {
  name: string;
  prepare?: () => Promise<string>;
  query: string;
  variables?: (target: string | undefined) => Record<string, unknown>;
  check?: (data: any, target: string | undefined) => Promise<void> | void;
  expected: Record<Role, Outcome>;
}

const ALL_OK: Record<Role, Outcome> = { anonymous: 'ok', staffA: 'ok', staffB: 'ok', office: 'ok', admin: 'ok' };
const SIGNED_IN: Record<Role, Outcome> = { anonymous: 'UNAUTHENTICATED', staffA: 'ok', staffB: 'ok', office: 'ok', admin: 'ok' };
const OWN_MUNICIPALITY: Record<Role, Outcome> = { anonymous: 'UNAUTHENTICATED', staffA: 'ok', staffB: 'FORBIDDEN', office: 'ok', admin: 'ok' };
const OFFICE_OR_ADMIN: Record<Role, Outcome> = { anonymous: 'UNAUTHENTICATED', staffA: 'FORBIDDEN', staffB: 'FORBIDDEN', office: 'ok', admin: 'ok' };

const importFiles = (key: string, name: string) => ({
  cooperationsCsv: `kooperation_id,name,rechtsform,aufgabenfeld_ids,aufgaben,sitz_oder_ausfuehrend,beginn_jahr,status,stand_datum,quelle_url,beleg,konfidenz,hinweis\n${key},${name},öffentlich-rechtliche Vereinbarung,standesamt,Gemeinsames Standesamt,,2023,aktiv,2024-05,https://www.example.org/${key},,sicher,\n`,
  membersCsv: `kooperation_id,mitglied_typ,mitglied_schluessel,mitglied_name,rolle\n${key},gemeinde,${AGS_A},Münster,übernehmend\n${key},gemeinde,${neighbourRef()},Nachbar,abgebend\n`,
});
const neighbourRef = () => neighbour;
const importKey = () => {
  const key = `T${RUN}${++counter}`;
  importKeys.push(key);
  return key;
};

const OPERATIONS: Operation[] = [
  {
    name: 'mutation submitContribution (NEW, A and its neighbour)',
    query: SUBMIT,
    variables: () => ({ input: { kind: 'NEW', record: record(label('Neu')) } }),
    check: (data) => expect(data.submitContribution.contribution).toMatchObject({ kind: 'NEW', status: 'PENDING', origin: 'REPORT', cooperationId: null }),
    expected: OWN_MUNICIPALITY,
  },
  {
    name: 'mutation submitContribution (CHANGE of a cooperation of A)',
    query: SUBMIT,
    variables: () => ({ input: { kind: 'CHANGE', cooperationId: base.id, baseVersion: base.version, record: record(label('Basis geändert')) } }),
    check: (data) =>
      expect(data.submitContribution.contribution).toMatchObject({ kind: 'CHANGE', status: 'PENDING', cooperationId: base.id, baseVersion: base.version }),
    expected: OWN_MUNICIPALITY,
  },
  {
    name: 'mutation submitContribution (END of a cooperation of A)',
    query: SUBMIT,
    variables: () => ({
      input: {
        kind: 'END',
        cooperationId: base.id,
        baseVersion: base.version,
        end: { endDate: '2025-06-30', sourceReference: 'Amtsblatt Stadt Münster 7/2025, S. 12' },
      },
    }),
    check: (data) => expect(data.submitContribution.contribution).toMatchObject({ kind: 'END', end: { endDate: '2025-06-30', sourceUrl: null } }),
    expected: OWN_MUNICIPALITY,
  },
  {
    name: 'mutation approveContribution',
    prepare: () => newContribution(staffA),
    query: APPROVE,
    variables: (id) => ({ input: { contributionId: id } }),
    check: (data) => {
      expect(data.approveContribution.contribution).toMatchObject({ status: 'APPROVED', resultVersion: 1 });
      expect(data.approveContribution.cooperation).toMatchObject({ provenance: 'USER', version: 1, verificationDue: false });
    },
    expected: OFFICE_OR_ADMIN,
  },
  {
    name: 'mutation rejectContribution',
    prepare: () => newContribution(staffA),
    query: REJECT,
    variables: (id) => ({ input: { contributionId: id, reason: 'Die Quelle nennt die Kooperation nicht.' } }),
    check: (data) => expect(data.rejectContribution.contribution).toMatchObject({ status: 'REJECTED', reason: 'Die Quelle nennt die Kooperation nicht.' }),
    expected: OFFICE_OR_ADMIN,
  },
  {
    name: 'mutation createCooperation',
    query: CREATE,
    variables: () => ({ input: { record: record(label('Direkt')) } }),
    check: (data) =>
      expect(data.createCooperation).toMatchObject({
        version: 1,
        cooperation: { provenance: 'USER' },
        contribution: { origin: 'EDIT', status: 'APPROVED', kind: 'NEW' },
      }),
    expected: OFFICE_OR_ADMIN,
  },
  {
    name: 'mutation updateCooperation',
    prepare: async () => (await officeCooperation()).id,
    query: UPDATE,
    variables: (id) => ({ input: { cooperationId: id, expectedVersion: 1, record: record(label('Direkt geändert')) } }),
    check: (data) =>
      expect(data.updateCooperation).toMatchObject({ version: 2, cooperation: { version: 2 }, contribution: { origin: 'EDIT', kind: 'CHANGE' } }),
    expected: OFFICE_OR_ADMIN,
  },
  {
    name: 'mutation importCooperations',
    query: IMPORT,
    variables: () => ({ input: importFiles(importKey(), label('Import')) }),
    check: (data) => expect(data.importCooperations).toMatchObject({ created: 1, updated: 0, problems: [] }),
    expected: OFFICE_OR_ADMIN,
  },
  {
    name: 'mutation addContactPerson (municipality A)',
    query: ADD_CONTACT,
    variables: () => ({
      input: {
        municipalityAgs: AGS_A,
        name: `Kontakt ${RUN}`,
        function: 'Standesamt',
        email: `kontakt-${RUN}@test.kooperationsatlas.invalid`,
        consentGivenOn: '2026-11-02',
      },
    }),
    check: (data) => {
      contactIds.push(data.addContactPerson.contactPerson.id);
      expect(data.addContactPerson.contactPerson).toMatchObject({ municipalityAgs: AGS_A, consentGivenOn: '2026-11-02' });
    },
    expected: OWN_MUNICIPALITY,
  },
  {
    name: 'mutation removeContactPerson (of municipality A)',
    prepare: async () => {
      const data = await ok(office, ADD_CONTACT, {
        input: { municipalityAgs: AGS_A, name: `Widerruf ${RUN}`, phone: '+49 251 492-0', consentGivenOn: '2026-10-01' },
      });
      contactIds.push(data.addContactPerson.contactPerson.id);
      return data.addContactPerson.contactPerson.id as string;
    },
    query: REMOVE_CONTACT,
    variables: (id) => ({ input: { contactPersonId: id } }),
    check: async (data, id) => {
      expect(data.removeContactPerson.removedId).toBe(id);
      expect(Number((await app.db.read('MATCH (p:ContactPerson {id: $id}) RETURN count(p) AS n', { id })).records[0]!.get('n'))).toBe(0);
    },
    expected: OWN_MUNICIPALITY,
  },
  {
    name: 'query contribution (of staff A)',
    prepare: () => newContribution(staffA),
    query: `query Contribution($id: ID!) { contribution(id: $id) { id status authorName record { name } changes { field } } }`,
    variables: (id) => ({ id }),
    check: (data, id) => expect(data.contribution).toMatchObject({ id, status: 'PENDING', authorName: 'Test contrib-staff-a' }),
    expected: OWN_MUNICIPALITY,
  },
  { name: 'query myContributions', query: `query Mine { myContributions(first: 5) { totalCount edges { node { id status reason } } } }`, expected: SIGNED_IN },
  {
    name: 'query contributions',
    query: `query All { contributions(status: PENDING, first: 5) { totalCount edges { node { id authorName } } } }`,
    expected: OFFICE_OR_ADMIN,
  },
  {
    name: 'query worklist',
    query: `query Worklist { worklist(first: 5) { staleBefore pendingContributionCount pendingAccountCount neverVerifiedCount notVerifiedRecentlyCount lowConfidenceCount lowConfidence { id confidence } pendingContributions { id } } }`,
    check: (data) => {
      expect(data.worklist.lowConfidenceCount).toBeGreaterThan(0);
      expect(data.worklist.lowConfidence.every((c: { confidence: string }) => c.confidence === 'LOW')).toBe(true);
    },
    expected: OFFICE_OR_ADMIN,
  },
  {
    name: 'field Municipality.contactPersons',
    query: `query Contacts { municipality(ags: "${AGS_A}") { name contactPersons { name email } } }`,
    expected: SIGNED_IN,
  },
  {
    name: 'field Cooperation.contactPersons',
    query: `query Contacts($id: ID!) { cooperation(id: $id) { name contactPersons { name } } }`,
    variables: () => ({ id: base.id }),
    expected: SIGNED_IN,
  },
  {
    name: 'field CooperationVersion.actorName',
    query: HISTORY.replace('contributionId', 'contributionId actorName reviewerName'),
    variables: () => ({ id: base.id }),
    expected: SIGNED_IN,
  },
  {
    name: 'field Cooperation.history, version, verifiedAt (public)',
    query: HISTORY,
    variables: () => ({ id: base.id }),
    check: (data) => {
      expect(data.cooperation.history.length).toBeGreaterThanOrEqual(1);
      expect(data.cooperation.verifiedAt).toEqual(expect.any(String));
    },
    expected: ALL_OK,
  },
];

const CELLS = OPERATIONS.flatMap((operation) => ROLES.map((role) => ({ operation, role, outcome: operation.expected[role] })));

describe('authorisation matrix: every new mutation and non-public field × every role', () => {
  it.each(CELLS.map((c) => [c.operation.name, c.role, c.outcome, c] as const))('%s as %s → %s', async (_name, role, outcome, { operation }) => {
    const caller = await clientFor(role);
    const target = await operation.prepare?.();
    const before = await graphFingerprint(app.db);
    const { data, errors } = await caller.graphql(operation.query, operation.variables?.(target));
    if (outcome === 'ok') {
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      await operation.check?.(data, target);
    } else {
      expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)).toBe(outcome);
      expect(errors![0]!.message).toMatch(/ \/ /); // German / English
      expect(await graphFingerprint(app.db)).toEqual(before);
    }
  });
});

// --- report → review → register, with history ------------------------------------------------------------------

describe('a report goes through review into the register, with its history', () => {
  it('NEW: pending for the author and the office, invisible to others; approved, it is a USER record verified today', async () => {
    const name = label('Standesamt Münsterland');
    const members = [
      { kind: 'MUNICIPALITY', key: AGS_A, role: 'LEAD' },
      { kind: 'MUNICIPALITY', key: neighbour2, role: 'DELEGATING' },
    ];
    const submitted = (await ok(staffA, SUBMIT, { input: { kind: 'NEW', record: record(name, { members }), note: 'Seit Januar gemeinsam' } }))
      .submitContribution.contribution;
    expect(submitted).toMatchObject({ status: 'PENDING', municipalityAgs: AGS_A, authorId: users.staffA.id, record: { name, taskAreaIds: ['standesamt'] } });
    expect(submitted.changes.map((c: { field: string }) => c.field)).toContain('name');
    expect(submitted.record.members).toContainEqual({ kind: 'MUNICIPALITY', key: AGS_A, role: 'LEAD', name: 'Münster' });
    const partners = async () =>
      (
        (await app.graphql<any>(`query { partnerSuggestions(ags: "${AGS_A}", taskArea: "standesamt") { existingPartners { ags } } }`)).data!.partnerSuggestions
          .existingPartners as Array<{ ags: string }>
      ).map((m) => m.ags);
    expect(await partners()).not.toContain(neighbour2);
    // Nothing unreviewed reaches the register.
    const listed = await app.graphql<any>(`query { cooperations(filter: { memberAgs: "${AGS_A}" }, first: 100) { edges { node { name } } } }`);
    expect(listed.data!.cooperations.edges.map((e: any) => e.node.name)).not.toContain(name);

    const mine = await ok(staffA, `query { myContributions(status: PENDING, first: 100) { edges { node { id } } } }`, {});
    expect(mine.myContributions.edges.map((e: any) => e.node.id)).toContain(submitted.id);
    const staffB = await signedIn(app.url, users.staffB.email);
    const foreign = await staffB.graphql(`query C($id: ID!) { contribution(id: $id) { id } }`, { id: submitted.id });
    expect(foreign.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const worklist = await ok(office, `query { worklist(first: 100) { pendingContributions { id authorName } } }`, {});
    expect(worklist.worklist.pendingContributions.map((c: any) => c.id)).toContain(submitted.id);

    const approved = (await ok(office, APPROVE, { input: { contributionId: submitted.id, confidence: 'HIGH' } })).approveContribution;
    expect(approved.contribution).toMatchObject({ status: 'APPROVED', reviewerId: users.office.id, resultVersion: 1 });
    expect(approved.cooperation).toMatchObject({ name, provenance: 'USER', version: 1, verificationDue: false, status: 'ACTIVE', confidence: 'HIGH' });
    expect(Date.now() - Date.parse(approved.cooperation.verifiedAt)).toBeLessThan(60_000);
    const id = approved.cooperation.id;
    // The partner finder knows the new tie within a second (the write path's change feed, ADR 013).
    await expect.poll(partners, { timeout: 5_000 }).toContain(neighbour2);

    // The profile shows it at once; an anonymous visitor sees the record and its history, but no names.
    const profile = await app.graphql<any>(
      `query { municipality(ags: "${neighbour2}") { cooperationsByTaskArea { taskArea { id } cooperations { id provenance } } } }`,
    );
    const standesamt = profile.data!.municipality.cooperationsByTaskArea.find((g: any) => g.taskArea.id === 'standesamt');
    expect(standesamt.cooperations).toContainEqual({ id, provenance: 'USER' });
    const history = await app.graphql<any>(HISTORY, { id });
    expect(history.data!.cooperation.history).toEqual([
      expect.objectContaining({ version: 1, provenance: 'USER', contributionId: submitted.id, sourceUrl: 'https://www.example.org/amtsblatt/2024-12.pdf' }),
    ]);
    const names = await app.graphql<any>(`query H($id: ID!) { cooperation(id: $id) { history { actorName } } }`, { id });
    expect(names.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(names)).not.toContain('Test contrib-staff-a');
    const named = await ok(office, `query H($id: ID!) { cooperation(id: $id) { history { actorName reviewerName } } }`, { id });
    expect(named.cooperation.history[0]).toEqual({ actorName: 'Test contrib-staff-a', reviewerName: 'Test contrib-office' });

    // Approving twice is a conflict, not a second record.
    const again = await office.graphql(APPROVE, { input: { contributionId: submitted.id } });
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await auditCount('CONTRIBUTION_SUBMITTED', users.staffA.id)).toBeGreaterThan(0);
    expect(await auditCount('CONTRIBUTION_APPROVED', users.office.id)).toBeGreaterThan(0);
  });

  it('CHANGE and END: each approval keeps the previous version; nothing is deleted; a stale version gets CONFLICT with the current record', async () => {
    const { id } = await officeCooperation(label('Wird geändert'));
    const changedName = label('Geändert');
    const first = (await ok(staffA, SUBMIT, { input: { kind: 'CHANGE', cooperationId: id, baseVersion: 1, record: record(changedName, { startYear: 2023 }) } }))
      .submitContribution.contribution;
    // A second report on the same version, made before the first was approved.
    const second = (
      await ok(staffA, SUBMIT, { input: { kind: 'CHANGE', cooperationId: id, baseVersion: 1, record: record(changedName, { seat: 'Münster' }) } })
    ).submitContribution.contribution;
    expect(first.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', before: expect.stringContaining('Wird geändert'), after: changedName },
        { field: 'startYear', before: '2024', after: '2023' },
      ]),
    );

    const v2 = (await ok(office, APPROVE, { input: { contributionId: first.id } })).approveContribution;
    expect(v2.cooperation).toMatchObject({ version: 2, name: changedName });

    const before = await graphFingerprint(app.db);
    const stale = await office.graphql(APPROVE, { input: { contributionId: second.id } });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', current: { id, version: 2, name: changedName, startYear: 2023 } });
    expect(stale.errors![0]!.message).toMatch(/Version 2.*version 2/);
    expect(await graphFingerprint(app.db)).toEqual(before);
    // The report stays pending; the office may apply it over the current version once it has looked.
    const applied = (await ok(office, APPROVE, { input: { contributionId: second.id, expectedVersion: 2 } })).approveContribution;
    expect(applied.cooperation).toMatchObject({ version: 3 });

    // A report on an old version is refused at once, with the current record.
    const late = await staffA.graphql(SUBMIT, { input: { kind: 'CHANGE', cooperationId: id, baseVersion: 1, record: record(label('Zu spät')) } });
    expect(late.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', current: { version: 3 } });
    // So is the office's direct edit.
    const direct = await office.graphql(UPDATE, { input: { cooperationId: id, expectedVersion: 2, record: record(label('Direkt zu spät')) } });
    expect(direct.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', current: { version: 3 } });

    const end = (
      await ok(staffA, SUBMIT, {
        input: { kind: 'END', cooperationId: id, baseVersion: 3, end: { endDate: '2025-12-31', sourceUrl: 'https://www.example.org/aufhebung.pdf' } },
      })
    ).submitContribution.contribution;
    expect(end.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'ACTIVE', after: 'ENDED' },
        { field: 'endDate', before: null, after: '2025-12-31' },
      ]),
    );
    const ended = (await ok(office, APPROVE, { input: { contributionId: end.id } })).approveContribution.cooperation;
    expect(ended).toMatchObject({ version: 4, status: 'ENDED', endDate: '2025-12-31' });
    const ending = await staffA.graphql(SUBMIT, {
      input: { kind: 'END', cooperationId: id, baseVersion: 4, end: { endDate: '2025-12-31', sourceUrl: 'https://www.example.org/x' } },
    });
    expect(ending.errors![0]!.extensions!.code).toBe('CONFLICT');

    const history = (await app.graphql<any>(HISTORY, { id })).data!.cooperation.history;
    expect(history.map((h: any) => h.version)).toEqual([4, 3, 2, 1]);
    expect(history[0]).toMatchObject({ contributionId: end.id, sourceUrl: 'https://www.example.org/aufhebung.pdf' });
    expect(history[0].changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'status', before: 'ACTIVE', after: 'ENDED' })]));
    expect(history[2].changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name', after: changedName })]));
    const versions = await app.db.read('MATCH (:Cooperation {id: $id})-[:HAS_VERSION]->(v:CooperationVersion) RETURN count(v) AS n', { id });
    expect(Number(versions.records[0]!.get('n'))).toBe(3);
  });

  it('a rejection keeps the register as it was and tells the author why', async () => {
    const id = await newContribution(staffA);
    const before = await graphFingerprint(app.db);
    const short = await office.graphql(REJECT, { input: { contributionId: id, reason: ' ' } });
    expect(short.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await graphFingerprint(app.db)).toEqual(before);
    await ok(office, REJECT, { input: { contributionId: id, reason: 'Bitte die Satzung als Quelle angeben.' } });
    const mine = await ok(staffA, `query { myContributions(status: REJECTED, first: 100) { edges { node { id reason reviewerName } } } }`, {});
    expect(mine.myContributions.edges.map((e: any) => e.node)).toContainEqual({
      id,
      reason: 'Bitte die Satzung als Quelle angeben.',
      reviewerName: 'Test contrib-office',
    });
    const twice = await office.graphql(APPROVE, { input: { contributionId: id } });
    expect(twice.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await auditCount('CONTRIBUTION_REJECTED', users.office.id)).toBeGreaterThan(0);
  });

  it('an unchanged edit by the office is a verification: a new version with a fresh verifiedAt', async () => {
    const { id } = await officeCooperation(label('Prüfen'));
    await app.db.write("MATCH (c:Cooperation {id: $id}) SET c.verifiedAt = datetime('2022-01-15T00:00:00Z')", { id });
    expect((await app.graphql<any>(HISTORY, { id })).data!.cooperation.verificationDue).toBe(true);
    const stale = await ok(office, `query { worklist(first: 100) { notVerifiedRecently { id } notVerifiedRecentlyCount } }`, {});
    expect(stale.worklist.notVerifiedRecently.map((c: any) => c.id)).toContain(id);
    const current = (await app.graphql<any>(`query C($id: ID!) { cooperation(id: $id) { name } }`, { id })).data!.cooperation;
    const verified = (await ok(office, UPDATE, { input: { cooperationId: id, expectedVersion: 1, record: record(current.name) } })).updateCooperation;
    expect(verified.version).toBe(2);
    expect(Date.now() - Date.parse(verified.cooperation.verifiedAt)).toBeLessThan(60_000);
    const history = (await app.graphql<any>(HISTORY, { id })).data!.cooperation.history;
    expect(history[0]).toMatchObject({ version: 2, summary: 'Von der Geschäftsstelle geprüft, unverändert' });
    expect(await auditCount('COOPERATION_EDITED', users.office.id)).toBeGreaterThan(0);
  });

  it('every register record the import wrote has a verifiedAt', async () => {
    const result = await app.db.read("MATCH (c:Cooperation) WHERE c.provenance = 'RESEARCHED' RETURN count(c) AS n, count(c.verifiedAt) AS verified");
    expect(Number(result.records[0]!.get('n'))).toBe(356);
    expect(Number(result.records[0]!.get('verified'))).toBe(356);
  });
});

// --- validation ------------------------------------------------------------------------------------------------

describe('every mutation validates its input and changes nothing when refused', () => {
  it.each([
    ['a single member', { members: [{ kind: 'MUNICIPALITY', key: AGS_A, role: 'MEMBER' }] }, 'record.members', /mindestens 2 Mitglieder/],
    [
      'a member that does not exist',
      {
        members: [
          { kind: 'MUNICIPALITY', key: AGS_A, role: 'MEMBER' },
          { kind: 'MUNICIPALITY', key: '05999999', role: 'MEMBER' },
        ],
      },
      'record.members',
      /Kommune 05999999 gibt es nicht/,
    ],
    [
      'a Kreis that does not exist',
      {
        members: [
          { kind: 'MUNICIPALITY', key: AGS_A, role: 'MEMBER' },
          { kind: 'DISTRICT', key: '05999', role: 'MEMBER' },
        ],
      },
      'record.members',
      /Kreis 05999 gibt es nicht/,
    ],
    [
      'a member listed twice',
      {
        members: [
          { kind: 'MUNICIPALITY', key: AGS_A, role: 'MEMBER' },
          { kind: 'MUNICIPALITY', key: AGS_A, role: 'LEAD' },
        ],
      },
      'record.members',
      /doppelt/,
    ],
    ['a task area that does not exist', { taskAreaIds: ['zauberei'] }, 'record.taskAreaIds', /Unbekanntes Aufgabenfeld/],
    ['no task area', { taskAreaIds: [] }, 'record.taskAreaIds', /1 bis 5/],
    ['no source', { sourceUrl: null, sourceReference: null }, 'record.sourceUrl', /Quelle/],
    ['a source that is not http(s)', { sourceUrl: 'ftp://example.org/satzung.pdf' }, 'record.sourceUrl', /http- oder https/],
    ['ENDED without an end date', { status: 'ENDED' }, 'record.endDate', /Enddatum/],
    ['an end date without ENDED', { endDate: '2024-01-01' }, 'record.endDate', /nur bei Status ENDED/],
    ['an impossible date', { status: 'ENDED', endDate: '2024-02-30' }, 'record.endDate', /kein gültiges Datum/],
    ['an end before the start', { status: 'ENDED', endDate: '2019-05-01', startYear: 2020 }, 'record.endDate', /vor dem Beginn/],
    ['a start year of 1700', { startYear: 1700 }, 'record.startYear', /zwischen 1800/],
    ['a source date in the future', { sourceDate: '2099-01' }, 'record.sourceDate', /vergangenes Datum/],
    ['an empty name', { name: '  ' }, 'record.name', /nicht leer/],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, change, field, message) => {
    const before = await graphFingerprint(app.db);
    const { errors } = await staffA.graphql(SUBMIT, { input: { kind: 'NEW', record: { ...record(label('Ungültig')), ...change } } });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
    expect(errors![0]!.message).toMatch(/ \/ /);
    expect(await graphFingerprint(app.db)).toEqual(before);
  });

  it('accepts a gazette reference instead of a URL', async () => {
    const data = await ok(staffA, SUBMIT, {
      input: { kind: 'NEW', record: record(label('Amtsblatt'), { sourceUrl: null, sourceReference: 'Amtsblatt Kreis Steinfurt 12/2024, S. 3' }) },
    });
    expect(data.submitContribution.contribution.record).toMatchObject({ sourceUrl: null, sourceReference: 'Amtsblatt Kreis Steinfurt 12/2024, S. 3' });
  });

  it.each([
    ['CHANGE without a base version', { kind: 'CHANGE', cooperationId: 'K01', record: null }, 'baseVersion'],
    ['CHANGE of a malformed id', { kind: 'CHANGE', cooperationId: 'k-01', baseVersion: 1 }, 'cooperationId'],
    ['END without an end', { kind: 'END', cooperationId: 'K01', baseVersion: 1 }, 'end'],
    ['NEW with an id', { kind: 'NEW', cooperationId: 'K01' }, 'cooperationId'],
  ])('refuses %s', async (_what, input, field) => {
    const before = await graphFingerprint(app.db);
    const { errors } = await office.graphql(SUBMIT, { input });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await graphFingerprint(app.db)).toEqual(before);
  });

  it('refuses a report about a cooperation without any of the author’s municipalities, and a missing one with NOT_FOUND', async () => {
    const before = await graphFingerprint(app.db);
    const foreign = await staffA.graphql(SUBMIT, {
      input: {
        kind: 'NEW',
        record: record(label('Fremd'), {
          members: [
            { kind: 'MUNICIPALITY', key: AGS_B, role: 'MEMBER' },
            { kind: 'MUNICIPALITY', key: '05316000', role: 'MEMBER' },
          ],
        }),
      },
    });
    expect(foreign.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const missing = await staffA.graphql(SUBMIT, {
      input: { kind: 'END', cooperationId: 'Z99999', baseVersion: 1, end: { endDate: '2025-01-01', sourceUrl: 'https://example.org' } },
    });
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(await graphFingerprint(app.db)).toEqual(before);
  });

  it('refuses bad contact persons', async () => {
    const before = await graphFingerprint(app.db);
    for (const [input, field] of [
      [{ municipalityAgs: AGS_A, name: 'X', consentGivenOn: '2026-11-01' }, 'email'],
      [{ municipalityAgs: AGS_A, name: 'X', email: 'keine-adresse', consentGivenOn: '2026-11-01' }, 'email'],
      [{ municipalityAgs: AGS_A, name: 'X', email: 'x@example.org', consentGivenOn: '2099-01-01' }, 'consentGivenOn'],
      [{ municipalityAgs: AGS_A, cooperationId: base.id, name: 'X', email: 'x@example.org', consentGivenOn: '2026-11-01' }, 'municipalityAgs'],
    ] as const) {
      const { errors } = await office.graphql(ADD_CONTACT, { input });
      expect(errors![0]!.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await graphFingerprint(app.db)).toEqual(before);
  });
});

// --- contact persons -------------------------------------------------------------------------------------------

describe('contact persons (DSGVO)', () => {
  const name = `Erika Kontakt ${RUN}`;
  const email = `erika-${RUN}@test.kooperationsatlas.invalid`;
  const phone = `+49 251 ${RUN}`;

  beforeAll(async () => {
    for (const target of [{ municipalityAgs: AGS_A }, { cooperationId: base.id }]) {
      const data = await ok(staffA, ADD_CONTACT, { input: { ...target, name, function: 'Leitung Standesamt', email, phone, consentGivenOn: '2026-11-20' } });
      contactIds.push(data.addContactPerson.contactPerson.id);
    }
  });

  // A municipality's contact persons follow the board's consent rule (issue 12, docs/decisions/017): its own staff and
  // the office see them, staff of another municipality only with an accepted interest (tests/integration/board-brokering.test.ts).
  it('are shown to the municipality’s staff and the office (a cooperation’s to any signed-in account), never to anonymous visitors', async () => {
    const query = `query C($id: ID!) { municipality(ags: "${AGS_A}") { name contactPersons { name function email phone consentGivenOn } } cooperation(id: $id) { name contactPersons { name email } } }`;
    const anonymous = await new Client(app.url).graphql(query, { id: base.id });
    expect(anonymous.errors!.length).toBeGreaterThan(0);
    expect(anonymous.errors!.every((e) => e.extensions!.code === 'UNAUTHENTICATED')).toBe(true);
    const text = JSON.stringify(anonymous);
    for (const value of [name, email, phone]) expect(text).not.toContain(value);
    const staffB = await signedIn(app.url, users.staffB.email);
    const seen = await ok(staffB, query, { id: base.id });
    expect(seen.municipality.contactPersons).toEqual([]);
    expect(seen.cooperation.contactPersons).toContainEqual({ name, email });
    for (const who of [staffA, office]) {
      const own = await ok(who, query, { id: base.id });
      expect(own.municipality.contactPersons).toContainEqual({ name, function: 'Leitung Standesamt', email, phone, consentGivenOn: '2026-11-20' });
    }
  });

  it('are in no export, under any filter', { timeout: 180_000 }, async () => {
    const urls = [
      ...Object.keys(EXPORT_FORMATS).flatMap((file) => [`/api/export/${file}`, `/api/export/${file}?herkunft=USER`, `/api/export/${file}?aufgabe=standesamt`]),
      ...Object.keys(GAP_EXPORTS).map((file) => `/api/export/${file}?aufgabe=standesamt`),
    ];
    let checked = 0;
    for (const url of urls) {
      const response = await fetch(`${app.url}${url}`);
      expect(response.status, url).toBe(200);
      const body = await response.text();
      for (const value of [name, email, phone, 'Leitung Standesamt']) expect(body.includes(value), `${url} contains ${value}`).toBe(false);
      checked++;
    }
    expect(checked).toBe(urls.length);
    // The USER records themselves are exported (they are register records), so the check above did see them.
    const register = await (await fetch(`${app.url}/api/export/kooperationen.csv?herkunft=USER`)).text();
    expect(register).toContain(PREFIX);
  });
});

// --- the office's file import ----------------------------------------------------------------------------------

describe('the office imports a file in the register format', () => {
  const cooperationsHeader =
    'kooperation_id,name,rechtsform,aufgabenfeld_ids,aufgaben,sitz_oder_ausfuehrend,beginn_jahr,status,stand_datum,quelle_url,beleg,konfidenz,hinweis';
  const membersHeader = 'kooperation_id,mitglied_typ,mitglied_schluessel,mitglied_name,rolle';
  let keys: string[];
  let files: { cooperationsCsv: string; membersCsv: string };
  const build = (firstName: string) => {
    const [good1, taskless, sourceless, lonely, ghost, good2] = keys as [string, string, string, string, string, string];
    return {
      cooperationsCsv: [
        cooperationsHeader,
        `${good1},${firstName},öffentlich-rechtliche Vereinbarung,standesamt,Gemeinsames Standesamt,Münster,2022,aktiv,2024-05-01,https://www.example.org/${good1},,sicher,`,
        `${taskless},${PREFIX} Import ohne Aufgabe,Zweckverband,zauberei,,,,aktiv,,https://www.example.org/x,,mittel,`,
        `${sourceless},${PREFIX} Import ohne Quelle,Zweckverband,vhs,,,,aktiv,,,,mittel,`,
        `${lonely},${PREFIX} Import allein,Zweckverband,vhs,,,,aktiv,,https://www.example.org/y,,mittel,`,
        `${ghost},${PREFIX} Import Geist,Zweckverband,vhs,,,,aktiv,,https://www.example.org/z,,mittel,`,
        `${good2},${PREFIX} Import VHS,Zweckverband,vhs,Volkshochschule,,,aktiv,2023,https://www.example.org/${good2},,mittel,`,
      ].join('\n'),
      membersCsv: [
        membersHeader,
        `${good1},gemeinde,${AGS_A},Münster,übernehmend`,
        `${good1},gemeinde,${neighbour},Nachbar,abgebend`,
        `${lonely},gemeinde,${AGS_A},Münster,mitglied`,
        `${ghost},gemeinde,${AGS_A},Münster,mitglied`,
        `${ghost},gemeinde,05999999,Niemandsdorf,mitglied`,
        `${good2},gemeinde,${AGS_A},Münster,mitglied`,
        `${good2},gemeinde,${neighbour},Nachbar,mitglied`,
        `${good2},kreis,05566,Kreis Steinfurt,partner`,
        `${good2},gemeinde,5515,Kaputt,mitglied`,
      ].join('\n'),
    };
  };

  beforeAll(() => {
    keys = Array.from({ length: 6 }, () => importKey());
    files = build(`${PREFIX} Import Standesamt`);
  });

  it('imports the good rows, reports each bad one as file:line: reason, and a dry run writes nothing', async () => {
    const before = await graphFingerprint(app.db);
    const dry = (await ok(office, IMPORT, { input: { ...files, dryRun: true } })).importCooperations;
    expect(dry).toMatchObject({ dryRun: true, created: 2, updated: 0, unchanged: 0, cooperationIds: [] });
    expect(await graphFingerprint(app.db)).toEqual(before);

    const result = (await ok(office, IMPORT, { input: { ...files, cooperationsFileName: 'meldungen-2026.csv' } })).importCooperations;
    expect(result).toMatchObject({ dryRun: false, created: 2, updated: 0, unchanged: 0 });
    expect(result.problems.map((p: any) => p.text)).toEqual([
      'meldungen-2026.csv:3: unknown task area "zauberei"',
      'meldungen-2026.csv:4: no source URL',
      'meldungen-2026.csv:5: members: A cooperation needs at least 2 members.',
      'meldungen-2026.csv:6: members: There is no municipality 05999999.',
      'mitglieder.csv:10: malformed key "5515" for a member of type gemeinde',
    ]);
    expect(result.problems[0]).toMatchObject({ file: 'meldungen-2026.csv', line: 3 });
    expect(dry.problems.map((p: any) => [p.line, p.reason])).toEqual(result.problems.map((p: any) => [p.line, p.reason]));
    const created = await app.db.read(
      `UNWIND $ids AS id MATCH (c:Cooperation {id: id}) RETURN c.name AS name, c.provenance AS provenance, c.verifiedAt IS NOT NULL AS verified, COUNT { (c)<-[:MEMBER_OF]-() } AS members ORDER BY name`,
      { ids: result.cooperationIds },
    );
    expect(created.records.map((r) => r.toObject())).toEqual([
      { name: `${PREFIX} Import Standesamt`, provenance: 'USER', verified: true, members: 2 },
      { name: `${PREFIX} Import VHS`, provenance: 'USER', verified: true, members: 3 },
    ]);
    const audit = await app.db.read(
      "MATCH (e:AuditEvent {action: 'COOPERATIONS_IMPORTED', actorId: $id}) WHERE e.targetId IS NULL RETURN e.detail AS detail ORDER BY e.at DESC LIMIT 1",
      { id: users.office.id },
    );
    expect(JSON.parse(audit.records[0]!.get('detail') as string)).toMatchObject({ created: 2, problems: 5 });

    // Run again: nothing new, nothing duplicated.
    const count = async () =>
      Number(
        (
          await app.db.read("MATCH (c:Cooperation) WHERE c.name STARTS WITH $p AND c.name CONTAINS 'Import' RETURN count(c) AS n", { p: PREFIX })
        ).records[0]!.get('n'),
      );
    const n = await count();
    const rerun = (await ok(office, IMPORT, { input: { ...files, cooperationsFileName: 'meldungen-2026.csv' } })).importCooperations;
    expect(rerun).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(rerun.problems).toHaveLength(5);
    expect(await count()).toBe(n);

    // A changed row becomes a new version of the record the first run created.
    const changed = (await ok(office, IMPORT, { input: build(`${PREFIX} Import Standesamt Münsterland`) })).importCooperations;
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await count()).toBe(n);
    const history = (await app.graphql<any>(HISTORY, { id: changed.cooperationIds[0] })).data!.cooperation.history;
    expect(history.map((h: any) => h.version)).toEqual([2, 1]);
    expect(history[0].changes).toContainEqual(expect.objectContaining({ field: 'name', after: `${PREFIX} Import Standesamt Münsterland` }));
  });

  it('refuses a file that is too large, with nothing written', async () => {
    const before = await graphFingerprint(app.db);
    const { errors } = await office.graphql(IMPORT, { input: { cooperationsCsv: `${cooperationsHeader}\n${'x'.repeat(96_000)}`, membersCsv: membersHeader } });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cooperationsCsv' });
    expect(await graphFingerprint(app.db)).toEqual(before);
  });
});

// --- what users entered survives the importer ----------------------------------------------------------------------

describe('the register import never deletes what users entered', () => {
  it(
    'refuses to wipe while USER records or contributions exist, and a re-run of the import leaves USER records as they are',
    { timeout: 240_000 },
    async () => {
      // A register record the office corrected becomes a USER record; the import must not overwrite it.
      const target = 'K02';
      const original = await app.db.read(
        'MATCH (c:Cooperation {id: $id}) RETURN c.description AS description, toString(c.verifiedAt) AS verifiedAt, c.importedAt AS importedAt',
        { id: target },
      );
      const current = (await app.graphql<any>(`query { cooperation(id: "${target}") { version name } }`)).data!.cooperation;
      const currentRecord = await new ContributionRepository(app.db).currentRecord(target);
      const corrected = { ...currentRecord!.record, description: `Korrigiert ${RUN}` };
      const data = prepareData({ dataDir: DATA_DIR, scope: 'nrw' });
      try {
        const edit = await ok(office, UPDATE, { input: { cooperationId: target, expectedVersion: current.version, record: corrected } });
        expect(edit.updateCooperation.cooperation).toMatchObject({ version: current.version + 1, description: `Korrigiert ${RUN}` });

        const before = await graphFingerprint(app.db);
        const wipe = writeData({ driver: app.driver, wipe: true }, data);
        await expect(wipe).rejects.toBeInstanceOf(DatasetConflictError);
        await expect(writeData({ driver: app.driver, wipe: true }, data)).rejects.toThrow(
          /users entered through the app \(\d+ userCooperations, \d+ versions, \d+ contributions.*nothing was wiped/,
        );
        expect(await graphFingerprint(app.db)).toEqual(before);

        const report = await writeData({ driver: app.driver }, data);
        expect(report.problems).toEqual([]);
        expect(report.notes.join('\n')).toMatch(/cooperations kept as they were/);
        const after = (await app.graphql<any>(`query { cooperation(id: "${target}") { version description provenance } }`)).data!.cooperation;
        expect(after).toEqual({ version: current.version + 1, description: `Korrigiert ${RUN}`, provenance: 'USER' });
        const users_ = await app.db.read("MATCH (c:Cooperation) WHERE c.provenance = 'USER' AND c.name STARTS WITH $p RETURN count(c) AS n", { p: PREFIX });
        expect(Number(users_.records[0]!.get('n'))).toBeGreaterThan(5);
      } finally {
        // Back to the register's record (ADR 004): its own provenance, then the import rewrites it from the file.
        await app.db.write(
          `MATCH (c:Cooperation {id: $id})
         OPTIONAL MATCH (c)-[:HAS_VERSION]->(v:CooperationVersion) DETACH DELETE v
         WITH DISTINCT c
         SET c.provenance = 'RESEARCHED', c.verifiedAt = datetime($verifiedAt)
         REMOVE c.version, c.changedAt, c.actorId, c.reviewerId, c.contributionId, c.changeSummary, c.lastWriteId, c.lastWriteSeq, c.sourceReference, c.endDate`,
          { id: target, verifiedAt: original.records[0]!.get('verifiedAt') },
        );
        await app.db.write("MATCH (k:Contribution {cooperationId: $id, origin: 'EDIT'}) WHERE k.authorId = $office DETACH DELETE k", {
          id: target,
          office: users.office.id,
        });
        await writeData({ driver: app.driver }, data);
        const restored = await app.db.read('MATCH (c:Cooperation {id: $id}) RETURN c.description AS description, c.provenance AS provenance', { id: target });
        expect(restored.records[0]!.toObject()).toEqual({ description: original.records[0]!.get('description'), provenance: 'RESEARCHED' });
      }
    },
  );
});
