import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRole, AccountStatus } from '@ka/server/src/modules/accounts/account.type';
import { createAccount, PASSWORD, removeSessions, signedIn } from '../support/accounts';
import { accessibilityViolations, screenshot, SCREENSHOT_DIR } from '../support/browser';
import { api, visibleText } from '../support/browser-checks';
import { useBrowserSession } from '../support/browser-session';

/**
 * The Kooperationsbörse in the browser (issue 12, parts 1–3, the inbox of part 5, and part 8): staff of Medebach posts
 * a public idea (a refused submit keeps the input, the keyboard alone can post one, a stale edit shows the current
 * version); an anonymous visitor finds it on the board and on the map; staff of the neighbour the engine ranks first
 * finds it by the Kreis filter and under „Passen zu uns“, sees an office-only idea proposed to it without its owner,
 * and expresses interest; Medebach sees the notice in its inbox and accepts; only then do both see each other's
 * contact persons. The office posts for any municipality, completes and withdraws. English labels after the language
 * switch. Every page is checked with axe, and the console stays clean. Everything it writes is removed at the end.
 */
const session = useBrowserSession();
const RUN = randomUUID().slice(0, 8);
const MEDEBACH = '05958028';
const MEDEBACH_NAME = 'Medebach';
const HSK = '05958'; // Hochsauerlandkreis
const TASK = 'standesamt';
const RADIUS = 40;
const TARGET = 30000;
const TITLE = `E2E-Börse Gemeinsames Standesamt ${RUN}`;
const KEYBOARD_TITLE = `E2E-Börse Tastatur ${RUN}`;
const DESCRIPTION = 'Wir suchen Partner für ein gemeinsames Standesamt mit Trauorten in jeder beteiligten Kommune.';
const contacts = {
  a: { name: `Anna Ansprech ${RUN}`, email: `kontakt-a-${RUN}@medebach.test.invalid`, phone: '+49 2982 4000-11' },
  b: { name: `Bernd Nachbar ${RUN}`, email: `kontakt-b-${RUN}@nachbar.test.invalid`, phone: '+49 2981 9999-22' },
};

let staffA: { id: string; email: string };
let staffB: { id: string; email: string };
let office: { id: string; email: string };
const OFFICE_TITLE = `E2E-Börse Vertraulich ${RUN}`;
const OFFICE_POSTED = `E2E-Börse Von der Geschäftsstelle ${RUN}`;
let neighbour: { ags: string; shortName: string };
let taskName: string;
let ideaId = '';
let keyboardIdeaId = '';
const contactIds: string[] = [];

const page = (): Page => session.page;

async function signIn(email: string): Promise<void> {
  await page().goto(`${session.app.url}/anmelden`);
  await page().getByLabel('E-Mail-Adresse').fill(email);
  await page().getByLabel('Passwort').fill(PASSWORD);
  await page().getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page().waitForURL(/\/konto$/);
}

async function signOut(): Promise<void> {
  await page().getByRole('button', { name: 'Abmelden' }).click();
  await expect.poll(() => page().getByRole('link', { name: 'Anmelden', exact: true }).count()).toBe(1);
}

async function expectAxeClean(): Promise<void> {
  expect(await accessibilityViolations(page())).toEqual([]);
}

/** The page at 1366 px and at 375 px (a phone, no sideways scrolling), then back. */
async function screenshots(name: string): Promise<void> {
  await page().setViewportSize({ width: 1366, height: 900 });
  await screenshot(page(), `${name}-1366`);
  await page().setViewportSize({ width: 375, height: 812 });
  try {
    await screenshot(page(), `${name}-375`);
    // Wider than the phone: name the elements that stick out, so the failure says where.
    const wide = await page().evaluate(() =>
      document.documentElement.scrollWidth > 375
        ? Array.from(document.querySelectorAll('main *'))
            .filter((e) => e.getBoundingClientRect().right > 376)
            .slice(0, 8)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)})`)
        : [],
    );
    expect(wide, 'elements wider than a phone').toEqual([]);
  } finally {
    await page().setViewportSize({ width: 1366, height: 900 });
  }
}

/** Presses Tab until the element has the focus (at most 80 times): it is reachable by the keyboard alone. */
async function tabTo(target: Locator): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page().keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${await target.evaluate((e) => e.outerHTML.slice(0, 120))}`);
}

