/**
 * The funding check of an idea (issue 12, part 7: `ProjectIdea.fundingCheck`) against the real test Neo4j with the
 * NRW register. The database is shared with the other files (docs/decisions/004): this file makes its own accounts
 * and ideas and removes them at the end (audit events stay).
 */
import { AccountRole, AccountStatus } from '@ka/server/src/modules/accounts/account.type';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createAccount, removeSessions, signedIn } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
/** A real pair of the register: an active cooperation covering `task` with both as municipal members. */
let pair: { owner: string; partner: string; task: string; cooperationId: string; cooperationName: string };
/** An NRW municipality that shares no cooperation in the task with the owner, and one across the Land border. */
let freePartner: string;
let crossBorderPartner: string;
const accounts: string[] = [];
let owner: Client;
let other: Client;
let otherAgs: string;
let anonymous: Client;

const CHECK = `query Check($id: ID!, $partners: [ID!]!, $cost: Int) {
  projectIdea(id: $id) { id ownerRevealed fundingCheck(partnerAgs: $partners, projectCostEur: $cost) {
    partners { ags crossBorder } nrwPartners otherPartners projectCostEur eligibleOnceDeclared
    items { key state labelDe labelEn reasonDe reasonEn }
    existingCooperations { id name status blocks unconfirmed members { ags } }
    estimate { eligible maxGrantEur crossBorder nrwPartners reasonDe reasonEn } } } }`;

async function postIdea(client: Client, municipalityAgs: string, taskAreaId: string, visibility = 'PUBLIC'): Promise<string> {
  const { data, errors } = await client.graphql<any>(`mutation Create($input: CreateProjectIdeaInput!) { createProjectIdea(input: $input) { idea { id } } }`, {
    input: {
      municipalityAgs,
      title: 'Förderprüfung Test',
      taskAreaId,
      description: 'Ein Vorhaben, um die Förderprüfung mit echten Registerdaten zu prüfen.',
      partnersSought: 2,
      fundingPlanned: true,
      visibility,
    },
  });
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data.createProjectIdea.idea.id;
}

beforeAll(async () => {
  app = await startTestApp();
  // A pair of the register whose first member also has an NRW neighbour sharing no cooperation of any status in the task.
  const found = await app.db.read(
    `MATCH (c:Cooperation {status: 'ACTIVE'})-[:COVERS]->(t:TaskArea)
     MATCH (a:Municipality)-[:MEMBER_OF]->(c)<-[:MEMBER_OF]-(b:Municipality)
     WHERE a.stateKey = '05' AND b.stateKey = '05' AND a.ags <> b.ags AND a.centroid IS NOT NULL AND b.centroid IS NOT NULL
     MATCH (a)-[:BORDERS]-(x:Municipality) WHERE x.stateKey = '05' AND x.centroid IS NOT NULL
       AND NOT EXISTS { MATCH (a)-[:MEMBER_OF]->(k:Cooperation)<-[:MEMBER_OF]-(x) WHERE (k)-[:COVERS]->(:TaskArea {id: t.id}) }
     RETURN a.ags AS owner, b.ags AS partner, t.id AS task, c.id AS id, c.name AS name, x.ags AS free
     ORDER BY c.id, a.ags, b.ags, x.ags LIMIT 1`,
  );
  const row = found.records[0]!;
  pair = { owner: row.get('owner'), partner: row.get('partner'), task: row.get('task'), cooperationId: row.get('id'), cooperationName: row.get('name') };
  freePartner = row.get('free');
  const cross = await app.db.read(`MATCH (m:Municipality:CrossBorder) WHERE m.centroid IS NOT NULL RETURN m.ags AS ags ORDER BY m.ags LIMIT 1`);
  crossBorderPartner = cross.records[0]!.get('ags');

  const staff = await createAccount(app.db, AccountRole.STAFF, AccountStatus.ACTIVE, [pair.owner], 'funding-owner');
  otherAgs = freePartner;
  const otherStaff = await createAccount(app.db, AccountRole.STAFF, AccountStatus.ACTIVE, [otherAgs], 'funding-other');
  accounts.push(staff.id, otherStaff.id);
  owner = await signedIn(app.url, staff.email);
  other = await signedIn(app.url, otherStaff.email);
  anonymous = new Client(app.url);
});

afterAll(async () => {
  if (app) {
    await app.db.write(
      `MATCH (i:ProjectIdea) WHERE i.createdBy IN $ids OPTIONAL MATCH (x:Interest {ideaId: i.id}) OPTIONAL MATCH (n:Notice {ideaId: i.id}) DETACH DELETE i, x, n`,
      { ids: accounts },
    );
    await app.db.write('MATCH (n:Notice) WHERE n.accountId IN $ids DETACH DELETE n', { ids: accounts });
    await removeSessions(app.db, accounts);
  }
  await app?.close();
});

