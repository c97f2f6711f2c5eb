import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRole, AccountStatus } from '@ka/server/src/modules/accounts/account.type';
import { OUTPUT_DIR } from '../support/app';
import { createAccount, PASSWORD, removeSessions, signedIn } from '../support/accounts';
import { accessibilityViolations, screenshot } from '../support/browser';
import { api, visibleText } from '../support/browser-checks';
import { useBrowserSession } from '../support/browser-session';
import { removeTestRecords } from '../support/register';

/**
 * The must-show journey of the Kooperationsbörse (issue 12, "What it must show"): staff of A post an office-only
 * idea; staff of B cannot find it anywhere (board, map, filters, fit list, inbox, its address, A's profile); the
 * office proposes B; B sees the proposal in the inbox and on the idea page, anonymised, and expresses interest; A
 * accepts; only now do both see each other's contact persons (e-mail and phone absent from B's page before, present
 * after); the office moves the stage to Absichtserklärung and the dashboard shows it; the Projektskizze prints on one
 * page. Every page is checked with axe, the console must stay clean (useBrowserSession), and screenshots go to
 * tests/output. Accounts, ideas, interests, proposals, notices and contact persons are removed at the end (ADR 004).
 */
const session = useBrowserSession();
const A = '05958036'; // Olsberg (Hochsauerlandkreis)
const A_NAME = 'Olsberg';
const TASK = 'standesamt';
const RUN = Date.now().toString(36);
// The title names no municipality: an anonymised idea must not reveal its owner through it.
const TITLE = `Gemeinsames Standesamt im oberen Sauerland ${RUN}`;
// The office's message to both sides; names B, never A (the idea is office-only).
const PROPOSAL_MESSAGE = `Ein Partner sucht ebenfalls einen Partner für das Standesamt – sprechen Sie miteinander? ${RUN}`;
const REGISTER_NAME = `Standesamt Oberes Sauerland ${RUN}`;
const contacts = {
  a: { name: `Anna Amtsleitung ${RUN}`, email: `standesamt-a-${RUN}@olsberg.test.invalid`, phone: '+49 2962 9820-41' },
  b: { name: `Bernd Beispiel ${RUN}`, email: `standesamt-b-${RUN}@nachbar.test.invalid`, phone: '+49 2961 7940-52' },
};

let B: { ags: string; shortName: string };
const users = {} as Record<'staffA' | 'staffB' | 'office', { id: string; email: string }>;
const contactIds: string[] = [];
let ideaId = '';

const page = (): Page => session.page;
const url = (p: string) => `${session.app.url}${p}`;

async function signIn(who: keyof typeof users): Promise<void> {
  await page().goto(url('/anmelden'));
  await page().getByLabel('E-Mail-Adresse').fill(users[who].email);
  await page().getByLabel('Passwort').fill(PASSWORD);
  await page().getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect.poll(() => page().getByRole('button', { name: 'Abmelden' }).count()).toBe(1);
}

async function signOut(): Promise<void> {
  await page().getByRole('button', { name: 'Abmelden' }).click();
  await expect.poll(() => page().getByRole('link', { name: 'Anmelden', exact: true }).count()).toBe(1);
}

async function axe(name: string): Promise<void> {
  expect(await accessibilityViolations(page()), `axe on ${name}`).toEqual([]);
}

/** Neither the title nor the id of the hidden idea is anywhere in the page (text or markup). */
async function expectHidden(where: string): Promise<void> {
  expect(ideaId, 'the idea was posted').toMatch(/^[0-9a-f-]{36}$/);
  const html = await page().content();
  expect(html.includes(TITLE), `${where} shows the hidden idea's title`).toBe(false);
  expect(html.includes(ideaId), `${where} holds the hidden idea's id`).toBe(false);
}

async function expectNoContactOf(side: 'a' | 'b', where: string): Promise<void> {
  const html = await page().content();
  for (const value of [contacts[side].email, contacts[side].phone, contacts[side].name])
    expect(html.includes(value), `${where} holds the other side's contact "${value}" before consent`).toBe(false);
}

