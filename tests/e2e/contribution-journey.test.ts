import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRepository } from '@ka/server/src/modules/accounts/account.repository';
import { AccountService } from '@ka/server/src/modules/accounts/account.service';
import { AccountRole, AccountStatus } from '@ka/server/src/modules/accounts/account.type';
import { DEFAULT_AUTH_OPTIONS } from '@ka/server/src/modules/accounts/auth.options';
import { NO_HTTP } from '@ka/server/src/modules/accounts/auth.request';
import { accountIdsByEmail, createAccount, PASSWORD, removeSessions, uniqueEmail } from '../support/accounts';
import { accessibilityViolations, screenshot } from '../support/browser';
import { api, visibleText } from '../support/browser-checks';
import { useBrowserSession } from '../support/browser-session';
import { removeTestRecords } from '../support/register';

/**
 * Issue 11's browser journey: staff of a municipality registers, the office confirms; the staff member reports a new
 * cooperation with a neighbour (with a source URL); the office approves; the profile and the partner finder show it
 * at once; the history shows both steps; an anonymous visitor sees the cooperation but no contact person. Everything
 * it writes carries PREFIX and is removed at the end (ADR 004).
 */
const session = useBrowserSession();
const PREFIX = 'E2E-Meldung';
const HOME = '05958036'; // Olsberg
const HOME_NAME = 'Olsberg';
const TASK = 'standesamt';
const SOURCE_URL = 'https://www.olsberg.de/amtsblatt/2026-11-standesamt.pdf';
const CONTACT = 'Erika Beispielfrau';

const staff = { name: 'Petra Prüfstein', email: uniqueEmail('e2e-staff') };
let office: { id: string; email: string };
let admin: { id: string; email: string };
let neighbour: { ags: string; shortName: string };
let taskName: string;
let cooperationId: string | null = null;
const cooperationName = `${PREFIX} Gemeinsames Standesamt ${Date.now().toString(36)}`;

interface Suggestions {
  partnerSuggestions: { candidates: Array<{ municipality: { ags: string; shortName: string } }>; existingPartners: Array<{ ags: string }> };
}
const suggestionsQuery = `query($ags: ID!, $task: ID!) { partnerSuggestions(ags: $ags, taskArea: $task, options: { limit: 30 }) {
  candidates { municipality { ags shortName } } existingPartners { ags } } }`;

const page = (): Page => session.page;

async function signIn(email: string): Promise<void> {
  await page().goto(`${session.app.url}/anmelden`);
  await page().getByLabel('E-Mail-Adresse').fill(email);
  await page().getByLabel('Passwort').fill(PASSWORD);
  await page().getByRole('button', { name: 'Anmelden', exact: true }).click();
}

async function signOut(): Promise<void> {
  await page().getByRole('button', { name: 'Abmelden' }).click();
  await expect.poll(() => page().getByRole('link', { name: 'Anmelden', exact: true }).count()).toBe(1);
}