/** Requests the API refused before running them (HTTP 400): named with their operation, for the failure message. */
const refused: string[] = [];

beforeAll(async () => {
  session.context.on('response', async (response) => {
    if (response.status() !== 400) return;
    const body = response.request().postData() ?? '';
    refused.push(`${response.request().method()} ${response.url()} ${body.slice(0, 300)} → ${(await response.text().catch(() => '')).slice(0, 300)}`);
  });
  // B is the first NRW neighbour in the engine's ranking for Medebach's Standesamt idea: the idea must rank B high.
  const ranking = await api<{
    partnerSuggestions: { candidates: Array<{ rank: number; municipality: { ags: string; shortName: string; crossBorder: boolean } }> };
  }>(
    session.app,
    `query($ags: ID!, $task: ID!) { partnerSuggestions(ags: $ags, taskArea: $task, options: { maxDistanceKm: ${RADIUS}, targetPopulation: ${TARGET}, limit: 10 }) {
      candidates { rank municipality { ags shortName crossBorder } } } }`,
    { ags: MEDEBACH, task: TASK },
  );
  const first = ranking.partnerSuggestions.candidates.find((c) => !c.municipality.crossBorder);
  if (!first) throw new Error('no NRW candidate for Medebach');
  neighbour = first.municipality;
  staffA = await createAccount(session.app.db, AccountRole.STAFF, AccountStatus.ACTIVE, [MEDEBACH], 'e2e-board-a');
  staffB = await createAccount(session.app.db, AccountRole.STAFF, AccountStatus.ACTIVE, [neighbour.ags], 'e2e-board-b');
  office = await createAccount(session.app.db, AccountRole.OFFICE, AccountStatus.ACTIVE, [], 'e2e-board-office');
  // Each municipality's contact person, through the API as its staff would enter it.
  for (const [account, ags, c] of [
    [staffA, MEDEBACH, contacts.a],
    [staffB, neighbour.ags, contacts.b],
  ] as const) {
    const client = await signedIn(session.app.url, account.email);
    const { data, errors } = await client.graphql<{ addContactPerson: { contactPerson: { id: string } } }>(
      `mutation($input: AddContactPersonInput!) { addContactPerson(input: $input) { contactPerson { id } } }`,
      { input: { municipalityAgs: ags, name: c.name, function: 'Leitung Standesamt', email: c.email, phone: c.phone, consentGivenOn: '2026-11-01' } },
    );
    if (errors) throw new Error(JSON.stringify(errors));
    contactIds.push(data!.addContactPerson.contactPerson.id);
  }
  const { taskAreas } = await api<{ taskAreas: Array<{ id: string; nameDe: string }> }>(session.app, '{ taskAreas { id nameDe } }');
  taskName = taskAreas.find((a) => a.id === TASK)!.nameDe;
});

afterAll(async () => {
  expect(refused, 'requests refused with 400').toEqual([]);
  if (!session.app) return;
  const ids = [staffA?.id, staffB?.id, office?.id].filter(Boolean) as string[];
  await session.app.db.write(
    `MATCH (i:ProjectIdea) WHERE i.createdBy IN $ids
     OPTIONAL MATCH (x:Interest {ideaId: i.id})
     OPTIONAL MATCH (n:Notice {ideaId: i.id})
     DETACH DELETE i, x, n`,
    { ids },
  );
  await session.app.db.write('MATCH (n:Notice) WHERE n.accountId IN $ids DETACH DELETE n', { ids });
  await session.app.db.write('MATCH (p:ContactPerson) WHERE p.id IN $contactIds DETACH DELETE p', { contactIds });
  await removeSessions(session.app.db, ids);
});