beforeAll(async () => {
  // B: the engine's best NRW candidate for Olsberg's Standesamt, so the fit list would show the idea if it leaked.
  const ranking = await api<any>(
    session.app,
    `query { partnerSuggestions(ags: "${A}", taskArea: "${TASK}", options: { limit: 10 }) { candidates { municipality { ags shortName crossBorder } } } }`,
  );
  B = ranking.partnerSuggestions.candidates.map((c: any) => c.municipality).find((m: any) => !m.crossBorder);
  users.staffA = await createAccount(session.app.db, AccountRole.STAFF, AccountStatus.ACTIVE, [A], 'journey-a');
  users.staffB = await createAccount(session.app.db, AccountRole.STAFF, AccountStatus.ACTIVE, [B.ags], 'journey-b');
  users.office = await createAccount(session.app.db, AccountRole.OFFICE, AccountStatus.ACTIVE, [], 'journey-office');
  // One contact person per municipality, through the API as each municipality's staff.
  for (const [who, ags, c] of [
    ['staffA', A, contacts.a],
    ['staffB', B.ags, contacts.b],
  ] as const) {
    const client = await signedIn(session.app.url, users[who].email);
    const { data, errors } = await client.graphql<any>(
      `mutation AddContact($input: AddContactPersonInput!) { addContactPerson(input: $input) { contactPerson { id } } }`,
      { input: { municipalityAgs: ags, name: c.name, function: 'Leitung Standesamt', email: c.email, phone: c.phone, consentGivenOn: '2026-11-01' } },
    );
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    contactIds.push(data.addContactPerson.contactPerson.id);
  }
});

afterAll(async () => {
  if (!session.app) return;
  const ids = Object.values(users).map((u) => u.id);
  // The register contribution the office made of the idea (and nothing else it wrote), with the idea's links.
  await removeTestRecords(session.app.db, { cooperationIds: [], authorIds: ids });
  await session.app.db.write(`MATCH (x) WHERE (x:SuggestionExposure OR x:IdeaRegisterLink) AND x.ideaId = $id DETACH DELETE x`, { id: ideaId });
  await session.app.db.write(
    `MATCH (i:ProjectIdea) WHERE i.createdBy IN $ids OR i.title = $title
     OPTIONAL MATCH (x:Interest {ideaId: i.id}) OPTIONAL MATCH (n:Notice {ideaId: i.id})
     DETACH DELETE i, x, n`,
    { ids, title: TITLE },
  );
  await session.app.db.write('MATCH (p) WHERE (p:Proposal OR p:IdeaNote OR p:IdeaStageChange) AND p.ideaId = $id DETACH DELETE p', { id: ideaId });
  await session.app.db.write('MATCH (n:Notice) WHERE n.accountId IN $ids DETACH DELETE n', { ids });
  await session.app.db.write('MATCH (p:ContactPerson) WHERE p.id IN $contactIds DETACH DELETE p', { contactIds });
  await removeSessions(session.app.db, ids);
});