/** The page at 1366 px and at 375 px (a phone), then back. */
async function screenshots(name: string): Promise<void> {
  await page().setViewportSize({ width: 1366, height: 900 });
  await screenshot(page(), `${name}-1366`);
  await page().setViewportSize({ width: 375, height: 812 });
  // No sideways scrolling on a phone.
  expect(await page().evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(page(), `${name}-375`);
  await page().setViewportSize({ width: 1366, height: 900 });
}

beforeAll(async () => {
  office = await createAccount(session.app.db, AccountRole.OFFICE, AccountStatus.ACTIVE, [], 'e2e-office');
  // An administrator the way `pnpm admin:create` makes one.
  const created = await new AccountService(new AccountRepository(session.app.db), DEFAULT_AUTH_OPTIONS).createAdmin(
    uniqueEmail('e2e-admin'),
    'Ada Administratorin',
    PASSWORD,
    NO_HTTP,
  );
  admin = { id: created.id, email: created.email };
  // A neighbour the finder suggests for the Standesamt today: after the approval it must be an existing partner.
  const borders = await session.app.db.read(
    'MATCH (:Municipality {ags: $ags})-[b:BORDERS]-(n:Municipality) WHERE NOT b.touch AND NOT n:CrossBorder RETURN collect(n.ags) AS ags',
    { ags: HOME },
  );
  const neighbours = new Set(borders.records[0]!.get('ags') as string[]);
  const before = await api<Suggestions>(session.app, suggestionsQuery, { ags: HOME, task: TASK });
  const candidate = before.partnerSuggestions.candidates.find((c) => neighbours.has(c.municipality.ags));
  if (!candidate) throw new Error(`no neighbour of ${HOME_NAME} among the suggestions for ${TASK}`);
  neighbour = candidate.municipality;
  const { taskAreas } = await api<{ taskAreas: Array<{ id: string; nameDe: string }> }>(session.app, '{ taskAreas { id nameDe } }');
  taskName = taskAreas.find((a) => a.id === TASK)!.nameDe;
});

afterAll(async () => {
  if (!session.app) return;
  const staffIds = await accountIdsByEmail(session.app.db, [staff.email]);
  const mine = await session.app.db.read('MATCH (c:Cooperation) WHERE c.name STARTS WITH $prefix RETURN collect(c.id) AS ids', { prefix: PREFIX });
  const contacts = await session.app.db.read('MATCH (p:ContactPerson) WHERE p.name = $name RETURN collect(p.id) AS ids', { name: CONTACT });
  await removeTestRecords(session.app.db, {
    cooperationIds: mine.records[0]!.get('ids') as string[],
    authorIds: [...staffIds, office.id],
    contactIds: contacts.records[0]!.get('ids') as string[],
  });
  await removeSessions(session.app.db, [...staffIds, office.id, admin.id]);
});

describe('a municipality reports a cooperation and the office approves it', () => {
  it('staff of Olsberg registers with the municipality search; the account waits for the office', async () => {
    await page().goto(`${session.app.url}/registrieren`);
    await page().getByLabel('Ihr Name').fill(staff.name);
    await page().getByLabel('E-Mail-Adresse').fill(staff.email);
    await page().getByLabel('Passwort').fill(PASSWORD);
    const search = page().getByRole('combobox', { name: 'Kommune hinzufügen' });
    await search.fill('olsberg');
    await expect.poll(() => page().getByRole('option').first().textContent()).toContain('Olsberg');
    await search.press('Enter');
    await expect.poll(() => page().getByRole('list', { name: 'Ihre Kommunen' }).textContent()).toContain('Olsberg');
    // The keyboard stays in the search for the next municipality.
    expect(await page().evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    expect(await accessibilityViolations(page())).toEqual([]);
    await page().getByRole('button', { name: 'Registrierung absenden' }).click();
    await expect.poll(() => page().getByRole('status').first().textContent()).toContain('wartet auf Bestätigung durch die Geschäftsstelle');

    // Not yet: signing in says why, in German only, and keeps the e-mail address.
    await signIn(staff.email);
    await expect.poll(() => page().getByRole('alert').textContent()).toContain('wartet noch auf Bestätigung');
    expect(await page().getByRole('alert').textContent()).not.toMatch(/pending|waiting/i);
    expect(await page().getByLabel('E-Mail-Adresse').inputValue()).toBe(staff.email);

    // The same refusal in English says it in English only.
    await page().goto(`${session.app.url}/anmelden?lang=en`);
    await page().getByLabel('E-mail address').fill(staff.email);
    await page().getByLabel('Password').fill(PASSWORD);
    await page().getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page().getByRole('alert').textContent()).toContain('still waiting for confirmation by the office');
    expect(await page().getByRole('alert').textContent()).not.toMatch(/Bestätigung|Konto/);
    await page().goto(`${session.app.url}/anmelden?lang=de`);
    await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toBe('Anmelden');
  });

  it('the office signs in and confirms the account from its worklist', async () => {
    await page().goto(`${session.app.url}/anmelden`);
    await page().getByLabel('E-Mail-Adresse').fill(office.email);
    expect(await accessibilityViolations(page())).toEqual([]);
    await screenshots('contrib-1-sign-in');
    await signIn(office.email);
    await page().waitForURL(/\/konto$/);
    await expect.poll(() => visibleText(page().getByTestId('signed-in-as'))).toBe('Test e2e-office (Geschäftsstelle)');

    await page().getByRole('list', { name: 'Konto' }).getByRole('link', { name: 'Arbeitsliste' }).click();
    await page().waitForURL(/\/geschaeftsstelle$/);
    const row = page().getByTestId('pending-account').filter({ hasText: staff.email });
    await expect.poll(() => row.textContent()).toContain('Olsberg');
    await row.getByRole('button', { name: `Bestätigen: ${staff.name}` }).click();
    await expect.poll(() => page().getByRole('status').filter({ hasText: 'ist bestätigt' }).count()).toBe(1);
    await expect.poll(() => page().getByTestId('pending-account').filter({ hasText: staff.email }).count()).toBe(0);
    await signOut();
  });

  it('the staff member reports a new cooperation with a neighbour from the profile; a refused submit loses nothing', async () => {
    await signIn(staff.email);
    await page().waitForURL(/\/konto$/);
    await expect.poll(() => visibleText(page().getByTestId('signed-in-as'))).toBe(`${staff.name} (Kommune)`);

    await page().goto(`${session.app.url}/kommune/${HOME}`);
    await page().getByRole('link', { name: 'Kooperation melden' }).click();
    await page().waitForURL(new RegExp(`/melden\\?ags=${HOME}$`));
    await page().getByLabel('Name der Kooperation').fill(cooperationName);
    await page().getByLabel('Rechtsform').selectOption('OEFFENTLICH_RECHTLICHE_VEREINBARUNG');
    await page().getByLabel('Beginn (Jahr)').fill('2026');
    await page().getByRole('checkbox', { name: taskName, exact: true }).check();
    // Olsberg is a member already; the neighbour is added through the search.
    await expect.poll(() => page().getByTestId('member-draft').allTextContents()).toEqual([expect.stringContaining(HOME_NAME)]);
    await page().getByRole('combobox', { name: 'Mitglied suchen (Kommune)' }).fill(neighbour.shortName);
    await page()
      .getByRole('option')
      .filter({ hasText: `AGS ${neighbour.ags}` })
      .click();
    await expect.poll(() => page().getByTestId('member-draft').count()).toBe(2);

    // Without a source the API refuses; the message names the source and everything typed is still there.
    await page().getByRole('button', { name: 'Meldung absenden' }).click();
    const alert = page().getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/Quelle/);
    expect(await alert.textContent()).toContain('Ihre Eingaben sind erhalten geblieben.');
    expect(await page().getByLabel('Name der Kooperation').inputValue()).toBe(cooperationName);
    expect(await page().getByTestId('member-draft').count()).toBe(2);

    await page().getByLabel('Internetadresse der Quelle').fill(SOURCE_URL);
    await page().getByLabel('Hinweis an die Geschäftsstelle (optional)').fill('Beschluss beider Räte vom November 2026.');
    expect(await accessibilityViolations(page())).toEqual([]);
    await screenshots('contrib-2-report-form');
    await page().getByRole('button', { name: 'Meldung absenden' }).click();
    await expect.poll(() => page().getByTestId('report-sent').textContent()).toContain('wartet auf Prüfung durch die Geschäftsstelle');

    // Not in the register before the office has looked at it.
    const before = await api<Suggestions>(session.app, suggestionsQuery, { ags: HOME, task: TASK });
    expect(before.partnerSuggestions.candidates.map((c) => c.municipality.ags)).toContain(neighbour.ags);

    await page().getByRole('link', { name: 'Zu meinen Meldungen' }).click();
    const mine = page().getByTestId('my-contribution').filter({ hasText: cooperationName });
    await expect.poll(() => mine.textContent()).toContain('wartet auf Prüfung');
    await signOut();
  });

  it('the office sees the report in its worklist and approves it', async () => {
    await signIn(office.email);
    await page().waitForURL(/\/konto$/);
    await page().goto(`${session.app.url}/geschaeftsstelle`);
    const report = page().getByTestId('pending-contribution').filter({ hasText: cooperationName });
    await expect.poll(() => report.textContent()).toContain(staff.name);
    expect(await report.textContent()).toContain(SOURCE_URL);
    expect(await accessibilityViolations(page())).toEqual([]);
    await screenshots('contrib-3-worklist');
    await report.getByRole('button', { name: `Übernehmen: ${cooperationName}` }).click();
    await expect.poll(() => page().getByRole('status').filter({ hasText: 'steht jetzt im Register' }).count()).toBe(1);
    const found = await session.app.db.read('MATCH (c:Cooperation {name: $name}) RETURN c.id AS id, c.provenance AS provenance', { name: cooperationName });
    expect(found.records.map((r) => r.get('provenance'))).toEqual(['USER']);
    cooperationId = found.records[0]!.get('id') as string;
  });

  it('the profile and the partner finder show it at once: the neighbour is now an existing partner', async () => {
    await page().goto(`${session.app.url}/kommune/${HOME}`);
    await expect.poll(() => page().getByRole('link', { name: cooperationName }).count()).toBe(1);

    await page().goto(`${session.app.url}/partner?ags=${HOME}&aufgabe=${TASK}`);
    await expect
      .poll(() => page().getByText('Nicht vorgeschlagen, weil sie in diesem Aufgabenfeld bereits mit Ihnen kooperieren').textContent())
      .toContain(neighbour.shortName);
    const candidates = await page().getByTestId('candidate').locator('h2 a').allTextContents();
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates).not.toContain(neighbour.shortName);
    const after = await api<Suggestions>(session.app, suggestionsQuery, { ags: HOME, task: TASK });
    expect(after.partnerSuggestions.existingPartners.map((p) => p.ags)).toContain(neighbour.ags);
    expect(after.partnerSuggestions.candidates.map((c) => c.municipality.ags)).not.toContain(neighbour.ags);
  });

  it('the cooperation page says when it was verified and shows both steps in its history; the office adds a contact person', async () => {
    await page().goto(`${session.app.url}/kooperationen/${cooperationId}`);
    await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toBe(cooperationName);
    const today = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium' }).format(new Date());
    await expect.poll(() => page().getByTestId('verified').textContent()).toBe(`zuletzt geprüft am ${today}`);
    const entry = page().getByTestId('history-entry').first();
    await expect.poll(() => entry.textContent()).toContain(`von ${staff.name}`);
    expect(await entry.textContent()).toContain('geprüft von Test e2e-office');
    expect(await entry.textContent()).toContain(SOURCE_URL);
    expect(await entry.textContent()).toContain('von Kommunen gemeldet');

    await page().getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
    await page().getByLabel('Name', { exact: true }).fill(CONTACT);
    await page().getByLabel('Funktion').fill('Leitung Standesamt');
    await page().getByLabel('E-Mail', { exact: true }).fill('standesamt@olsberg.example');
    await page().getByLabel('Einwilligung vom').fill('2026-11-20');
    await page().getByRole('button', { name: 'Ansprechperson speichern' }).click();
    await expect.poll(() => page().getByTestId('contact-person').textContent()).toContain(CONTACT);
    expect(await accessibilityViolations(page())).toEqual([]);
    await signOut();
  });

  it('an anonymous visitor sees the cooperation and its history, but no contact person', async () => {
    await page().goto(`${session.app.url}/kooperationen/${cooperationId}`);
    await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toBe(cooperationName);
    await expect.poll(() => page().getByTestId('history-entry').count()).toBe(1);
    const text = await page().locator('main').innerText();
    expect(text).toContain('Ansprechpersonen sehen nur angemeldete');
    expect(text).not.toContain(CONTACT);
    expect(text).not.toContain('standesamt@olsberg.example');
    // Who acted is for signed-in users only.
    expect(text).not.toContain(staff.name);
    expect(await page().getByRole('link', { name: 'Änderung melden' }).count()).toBe(0);
    // And the API itself refuses them to an anonymous caller.
    const response = await session.app.graphql(`query($id: ID!) { cooperation(id: $id) { contactPersons { name } } }`, { id: cooperationId });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
  it('an administrator sees the accounts with their roles and the audit log of the journey', async () => {
    await signIn(admin.email);
    await page().waitForURL(/\/konto$/);
    await expect.poll(() => visibleText(page().getByTestId('signed-in-as'))).toBe('Ada Administratorin (Administration)');
    await page().getByRole('list', { name: 'Konto' }).getByRole('link', { name: 'Konten' }).click();
    const row = page().getByTestId('account-row').filter({ hasText: staff.email });
    await expect.poll(() => row.textContent()).toContain('aktiv');
    expect(await row.textContent()).toContain('Olsberg');
    expect(await row.getByRole('combobox', { name: `Rolle von ${staff.name}` }).inputValue()).toBe('STAFF');
    expect(await accessibilityViolations(page())).toEqual([]);

    await page().getByRole('list', { name: 'Konto' }).getByRole('link', { name: 'Protokoll' }).click();
    await expect.poll(() => page().getByTestId('audit-row').count()).toBeGreaterThan(5);
    const actions = await page().getByTestId('audit-row').locator('td:nth-child(2)').allTextContents();
    for (const action of ['SIGN_IN', 'REGISTER', 'CONFIRM', 'CONTRIBUTION_SUBMITTED', 'CONTRIBUTION_APPROVED', 'CONTACT_PERSON_ADDED'])
      expect(actions).toContain(action);
    // Read-only: the page offers nothing to change.
    expect(await page().locator('main').getByRole('button').filter({ hasNotText: 'Weitere laden' }).count()).toBe(0);
    await signOut();
  });

  it('two edits of the same record: the second gets the CONFLICT message with the current version, and loses nothing', async () => {
    await signIn(office.email);
    await page().waitForURL(/\/konto$/);
    const { cooperation } = await api<{ cooperation: { version: number } }>(session.app, 'query($id: ID!) { cooperation(id: $id) { version } }', {
      id: cooperationId,
    });
    const edit = `${session.app.url}/kooperationen/${cooperationId}/aendern`;
    await page().goto(edit);
    await expect.poll(() => page().getByLabel('Name der Kooperation').inputValue()).toBe(cooperationName);

    // A second tab of the office saves first.
    const other = await session.context.newPage();
    await other.goto(edit);
    await expect.poll(() => other.getByLabel('Name der Kooperation').inputValue()).toBe(cooperationName);
    await other.getByLabel('Sitz').fill('Olsberg');
    await other.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => other.getByTestId('report-sent').textContent()).toContain(`Gespeichert: Version ${cooperation.version + 1}`);
    await other.close();

    const tasks = 'Gemeinsames Standesamt für beide Städte';
    await page().getByLabel('Aufgaben (kurz)').fill(tasks);
    await page().getByRole('button', { name: 'Speichern' }).click();
    const conflict = page().getByTestId('conflict');
    await expect.poll(() => conflict.textContent()).toContain('Der Eintrag wurde inzwischen geändert');
    expect(await conflict.textContent()).toContain(`Aktuelle Fassung (Version ${cooperation.version + 1})`);
    expect(await conflict.textContent()).toContain('SitzOlsberg');
    expect(await page().getByLabel('Aufgaben (kurz)').inputValue()).toBe(tasks);
    expect(await accessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'contrib-4-conflict-1366');

    await conflict.getByRole('button', { name: `Meine Fassung trotzdem auf Version ${cooperation.version + 1} anwenden` }).click();
    await expect.poll(() => page().getByTestId('report-sent').textContent()).toContain(`Gespeichert: Version ${cooperation.version + 2}`);
    // Never silently: the office saw the current version and chose to apply its own; the history keeps every version.
    await page().goto(`${session.app.url}/kooperationen/${cooperationId}`);
    await expect.poll(() => page().getByTestId('history-entry').count()).toBe(3);
    await signOut();
  });
});
