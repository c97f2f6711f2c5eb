import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_DIR, startTestApp, type TestApp } from '../support/app';
import { accessibilityViolations, launchBrowser, screenshot } from '../support/browser';

let app: TestApp;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;

beforeAll(async () => {
  app = await startTestApp({ serveClient: true });
  browser = await launchBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const candidateNames = () => page.getByTestId('candidate').locator('h2 a').allTextContents();

describe("the mayor of Olsberg's journey", () => {
  it('finds Olsberg with the typeahead and opens its profile', async () => {
    await page.goto(app.url);
    const search = page.getByRole('combobox', { name: 'Kommune suchen' });
    await search.fill('olsberg');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Olsberg');
    await search.press('Enter');
    await page.waitForURL(/\/kommune\/05958036$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Olsberg');
    await expect.poll(() => page.locator('.map path.leaflet-interactive').count()).toBeGreaterThan(3);
    expect(await page.getByRole('cell', { name: 'Brilon' }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '02-profile-olsberg');
  });

  it('asks for partners for the Standesamt and gets a ranked, explained list and a map', async () => {
    await page.getByRole('link', { name: 'Partner finden' }).last().click();
    await page.waitForURL(/\/partner\?ags=05958036/);
    await page.getByLabel('Aufgabenfeld').selectOption('standesamt');
    await expect.poll(async () => (await candidateNames()).length).toBe(10);
    const first = page.getByTestId('candidate').first();
    expect(await first.textContent()).toMatch(/Nähe.*Grenzt unmittelbar an Olsberg/s);
    expect(await first.locator('.breakdown li').count()).toBe(6);
    await expect.poll(() => page.locator('.map path.leaflet-interactive').count()).toBeGreaterThanOrEqual(11);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '03-partner-finder-standesamt');
  });

  it('re-ranks when a weight slider moves, and keeps the weights in the URL', async () => {
    const before = await candidateNames();
    const slider = page.getByRole('slider', { name: 'Bestehende Verbindungen' });
    await slider.focus();
    await slider.press('End');
    await expect.poll(() => page.url()).toContain('w.existingTies=10');
    await expect.poll(async () => (await candidateNames()).join()).not.toBe(before.join());
    const after = await candidateNames();
    await screenshot(page, '04-weights-changed');

    // The URL alone reproduces the view.
    const shared = await browser.context.newPage();
    await shared.goto(page.url());
    await expect.poll(async () => (await shared.getByTestId('candidate').locator('h2 a').allTextContents()).join()).toBe(after.join());
    await shared.close();
  });

  it('proposes partner groups and prints a dossier for the council', async () => {
    await page.getByRole('tab', { name: 'Partnergruppen' }).click();
    await expect.poll(() => page.getByTestId('coalition').count()).toBeGreaterThan(0);
    const coalition = page.getByTestId('coalition').first();
    const title = (await coalition.locator('h2').textContent())!;
    expect(title).toContain('Olsberg');
    expect(await coalition.textContent()).toMatch(/bis zu \d{3}\.000\s€/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '05-coalitions');

    await coalition.getByRole('link', { name: 'Dossier für den Rat' }).click();
    await page.waitForURL(/\/dossier\?/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Dossier: Standesamt');
    await expect.poll(() => page.locator('.map path.leaflet-interactive').count()).toBeGreaterThan(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '06-dossier');
    const pdfFile = path.join(OUTPUT_DIR, 'dossier-olsberg-standesamt.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdfFile, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    for (const name of title.replace(/^\d+\.\s*/, '').split(' · ')) expect(text).toContain(name.trim());
    expect(text).toMatch(/Nähe/);
    expect(text).toMatch(/Förderfähig/);
    expect(text).toMatch(/GeoBasis-DE \/ BKG/);
    expect(text).toMatch(/Erstellt am/);
    expect(fs.statSync(pdfFile).size).toBeGreaterThan(10_000);
  });

  it('explains in English after the language switch', async () => {
    await page.goto(`${app.url}/partner?ags=05958036&aufgabe=standesamt`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.getByTestId('candidate').first().textContent()).toMatch(/Proximity.*(Borders|Touches|Not a direct) /s);
    await screenshot(page, '07-partner-finder-en');
    await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
  });
});

describe('errors and other pages', () => {
  it('shows a helpful page for an unknown AGS', async () => {
    await page.goto(`${app.url}/kommune/05999999`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('05999999');
    expect(await page.getByRole('combobox', { name: 'Kommune suchen' }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('says clearly when the API is down', async () => {
    const offline = await browser.context.newPage();
    await offline.route('**/graphql', (route) => route.abort());
    await offline.goto(`${app.url}/partner?ags=05958036&aufgabe=standesamt`);
    await expect.poll(() => offline.getByRole('alert').first().textContent()).toContain('Der Dienst ist nicht erreichbar');
    await screenshot(offline, '08-api-down');
    await offline.close();
  });

  it('lists cooperations with a "generiert" badge and links the source of researched ones', async () => {
    await page.goto(`${app.url}/kooperationen?herkunft=GENERATED`);
    await expect.poll(() => page.locator('.badge-generated').count()).toBeGreaterThan(5);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${app.url}/kooperationen/K17`);
    await expect.poll(() => page.getByRole('link', { name: 'Originalquelle öffnen' }).count()).toBe(1);
    await expect.poll(() => page.locator('.map path.leaflet-interactive').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '09-cooperation-detail');
  });

  it('works on a 768 px tablet', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${app.url}/partner?ags=05958036&aufgabe=standesamt`);
    await expect.poll(() => page.getByTestId('candidate').count()).toBe(10);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '10-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