describe('the Kooperationsbörse journey: office-only idea, brokered by the office, consent, Absichtserklärung, Projektskizze', () => {
  it('staff of A post an office-only idea', async () => {
    await signIn('staffA');
    await page().goto(url('/boerse/neu'));
    await expect.poll(() => page().getByRole('heading', { name: 'Vorhaben einstellen' }).count()).toBe(1);
    await page().getByLabel('Titel').fill(TITLE);
    await page().getByLabel('Aufgabenfeld').selectOption(TASK);
    await page().getByLabel('Beschreibung').fill('Ein gemeinsames Standesamt für das obere Sauerland: Beurkundungen an einem Ort, Trauorte in jeder Kommune.');
    await page().getByLabel('Nur Geschäftsstelle').check();
    await axe('the idea form');
    await page().getByRole('button', { name: 'Vorhaben einstellen' }).click();
    await expect.poll(() => /\/boerse\/[0-9a-f-]{36}/.test(page().url())).toBe(true);
    ideaId = /\/boerse\/([0-9a-f-]{36})/.exec(page().url())![1]!;
    await expect.poll(() => page().getByRole('heading', { level: 1 }).innerText()).toContain(TITLE);
    await axe('the new idea (owner)');
    await screenshot(page(), 'journey-1-posted-office-only');
    await signOut();
  });

  it('staff of B cannot find it anywhere: board, map, filters, fit list, inbox, its address, A’s profile', async () => {
    await signIn('staffB');
    await page().goto(url('/boerse'));
    await expect.poll(() => page().getByTestId('board-count').count()).toBe(1);
    await expectHidden('the board');
    await axe('the board (B)');
    // The map of the ideas (part of the board page) and the filters a search would use: task area, A's Kreis.
    expect(await page().getByTestId('board-map').count()).toBe(1);
    await expectHidden('the board map');
    await page().goto(url(`/boerse?aufgabe=${TASK}&kreis=05958`));
    await expect.poll(() => page().getByTestId('board-count').count()).toBe(1);
    await expectHidden('the filtered board');
    await page().goto(url('/boerse?ansicht=passend'));
    await expect.poll(() => page().getByTestId('fitting-ideas').count()).toBe(1);
    // The fit list has loaded (its intro with the rank cut-off is there, no loading status left in it).
    await expect.poll(() => page().getByTestId('fitting-ideas').getByRole('status').count()).toBe(0);
    expect(await visibleText(page().getByTestId('fitting-ideas'))).toMatch(/unter die ersten \d+ Partner/);
    await page().waitForLoadState('networkidle');
    await expectHidden('the fit list');
    await axe('the fit list (B)');
    await page().goto(url('/postfach'));
    await page().waitForLoadState('networkidle');
    await expectHidden('the inbox');
    await page().goto(url(`/boerse/${ideaId}`));
    await expect.poll(() => page().getByRole('alert').count()).toBeGreaterThan(0);
    expect(await page().content()).not.toContain(TITLE);
    await axe('the hidden idea’s address (B)');
    await page().goto(url(`/kommune/${A}`));
    await expect.poll(() => page().getByRole('heading', { level: 1 }).innerText()).toContain(A_NAME);
    await page().waitForLoadState('networkidle');
    await expectHidden('A’s profile');
    // Nor A's contact persons: they flow only with consent.
    await expectNoContactOf('a', 'A’s profile (B)');
    await screenshot(page(), 'journey-2-b-sees-nothing');
    await signOut();
  });

  it('the office sees the idea, proposes B with a message and keeps a note', async () => {
    await signIn('office');
    await page().goto(url('/geschaeftsstelle'));
    await page().getByRole('link', { name: 'Kooperationsbörse: Übersicht der Geschäftsstelle' }).first().click();
    await expect.poll(() => page().locator(`[data-testid=office-all-ideas] tr[data-idea="${ideaId}"]`).count()).toBe(1);
    await page().locator(`[data-testid=office-all-ideas] tr[data-idea="${ideaId}"]`).getByRole('link', { name: TITLE }).click();
    const panel = page().getByTestId('office-panel');
    await expect.poll(() => panel.getByTestId('propose-form').count()).toBe(1);
    const form = panel.getByTestId('propose-form');
    await form.getByRole('combobox', { name: 'Kommune suchen' }).fill(B.ags);
    await form
      .getByRole('option')
      .filter({ hasText: `AGS ${B.ags}` })
      .click();
    await expect.poll(() => visibleText(form.getByTestId('propose-chosen'))).toContain(B.shortName);
    // Office-only: the form warns not to name the owner in the message both sides read.
    expect(await visibleText(form.getByTestId('propose-anonymous'))).toContain('Nennen Sie die einstellende Kommune in der Nachricht nicht');
    await form.getByLabel(/Nachricht an beide Seiten/).fill(PROPOSAL_MESSAGE);
    await form.getByRole('button', { name: 'Vorschlagen' }).click();
    await expect.poll(() => panel.locator(`[data-testid=proposals] li[data-ags="${B.ags}"]`).count()).toBe(1);
    await panel.getByLabel('Neue Notiz').fill(`Mit ${B.shortName} telefoniert: Interesse wahrscheinlich.`);
    await panel.getByRole('button', { name: 'Notiz speichern' }).click();
    await expect.poll(() => panel.getByTestId('notes').innerText()).toContain('telefoniert');
    await axe('the idea page with the office panel');
    await screenshot(page(), 'journey-3-office-proposes');
    await signOut();
  });

  it('B sees the proposal in the inbox and on the idea page, anonymised, without A’s contacts, and expresses interest', async () => {
    await signIn('staffB');
    await page().goto(url('/postfach'));
    const notice = page().locator('li', { hasText: TITLE }).first();
    await expect.poll(() => notice.count()).toBe(1);
    // The office's message is in the notice (in its text or beside it).
    expect(await visibleText(notice)).toContain(PROPOSAL_MESSAGE);
    expect(await notice.getByText('neu', { exact: true }).count()).toBe(1);
    await axe('the inbox with the proposal (B)');
    await expectNoContactOf('a', 'B’s inbox');
    expect(await page().content()).not.toContain(A_NAME);
    await notice.getByRole('link').first().click();
    await expect.poll(() => page().getByTestId('anonymised').count()).toBe(1);
    await expect.poll(() => page().getByRole('heading', { level: 1 }).innerText()).toContain(TITLE);
    // The proposal with the office's message on the idea page too.
    await expect.poll(() => page().getByTestId('idea-proposals').count()).toBe(1);
    expect(await visibleText(page().getByTestId('proposal-message'))).toContain(PROPOSAL_MESSAGE);
    await expectNoContactOf('a', 'B’s idea page');
    // Anonymised: the owner's name is nowhere, neither is a funding check or the engine's ranking around it.
    expect(await page().getByTestId('funding-check').count()).toBe(0);
    expect(await visibleText(page().locator('main'))).not.toContain(A_NAME);
    await axe('the anonymised idea (B)');
    await screenshot(page(), 'journey-4-b-anonymised');
    const express = page().getByTestId('express-interest');
    await expect.poll(() => express.count()).toBe(1);
    await express.getByLabel('Ihre Nachricht').fill('Wir möchten gern mitmachen: unser Standesamt hat Kapazität frei.');
    await express.getByRole('button', { name: 'Interesse bekunden' }).click();
    await expect.poll(() => express.getByRole('status').count()).toBe(1);
    await page().reload();
    await expect.poll(() => page().getByTestId('idea-interests').count()).toBe(1);
    await expectNoContactOf('a', 'B’s idea page after expressing interest');
    // Opening the idea from the inbox marked the notice read.
    await page().goto(url('/postfach'));
    await expect.poll(() => page().locator('li', { hasText: TITLE }).count()).toBeGreaterThan(0);
    const opened = page().locator('li', { hasText: PROPOSAL_MESSAGE }).first();
    await expect.poll(() => opened.getByText('neu', { exact: true }).count()).toBe(0);
    expect(await opened.getByRole('button', { name: /Als gelesen markieren/ }).count()).toBe(0);
    await signOut();
  });

  it('A accepts; only now do both see each other’s contact persons', async () => {
    await signIn('staffA');
    await page().goto(url(`/boerse/${ideaId}`));
    const accept = page().getByRole('button', { name: `Interesse von ${B.shortName} annehmen` });
    await expect.poll(() => accept.count()).toBe(1);
    await expectNoContactOf('b', 'A’s idea page before accepting');
    // The owner reads the office's proposal and its message as well.
    await expect.poll(() => page().getByTestId('idea-proposals').count()).toBe(1);
    expect(await visibleText(page().getByTestId('idea-proposals'))).toContain(PROPOSAL_MESSAGE);
    await accept.click();
    const contact = page().getByTestId('contact');
    await expect.poll(() => contact.count()).toBe(1);
    await expect.poll(() => visibleText(contact)).toContain(contacts.b.email);
    expect(await visibleText(contact)).toContain(contacts.b.phone);
    await axe('the accepted interest (A)');
    await screenshot(page(), 'journey-5-a-accepted');
    await signOut();

    await signIn('staffB');
    await page().goto(url(`/boerse/${ideaId}`));
    await expect.poll(() => page().getByTestId('contact').count()).toBe(1);
    const seen = await visibleText(page().getByTestId('contact'));
    expect(seen).toContain(contacts.a.email);
    expect(seen).toContain(contacts.a.phone);
    // The owner is revealed now.
    expect(await page().getByTestId('anonymised').count()).toBe(0);
    expect(await visibleText(page().getByTestId('idea-facts'))).toContain(A_NAME);
    // As an accepted partner B may now prepare the funding application too.
    await expect.poll(() => page().getByTestId('funding-check').count()).toBe(1);
    await axe('the accepted interest (B)');
    await screenshot(page(), 'journey-6-b-sees-contacts');
    await signOut();
  });

  it('the office opens the idea with the accepted interest and sees the interests without an error', async () => {
    await signIn('office');
    await page().goto(url(`/boerse/${ideaId}`));
    const interests = page().getByTestId('idea-interests');
    await expect.poll(() => interests.getByTestId('interest').count()).toBe(1);
    const item = interests.getByTestId('interest');
    expect(await visibleText(item)).toContain(B.shortName);
    expect(await visibleText(item)).toContain('Angenommen');
    expect(await interests.getByRole('alert').count()).toBe(0);
    // The office brokers without the contact relay: it is between the two sides.
    expect(await item.getByTestId('contact').count()).toBe(0);
    await axe('the idea with an accepted interest (office)');
    await screenshot(page(), 'journey-6b-office-sees-interests');
    await signOut();
  });

  it('the office moves the stage to Absichtserklärung, and the dashboard shows it', async () => {
    await signIn('office');
    await page().goto(url(`/boerse/${ideaId}`));
    const stage = page().getByTestId('stage-section');
    await expect.poll(() => stage.getByTestId('stage-form').count()).toBe(1);
    // Along the pipeline: Idee → Gespräche → Absichtserklärung (whatever steps the API offers on the way).
    for (let step = 0; step < 4; step++) {
      if ((await stage.getByTestId('stage-now').getAttribute('data-stage')) === 'LETTER_OF_INTENT') break;
      const select = stage.getByLabel('Neuer Stand');
      const options = await select.locator('option').allInnerTexts();
      await select.selectOption({ label: options.includes('Absichtserklärung') ? 'Absichtserklärung' : 'Gespräche' });
      if (options.includes('Absichtserklärung')) await stage.getByLabel(/Anmerkung/).fill('Absichtserklärung am 1. Dezember 2026 unterzeichnet');
      const before = await stage.getByTestId('stage-now').getAttribute('data-stage');
      await stage.getByRole('button', { name: 'Stand ändern' }).click();
      await expect.poll(() => stage.getByTestId('stage-now').getAttribute('data-stage')).not.toBe(before);
    }
    expect(await stage.getByTestId('stage-now').getAttribute('data-stage')).toBe('LETTER_OF_INTENT');
    expect(await visibleText(stage.getByTestId('stage-history'))).toContain('Absichtserklärung am 1. Dezember 2026 unterzeichnet');
    await axe('the stage control');

    // A second, public idea of A, posted 40 days ago and without any interest: the "ohne Interesse" list names it.
    const staffA = await signedIn(session.app.url, users.staffA.email);
    const old = await staffA.graphql<any>(`mutation C($input: CreateProjectIdeaInput!) { createProjectIdea(input: $input) { idea { id } } }`, {
      input: {
        municipalityAgs: A,
        title: `Gemeinsamer Bauhof ${RUN}`,
        taskAreaId: 'bauhof',
        description: 'Ein gemeinsamer Bauhof mit geteilten Fahrzeugen und einem Winterdienstplan.',
        partnersSought: 1,
        fundingPlanned: false,
        visibility: 'PUBLIC',
      },
    });
    expect(old.errors, JSON.stringify(old.errors)).toBeUndefined();
    const oldId = old.data.createProjectIdea.idea.id as string;
    await session.app.db.write(`MATCH (i:ProjectIdea {id: $id}) SET i.createdAt = datetime() - duration('P40D')`, { id: oldId });

    await page().goto(url('/geschaeftsstelle/boerse'));
    const without = page().getByTestId('office-without-interest');
    await expect.poll(() => without.locator(`tr[data-idea="${oldId}"]`).count()).toBe(1);
    expect(await visibleText(without.locator(`tr[data-idea="${oldId}"]`))).toContain('40 Tage');
    // The brokered idea has an interest: not on that list.
    expect(await without.locator(`tr[data-idea="${ideaId}"]`).count()).toBe(0);
    const row = page().locator(`[data-testid=office-all-ideas] tr[data-idea="${ideaId}"]`);
    await expect.poll(() => row.getAttribute('data-stage')).toBe('LETTER_OF_INTENT');
    expect(await visibleText(row)).toContain('Absichtserklärung');
    const count = await page().getByTestId('office-by-stage').locator('tr[data-key=LETTER_OF_INTENT] td').innerText();
    expect(Number(count)).toBeGreaterThanOrEqual(1);
    // Filtered by stage, it is still there.
    await page().getByLabel('Stand', { exact: true }).selectOption('LETTER_OF_INTENT');
    await expect.poll(() => page().url()).toContain('stand=LETTER_OF_INTENT');
    expect(await row.count()).toBe(1);
    await axe('the office dashboard');
    await screenshot(page(), 'journey-7-dashboard');
    // The same dashboard in English, then back to German for the rest of the journey.
    await page().goto(url('/geschaeftsstelle/boerse?lang=en'));
    await expect.poll(() => page().getByRole('heading', { level: 1 }).innerText()).toBe('Kooperationsbörse: the office’s overview');
    await expect.poll(() => row.count()).toBe(1);
    expect(await visibleText(row)).toContain('Letter of intent');
    await axe('the office dashboard (English)');
    await page().goto(url('/geschaeftsstelle/boerse?lang=de'));
    await expect.poll(() => page().getByRole('heading', { level: 1 }).innerText()).toBe('Kooperationsbörse: Übersicht der Geschäftsstelle');
    await signOut();
  });

  it('the Projektskizze prints on one page with the partner, the reasons and the estimate', async () => {
    await signIn('staffA');
    await page().goto(url(`/boerse/${ideaId}`));
    const check = page().getByTestId('funding-check');
    await expect.poll(() => check.getByLabel(new RegExp(B.shortName)).count()).toBeGreaterThan(0);
    await check.getByLabel(new RegExp(B.shortName)).first().check();
    await check.getByLabel('Projektkosten (€)').fill('200000');
    await check.getByRole('button', { name: 'Kosten übernehmen' }).click();
    await expect.poll(() => check.getByTestId('funding-verdict').getAttribute('data-verdict')).toBe('OPEN');
    await check.getByTestId('sketch-link').click();
    await expect.poll(() => page().getByTestId('project-sketch').count()).toBe(1);
    await axe('the Projektskizze');
    await screenshot(page(), 'journey-8-projektskizze');
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    const pdfFile = path.join(OUTPUT_DIR, 'journey-projektskizze.pdf');
    await page().emulateMedia({ media: 'print' });
    await page().pdf({ path: pdfFile, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page().emulateMedia({ media: 'screen' });
    expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [TITLE, 'Olsberg, Stadt', B.shortName, 'Neue Zusammenarbeit in der Aufgabe', 'zu erklären', '175.000 €', 'GeoBasis-DE / BKG'])
      expect(text, `the printed outline names "${expected}"`).toContain(expected);
    expect(text).not.toContain('Abmelden');
    await signOut();
  });

  it('from Vereinbarung on, the office takes the idea into the register (a public name required for an office-only idea)', async () => {
    await signIn('office');
    await page().goto(url(`/boerse/${ideaId}`));
    const stage = page().getByTestId('stage-section');
    await expect.poll(() => stage.getByTestId('stage-form').count()).toBe(1);
    expect(await page().getByTestId('register-section').count()).toBe(0);
    await stage.getByLabel('Neuer Stand').selectOption({ label: 'Vereinbarung' });
    await stage.getByRole('button', { name: 'Stand ändern' }).click();
    await expect.poll(() => stage.getByTestId('stage-now').getAttribute('data-stage')).toBe('AGREEMENT');
    const register = page().getByTestId('register-section');
    await expect.poll(() => register.getByTestId('register-form').count()).toBe(1);
    // Members: the owner and the accepted interest, ticked.
    expect(await register.getByLabel(new RegExp(`^${A_NAME}`)).isChecked()).toBe(true);
    expect(await register.getByLabel(B.shortName, { exact: true }).isChecked()).toBe(true);
    expect(await visibleText(register)).toContain('Das Register ist öffentlich, dieses Vorhaben aber nicht');
    await register.getByLabel('Rechtsform').selectOption('OEFFENTLICH_RECHTLICHE_VEREINBARUNG');
    await register.getByLabel('Quelle').fill('https://www.olsberg.de/standesamt-vereinbarung');
    await register.getByLabel(/Startjahr/).fill('2027');
    // Without the public name: refused in the form, the name field is named.
    await register.getByRole('button', { name: 'Ins Register übernehmen' }).click();
    await expect.poll(() => register.getByTestId('field-problem').count()).toBe(1);
    expect(await register.getByLabel(/Öffentlicher Name/).getAttribute('aria-invalid')).toBe('true');
    await register.getByLabel(/Öffentlicher Name/).fill(REGISTER_NAME);
    await register.getByLabel(/Öffentliche Beschreibung/).fill('Ein gemeinsames Standesamt mit Trauorten in jeder beteiligten Kommune.');
    await register.getByLabel(/Anmerkung für die Prüfung/).fill('Vereinbarung im Dezember 2026 unterzeichnet.');
    await register.getByRole('button', { name: 'Ins Register übernehmen' }).click();
    await expect.poll(() => register.getByTestId('register-done').count()).toBe(1);
    const records = register.getByTestId('register-records');
    await expect.poll(() => records.locator('li').count()).toBe(1);
    expect(await records.locator('li').getAttribute('data-status')).toBe('PENDING');
    expect(await records.getByRole('link', { name: 'Zur Prüfung in der Arbeitsliste' }).getAttribute('href')).toContain('/geschaeftsstelle');
    await axe('the register form (office)');
    await screenshot(page(), 'journey-9-register');
    await signOut();
  });

  it('A takes its consent back after a confirmation, and marks the partnership complete after one', async () => {
    await signIn('staffA');
    await page().goto(url(`/boerse/${ideaId}`));
    const revoke = page().getByRole('button', { name: `Freigabe zurücknehmen für ${B.shortName}` });
    await expect.poll(() => revoke.count()).toBe(1);
    await revoke.click();
    const confirm = page().getByTestId('confirm-revoke');
    expect(await visibleText(confirm)).toContain('wirklich zurücknehmen');
    await axe('the consent confirmation (A)');
    await confirm.getByRole('button', { name: 'Freigabe zurücknehmen' }).click();
    await expect.poll(() => page().getByTestId('contact').count()).toBe(0);
    await expect.poll(() => visibleText(page().getByTestId('interest'))).toContain('Abgelehnt');
    await expectNoContactOf('b', 'A’s idea page after taking consent back');
    // „Partnerschaft vollständig“ asks first; cancelling changes nothing.
    const owner = page().getByTestId('owner-actions');
    await owner.getByRole('button', { name: 'Partnerschaft vollständig' }).click();
    await expect.poll(() => page().getByTestId('confirm-complete').count()).toBe(1);
    await page().getByTestId('confirm-complete').getByRole('button', { name: 'Abbrechen' }).click();
    expect(await page().getByTestId('confirm-complete').count()).toBe(0);
    await owner.getByRole('button', { name: 'Partnerschaft vollständig' }).click();
    await page().getByTestId('confirm-complete').getByRole('button', { name: 'Partnerschaft vollständig' }).click();
    await expect.poll(() => page().getByRole('heading', { level: 1 }).innerText()).toContain('Partnerschaft vollständig');
    await screenshot(page(), 'journey-10-complete');
    await signOut();
  });

  it('the Projektskizze is not for anonymous visitors', async () => {
    await page().goto(url(`/boerse/${ideaId}/projektskizze?partner=${B.ags}`));
    await expect.poll(() => page().getByTestId('sketch-not-allowed').count()).toBe(1);
    expect(await page().getByTestId('project-sketch').count()).toBe(0);
    await axe('the Projektskizze refused (anonymous)');
  });
});