describe('ProjectIdea.fundingCheck on the real register', () => {
  it('refuses the funding of a pair that already cooperates in the task, naming the register’s cooperation', async () => {
    const id = await postIdea(owner, pair.owner, pair.task);
    const { data, errors } = await owner.graphql<any>(CHECK, { id, partners: [pair.partner], cost: 200_000 });
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    const check = data.projectIdea.fundingCheck;
    expect(check.items.map((i: any) => [i.key, i.state])).toEqual([
      ['NEW_COOPERATION', 'NOT_MET'],
      ['PARTNERS', 'MET'],
      ['FIVE_YEAR_COMMITMENT', 'TO_DECLARE'],
      ['SAVING_OR_IMPROVEMENT', 'TO_DECLARE'],
    ]);
    expect(check.items[0].reasonDe).toContain(`„${pair.cooperationName}“`);
    expect(check.existingCooperations).toContainEqual(
      expect.objectContaining({ id: pair.cooperationId, blocks: true, status: 'ACTIVE', members: [{ ags: pair.owner }, { ags: pair.partner }] }),
    );
    expect(check.estimate).toMatchObject({ eligible: false, maxGrantEur: 0 });
    expect(check.eligibleOnceDeclared).toBe(false);
  });

  it('gives a new pair the same grant as the partner finder’s funding fact (one rule), capped at 90 % of the cost', async () => {
    const id = await postIdea(owner, pair.owner, pair.task);
    const { data } = await owner.graphql<any>(CHECK, { id, partners: [freePartner], cost: 150_000 });
    const check = data.projectIdea.fundingCheck;
    expect(check.items[0]).toMatchObject({ key: 'NEW_COOPERATION', state: 'MET' });
    expect(check).toMatchObject({ nrwPartners: 2, otherPartners: 0, projectCostEur: 150_000, eligibleOnceDeclared: true });
    expect(check.estimate).toMatchObject({ eligible: true, maxGrantEur: 135_000 });

    const finder = await app.graphql<any>(
      `query { partnerSuggestions(ags: "${pair.owner}", taskArea: "${pair.task}", options: { limit: 50, maxDistanceKm: 100, projectCostEur: 150000 }) {
         candidates { municipality { ags } funding { eligible maxGrantEur reasonDe } } } }`,
    );
    const candidate = finder.data!.partnerSuggestions.candidates.find((c: any) => c.municipality.ags === freePartner);
    expect(candidate, 'the neighbour is among the partner finder’s candidates').toBeDefined();
    expect(check.estimate.maxGrantEur).toBe(candidate.funding.maxGrantEur);
    expect(check.estimate.reasonDe).toBe(candidate.funding.reasonDe);
  });

  it('takes a municipality across the Land border as the cross-border case (75,000 €)', async () => {
    const id = await postIdea(owner, pair.owner, pair.task);
    const { data, errors } = await owner.graphql<any>(CHECK, { id, partners: [crossBorderPartner] });
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    const check = data.projectIdea.fundingCheck;
    expect(check.partners).toEqual([{ ags: crossBorderPartner, crossBorder: true }]);
    expect(check.items[1]).toMatchObject({ key: 'PARTNERS', state: 'MET' });
    expect(check.items[1].reasonDe).toMatch(/^Länderübergreifend/);
    expect(check.estimate).toMatchObject({ eligible: true, crossBorder: true, maxGrantEur: 75_000 });
  });

  it('refuses bad partner lists and costs with a clear error, for every caller that sees the idea', async () => {
    const id = await postIdea(owner, pair.owner, pair.task);
    const refused = async (partners: unknown, cost: unknown, pattern: RegExp) => {
      const { data, errors } = await anonymous.graphql<any>(CHECK, { id, partners, cost });
      expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)).toBe('BAD_USER_INPUT');
      expect(errors![0]!.extensions!.messageDe).toMatch(pattern);
      expect(data?.projectIdea?.fundingCheck ?? null).toBeNull();
    };
    await refused([], null, /1 bis 30 Partner/);
    await refused(
      Array.from({ length: 31 }, (_, i) => String(5_000_000 + i).padStart(8, '0')),
      null,
      /1 bis 30 Partner/,
    );
    await refused([pair.owner], null, /Kommune des Vorhabens ist selbst kein Partner/);
    await refused([freePartner, freePartner], null, /doppelt/);
    await refused(['1234'], null, /8 Ziffern/);
    await refused(['09162000'], null, /keine Kommune in NRW oder eine der Nachbarkommunen/); // München: not a candidate
    await refused([freePartner], 0, /Projektkosten/);
    await refused([freePartner], 100_000_001, /Projektkosten/);
    // A public idea: the anonymous visitor who sees it may check it.
    const fine = await anonymous.graphql<any>(CHECK, { id, partners: [freePartner] });
    expect(fine.errors).toBeUndefined();
    expect(fine.data.projectIdea.fundingCheck.estimate.maxGrantEur).toBe(175_000);
  });

  it('is null for a party that sees an office-only idea anonymised, and the idea stays hidden from everyone else', async () => {
    const id = await postIdea(owner, pair.owner, pair.task, 'PUBLIC');
    const interest = await other.graphql<any>(`mutation I($input: ExpressInterestInput!) { expressInterest(input: $input) { interest { id } } }`, {
      input: { ideaId: id, municipalityAgs: otherAgs, message: 'Wir möchten gern mitmachen.' },
    });
    expect(interest.errors, JSON.stringify(interest.errors)).toBeUndefined();
    const version = (await owner.graphql<any>(`query V($id: ID!) { projectIdea(id: $id) { version } }`, { id })).data.projectIdea.version;
    const narrowed = await owner.graphql<any>(`mutation U($input: UpdateProjectIdeaInput!) { updateProjectIdea(input: $input) { idea { visibility } } }`, {
      input: { ideaId: id, expectedVersion: version, visibility: 'OFFICE_ONLY' },
    });
    expect(narrowed.errors, JSON.stringify(narrowed.errors)).toBeUndefined();

    const party = await other.graphql<any>(CHECK, { id, partners: [pair.partner] });
    expect(party.errors).toBeUndefined();
    expect(party.data.projectIdea).toMatchObject({ ownerRevealed: false, fundingCheck: null });
    const stranger = await anonymous.graphql<any>(CHECK, { id, partners: [pair.partner] });
    expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The owner still checks it in full.
    const own = await owner.graphql<any>(CHECK, { id, partners: [freePartner] });
    expect(own.data.projectIdea.fundingCheck.partners).toEqual([{ ags: freePartner, crossBorder: false }]);
  });
});