describe('the Kooperationsbörse in the browser', () => {
  it('staff of Medebach posts a public idea; a refused submit keeps the input and names the field', async () => {
    await signIn(staffA.email);
    await page().getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kooperationsbörse' }).click();
    await page().waitForURL(/\/boerse$/);
    await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toBe('Kooperationsbörse');
    await page().getByRole('link', { name: 'Vorhaben einstellen' }).click();
    await page().waitForURL(/\/boerse\/neu$/);
    await expect.poll(() => page().getByLabel('Titel').count()).toBe(1);
    await page().getByLabel('Titel').fill(TITLE);
    await expect.poll(() => page().getByLabel('Aufgabenfeld').locator('option').count()).toBeGreaterThan(5);
    await page().getByLabel('Aufgabenfeld').selectOption(TASK);
    // Too short: the API refuses, the message stands at the description, nothing typed is lost.
    await page().getByLabel('Beschreibung').fill('kurz');
    await page().getByLabel('Gesuchte Partner (Anzahl)').fill('2');
    await page().getByLabel('Zielgröße in Einwohnern (optional)').fill(String(TARGET));
    await page().getByLabel('Umkreis in km (optional)').fill(String(RADIUS));
    await page().getByLabel('Zeitplan (optional)').fill('Start 2027');
    await page().getByLabel('Eine Förderung nach der Förderrichtlinie IKZ NRW ist geplant').check();
    await page().getByRole('radio', { name: 'Öffentlich' }).check();
    await page().getByRole('button', { name: 'Vorhaben einstellen' }).click();
    const problem = page().getByTestId('field-problem');
    await expect.poll(() => problem.textContent()).toMatch(/Beschreibung.*10 bis 5000 Zeichen|Beschreibung/);
    // The message belongs to the field: the description is marked invalid, described by it, and has the focus.
    const description = page().getByLabel('Beschreibung');
    expect(await description.getAttribute('aria-invalid')).toBe('true');
    expect(await description.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await page().getByLabel('Titel').inputValue()).toBe(TITLE);
    expect(await page().getByLabel('Zeitplan (optional)').inputValue()).toBe('Start 2027');
    expect(await description.inputValue()).toBe('kurz');
    await expectAxeClean();
    await screenshots('board-1-form-error');

    await description.fill(DESCRIPTION);
    await page().getByRole('button', { name: 'Vorhaben einstellen' }).click();
    await page().waitForURL(/\/boerse\/[0-9a-f-]{36}$/);
    ideaId = page().url().split('/').pop()!;
    await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toContain(TITLE);
    const facts = page().getByTestId('idea-facts');
    await expect.poll(() => facts.textContent()).toContain(MEDEBACH_NAME);
    expect(await facts.textContent()).toContain(taskName);
    expect(await facts.textContent()).toContain('40 km');
    // The engine's partners for it, with the finder's explanations: B among them.
    const candidates = page().getByTestId('idea-suggestions').getByTestId('candidate');
    await expect.poll(() => candidates.count()).toBeGreaterThan(0);
    expect(await candidates.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(neighbour.shortName)]));
    expect(await candidates.first().locator('.breakdown .reason').count()).toBeGreaterThan(0);
    // The owner manages it; no interest yet.
    expect(await page().getByRole('link', { name: 'Bearbeiten' }).count()).toBe(1);
    await expect.poll(() => page().getByTestId('idea-interests').textContent()).toContain('Noch hat keine Kommune Interesse bekundet.');
    await expectAxeClean();
    await screenshots('board-2-idea-owner');
  }, 120_000);

  it('posting works with the keyboard alone', async () => {
    await page().goto(`${session.app.url}/boerse/neu`);
    const title = page().getByLabel('Titel');
    await expect.poll(() => title.count()).toBe(1);
    await expect.poll(() => page().getByLabel('Aufgabenfeld').locator('option').count()).toBeGreaterThan(5);
    await page().locator('body').focus();
    await tabTo(title);
    await page().keyboard.type(KEYBOARD_TITLE);
    await page().keyboard.press('Tab');
    // The task-area list: typing the name's beginning selects it, as in any select.
    await page().keyboard.type(taskName.slice(0, 6));
    expect(await page().getByLabel('Aufgabenfeld').inputValue()).toBe(TASK);
    await page().keyboard.press('Tab');
    await page().keyboard.type(DESCRIPTION);
    await tabTo(page().getByRole('radio', { name: 'Öffentlich' }));
    // Arrow keys move within the radio group: to "Nur angemeldete Kommunen".
    await page().keyboard.press('ArrowDown');
    expect(await page().getByRole('radio', { name: 'Nur angemeldete Kommunen' }).isChecked()).toBe(true);
    await tabTo(page().getByRole('button', { name: 'Vorhaben einstellen' }));
    await page().keyboard.press('Enter');
    await page().waitForURL(/\/boerse\/[0-9a-f-]{36}$/);
    await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toContain(KEYBOARD_TITLE);
    expect(await page().getByTestId('idea-facts').textContent()).toContain('Nur angemeldete Kommunen');
    keyboardIdeaId = page().url().split('/').pop()!;
  }, 120_000);

  it('an edit based on a stale version shows the current one and can be saved over it', async () => {
    await page().goto(`${session.app.url}/boerse/${keyboardIdeaId}/aendern`);
    const timeline = page().getByLabel('Zeitplan (optional)');
    await expect.poll(() => timeline.count()).toBe(1);
    await timeline.fill('Ab Herbst 2027');
    // Meanwhile a colleague changes the title (version 1 → 2).
    const colleague = await signedIn(session.app.url, staffA.email);
    const changed = await colleague.graphql(`mutation($input: UpdateProjectIdeaInput!) { updateProjectIdea(input: $input) { idea { version } } }`, {
      input: { ideaId: keyboardIdeaId, expectedVersion: 1, title: `${KEYBOARD_TITLE} (geändert)` },
    });
    expect(changed.errors).toBeUndefined();
    await page().getByRole('button', { name: 'Änderungen speichern' }).click();
    const conflict = page().getByTestId('conflict');
    await expect.poll(() => conflict.textContent()).toContain('jetzt Version 2');
    await expect.poll(() => conflict.textContent()).toContain(`${KEYBOARD_TITLE} (geändert)`);
    expect(await timeline.inputValue()).toBe('Ab Herbst 2027');
    await expectAxeClean();
    await conflict.getByRole('button', { name: /Meine Fassung trotzdem speichern/ }).click();
    await page().waitForURL(new RegExp(`/boerse/${keyboardIdeaId}$`));
    await expect.poll(() => page().getByTestId('idea-facts').textContent()).toContain('Ab Herbst 2027');
    await signOut();
  }, 120_000);

  it('an anonymous visitor sees the public idea on the board and its municipality on the map, not the signed-in one', async () => {
    await page().goto(`${session.app.url}/boerse`);
    const cards = page().getByTestId('idea-card');
    await expect.poll(() => cards.filter({ hasText: TITLE }).count()).toBe(1);
    expect(await cards.filter({ hasText: KEYBOARD_TITLE }).count()).toBe(0);
    await expect.poll(() => page().getByTestId('board-map-names').textContent()).toContain(MEDEBACH_NAME);
    expect(await page().getByTestId('board-map-names').textContent()).toContain(TITLE);
    await expect.poll(() => page().locator('.board-map .leaflet-container').count()).toBe(1);
    // The help says who sees what.
    await page().getByText('Wie funktioniert die Kooperationsbörse').click();
    expect(await page().locator('.board-help').textContent()).toContain('Nur die Geschäftsstelle IKZ sieht es.');
    await expectAxeClean();
    await screenshots('board-3-anonymous');
    // The idea page: no interests, no contact details, no "Interesse bekunden" for an anonymous visitor.
    await cards.filter({ hasText: TITLE }).getByRole('link', { name: TITLE }).click();
    await page().waitForURL(new RegExp(`/boerse/${ideaId}$`));
    await expect.poll(() => page().getByTestId('idea-facts').count()).toBe(1);
    expect(await page().getByTestId('express-interest').count()).toBe(0);
    expect(await page().getByTestId('sign-in-to-express').textContent()).toContain('Interesse bekunden können angemeldete Mitarbeitende');
    expect(await page().locator('body').textContent()).not.toContain(contacts.a.email);
    // The funding check is for the owner side, accepted partners and the office: not for an anonymous visitor.
    await page().waitForLoadState('networkidle');
    expect(await page().getByTestId('funding-check').count()).toBe(0);
    await expectAxeClean();
  }, 120_000);

  it('staff of the neighbour finds it by the Kreis filter and under „Passen zu uns“', async () => {
    await signIn(staffB.email);
    await page().goto(`${session.app.url}/boerse`);
    await expect.poll(() => page().getByLabel('Kreis').locator('option').count()).toBeGreaterThan(10);
    await page().getByLabel('Kreis').selectOption(HSK);
    await page().waitForURL(new RegExp(`kreis=${HSK}`));
    await page().getByLabel('Aufgabenfeld').selectOption(TASK);
    await page().waitForURL(new RegExp(`aufgabe=${TASK}`));
    const cards = page().getByTestId('idea-card');
    await expect.poll(() => cards.filter({ hasText: TITLE }).count()).toBe(1);
    // Signed in: the signed-in-only idea is on the board too.
    await expect.poll(() => cards.filter({ hasText: KEYBOARD_TITLE }).count()).toBe(1);
    // The filter is in the address: the link opens the same selection.
    const link = page().url();
    await page().goto(link);
    await expect.poll(() => page().getByLabel('Kreis').inputValue()).toBe(HSK);
    await expect.poll(() => cards.filter({ hasText: TITLE }).count()).toBe(1);
    // Another Kreis: not there.
    await page().getByLabel('Kreis').selectOption('05315'); // Köln
    await expect.poll(() => cards.filter({ hasText: TITLE }).count()).toBe(0);
    await expectAxeClean();

    // „Passen zu uns“: the engine ranks B first for the idea, with its reasons.
    await page().goto(`${session.app.url}/boerse?ansicht=passend`);
    const fit = page().getByTestId('fitting-ideas').getByTestId('idea-card').filter({ hasText: TITLE });
    await expect.poll(() => fit.count()).toBe(1);
    expect(await visibleText(fit.getByTestId('fit-reason'))).toMatch(new RegExp(`Rang \\d+ für ${neighbour.shortName}`));
    expect(await fit.locator('.breakdown .reason').count()).toBeGreaterThan(0);
    await expectAxeClean();
    await screenshots('board-4-fitting');
  }, 120_000);

  it('an office-only idea the office proposed to B shows without its municipality, and not on the map', async () => {
    // Posted by Medebach for the office only; the office proposes B (issue 12, part 4) — both through the API.
    const a = await signedIn(session.app.url, staffA.email);
    const posted = await a.graphql<{ createProjectIdea: { idea: { id: string } } }>(
      `mutation($input: CreateProjectIdeaInput!) { createProjectIdea(input: $input) { idea { id } } }`,
      {
        input: {
          municipalityAgs: MEDEBACH,
          title: OFFICE_TITLE,
          taskAreaId: TASK,
          description: DESCRIPTION,
          partnersSought: 1,
          fundingPlanned: false,
          visibility: 'OFFICE_ONLY',
        },
      },
    );
    expect(posted.errors).toBeUndefined();
    const officeClient = await signedIn(session.app.url, office.email);
    const proposed = await officeClient.graphql(`mutation($input: ProposeMatchInput!) { proposeMatch(input: $input) { __typename } }`, {
      input: {
        ideaId: posted.data!.createProjectIdea.idea.id,
        municipalityAgs: neighbour.ags,
        message: 'Das passt gut zu Ihrer Kommune, sprechen Sie miteinander?',
      },
    });
    expect(proposed.errors).toBeUndefined();
    await page().goto(`${session.app.url}/boerse`);
    const card = page().getByTestId('idea-card').filter({ hasText: OFFICE_TITLE });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('Kommune nicht genannt');
    expect(await card.textContent()).not.toContain(MEDEBACH_NAME);
    await expect.poll(() => page().getByTestId('board-map-anonymous').textContent()).toBe('1 Vorhaben ohne genannte Kommune ist nicht auf der Karte.');
    expect(await page().getByTestId('board-map-names').textContent()).not.toContain(OFFICE_TITLE);
    await card.getByRole('link', { name: OFFICE_TITLE }).click();
    await expect.poll(() => page().getByTestId('anonymised').textContent()).toBe('Die Kommune wird sichtbar, sobald Ihr Interesse angenommen ist.');
    expect(await page().getByTestId('idea-suggestions').textContent()).toContain('Die Partnervorschläge erscheinen, sobald die Kommune genannt wird.');
    expect(await page().locator('main').textContent()).not.toContain(MEDEBACH_NAME);
    await expectAxeClean();
  }, 120_000);

  it('… and expresses interest there: a refused message stays, no contact details before the answer', async () => {
    await page().goto(`${session.app.url}/boerse?ansicht=passend`);
    const fit = page().getByTestId('fitting-ideas').getByTestId('idea-card').filter({ hasText: TITLE });
    await fit.getByRole('link', { name: TITLE }).click();
    await page().waitForURL(new RegExp(`/boerse/${ideaId}$`));
    const form = page().getByTestId('express-interest');
    await expect.poll(() => form.count()).toBe(1);
    // Too short: refused at the field, the text stays.
    await form.getByLabel('Ihre Nachricht').fill('Hallo');
    await form.getByRole('button', { name: 'Interesse bekunden' }).click();
    await expect.poll(() => form.getByTestId('field-problem').textContent()).toMatch(/Nachricht|10/);
    expect(await form.getByLabel('Ihre Nachricht').inputValue()).toBe('Hallo');
    await form.getByLabel('Ihre Nachricht').fill('Wir hätten großes Interesse an einem gemeinsamen Standesamt. Sprechen wir?');
    await form.getByRole('button', { name: 'Interesse bekunden' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Ihr Interesse ist gesendet');
    const own = page().getByTestId('idea-interests').getByTestId('interest');
    await expect.poll(() => own.textContent()).toContain('Wartet auf Antwort');
    // No contact details before the owner agrees.
    const body = (await page().locator('body').textContent()) ?? '';
    expect(body).not.toContain(contacts.a.email);
    expect(body).not.toContain(contacts.a.phone);
    // Not yet a partner (the interest is pending): no funding check for the neighbour.
    expect(await page().getByTestId('funding-check').count()).toBe(0);
    await expectAxeClean();
    await screenshots('board-5-interest');
    // Meine Interessen lists it.
    await page().goto(`${session.app.url}/boerse?ansicht=interessen`);
    await expect.poll(() => page().getByTestId('my-interest').filter({ hasText: TITLE }).count()).toBe(1);
    await expectAxeClean();
    await signOut();
  }, 120_000);

  it('Medebach sees the notice in its inbox, accepts, and both sides then see each other’s contact persons', async () => {
    await signIn(staffA.email);
    const inboxLink = page().getByTestId('inbox-link');
    // The interest, and the office's proposal of B for the office-only idea.
    await expect.poll(() => visibleText(inboxLink)).toBe('Postfach 2');
    await inboxLink.click();
    await page().waitForURL(/\/postfach$/);
    const notice = page().getByTestId('notice').filter({ hasText: TITLE });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain('Neues Interesse');
    expect(await notice.textContent()).toContain(neighbour.shortName);
    await expectAxeClean();
    await screenshots('board-6-inbox');
    expect(await page().getByTestId('notice').filter({ hasText: OFFICE_TITLE }).textContent()).toContain('Partner vorgeschlagen');
    await notice.getByRole('button', { name: /Als gelesen markieren/ }).click();
    await expect.poll(() => page().getByTestId('inbox-unread').textContent()).toBe('1 ungelesen');
    await expect.poll(() => visibleText(inboxLink)).toBe('Postfach 1');
    await page().getByRole('button', { name: 'Alle als gelesen markieren' }).click();
    await expect.poll(() => page().getByTestId('inbox-unread').textContent()).toBe('0 ungelesen');
    await expect.poll(() => visibleText(inboxLink)).toBe('Postfach');

    await notice.getByRole('link', { name: /Zum Vorhaben/ }).click();
    await page().waitForURL(new RegExp(`/boerse/${ideaId}$`));
    const interest = page().getByTestId('idea-interests').getByTestId('interest').filter({ hasText: neighbour.shortName });
    await expect.poll(() => interest.count()).toBe(1);
    expect(await page().locator('body').textContent()).not.toContain(contacts.b.email);
    await interest.getByRole('button', { name: `Interesse von ${neighbour.shortName} annehmen` }).click();
    const contact = interest.getByTestId('contact');
    await expect.poll(() => contact.textContent()).toContain(contacts.b.email);
    expect(await contact.textContent()).toContain(contacts.b.phone);
    expect(await contact.textContent()).toContain(contacts.a.email);
    expect(await interest.textContent()).toContain('Angenommen');
    await expectAxeClean();
    await screenshots('board-7-accepted');
    await interest.screenshot({ path: `${SCREENSHOT_DIR}/board-7-contact-relay.png` });
    await signOut();

    await signIn(staffB.email);
    // The office's proposal and the acceptance.
    await expect.poll(() => visibleText(page().getByTestId('inbox-link'))).toBe('Postfach 2');
    await page().goto(`${session.app.url}/boerse/${ideaId}`);
    const mine = page().getByTestId('idea-interests').getByTestId('contact');
    await expect.poll(() => mine.textContent()).toContain(contacts.a.email);
    expect(await mine.textContent()).toContain(contacts.a.phone);
    await signOut();
  }, 120_000);

  it('the office picks a municipality under „Passen zu uns“ and sees the ideas that fit it', async () => {
    await signIn(office.email);
    await page().goto(`${session.app.url}/boerse?ansicht=passend`);
    const picker = page().getByTestId('fit-office');
    await expect.poll(() => picker.count()).toBe(1);
    expect(await visibleText(picker)).not.toContain('keiner Kommune zugeordnet');
    await picker.getByRole('combobox', { name: 'Kommune suchen' }).fill(neighbour.ags);
    await picker
      .getByRole('option')
      .filter({ hasText: `AGS ${neighbour.ags}` })
      .click();
    const fit = page().getByTestId('fitting-ideas');
    await expect.poll(() => fit.getByRole('heading', { level: 2 }).textContent()).toBe(`Vorhaben, die zu ${neighbour.shortName} passen`);
    const card = fit.getByTestId('idea-card').filter({ hasText: TITLE });
    await expect.poll(() => card.count()).toBe(1);
    expect(await visibleText(fit)).toContain('die gewählte Kommune unter die ersten');
    expect(await visibleText(card.getByTestId('fit-reason'))).toMatch(new RegExp(`Rang \\d+ für ${neighbour.shortName}`));
    await expectAxeClean();
    await screenshots('board-8a-office-fit');
    await signOut();
  }, 120_000);

  it('the office posts an idea for any municipality it finds, marks it complete and withdraws it', async () => {
    await signIn(office.email);
    await page().goto(`${session.app.url}/boerse/neu`);
    const search = page().getByRole('combobox', { name: 'Kommune suchen (Geschäftsstelle: jede Kommune)' });
    await search.fill('Medebach');
    await page()
      .getByRole('option')
      .filter({ hasText: `AGS ${MEDEBACH}` })
      .click();
    await expect.poll(() => page().getByText('Gewählt: Medebach').count()).toBe(1);
    await page().getByLabel('Titel').fill(OFFICE_POSTED);
    await page().getByLabel('Aufgabenfeld').selectOption(TASK);
    await page().getByLabel('Beschreibung').fill(DESCRIPTION);
    await expectAxeClean();
    await page().getByRole('button', { name: 'Vorhaben einstellen' }).click();
    await page().waitForURL(/\/boerse\/[0-9a-f-]{36}$/);
    await expect.poll(() => page().getByTestId('idea-facts').textContent()).toContain(MEDEBACH_NAME);
    await page().getByRole('button', { name: 'Partnerschaft vollständig' }).click();
    // Asked first, like withdrawing: it cannot be undone.
    const completing = page().getByRole('alert').filter({ hasText: 'Wirklich als vollständig markieren?' });
    await expect.poll(() => completing.count()).toBe(1);
    await expectAxeClean();
    await completing.getByRole('button', { name: 'Partnerschaft vollständig' }).click();
    await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toContain('Partnerschaft vollständig');
    await page().getByRole('button', { name: 'Vorhaben zurückziehen' }).click();
    // Asked once more before it leaves the board.
    const confirm = page().getByRole('alert').filter({ hasText: 'Wirklich zurückziehen?' });
    await confirm.getByRole('button', { name: 'Vorhaben zurückziehen' }).click();
    await expect.poll(() => page().getByText('Das Vorhaben ist zurückgezogen.').count()).toBe(1);
    await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toContain('Zurückgezogen');
    await expectAxeClean();
    await signOut();
  }, 120_000);

  it('in English the board, the idea page and the form have English labels', async () => {
    await page().goto(`${session.app.url}/boerse`);
    await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toBe('Kooperationsbörse');
    await page().getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toBe('Cooperation board (Kooperationsbörse)');
    expect(page().url()).toContain('lang=en');
    expect(await page().getByLabel('Task area').count()).toBe(1);
    expect(await page().getByLabel('Administrative region').count()).toBe(1);
    await expect.poll(() => page().getByTestId('board-count').textContent()).toMatch(/\d+ ideas?$/);
    await expectAxeClean();
    await page().getByTestId('idea-card').filter({ hasText: TITLE }).getByRole('link', { name: TITLE }).click();
    await expect.poll(() => page().getByTestId('idea-facts').textContent()).toContain('Partners sought');
    expect(await page().getByTestId('idea-facts').textContent()).toContain('Looking for partners');
    await expectAxeClean();
    await screenshots('board-8-english');
    await page().goto(`${session.app.url}/boerse/neu?lang=en`);
    await expect.poll(() => page().getByRole('heading', { level: 1 }).textContent()).toBe('Post an idea');
  }, 120_000);
});
