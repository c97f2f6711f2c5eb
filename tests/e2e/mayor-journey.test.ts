import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR } from '../support/app';
import { accessibilityViolations, screenshot } from '../support/browser';
import { api, eurDe } from '../support/browser-checks';
import { useBrowserSession } from '../support/browser-session';

// The "API down" step aborts the page's requests on purpose; Chromium logs each as ERR_FAILED.
const session = useBrowserSession({ expectedConsole: [/^Failed to load resource: net::ERR_FAILED$/] });

interface Ranking {
  weights: Array<{ key: string; info: { labelDe: string; labelEn: string } }>;
  candidates: Array<{
    municipality: { shortName: string };
    funding: { eligible: boolean; maxGrantEur: number };
    components: Array<{ info: { labelDe: string; labelEn: string }; reasonDe: string; reasonEn: string }>;
  }>;
}
/** The API's ranking for Olsberg in the Standesamt, with the same options the page sends. */
async function olsbergRanking(options: Record<string, unknown> = {}): Promise<Ranking> {
  const { partnerSuggestions } = await api<{ partnerSuggestions: Ranking }>(
    session.app,
    `query($options: PartnerOptions) { partnerSuggestions(ags: "05958036", taskArea: "standesamt", options: $options) {
      weights { key info { labelDe labelEn } }
      candidates { municipality { shortName } funding { eligible maxGrantEur } components { info { labelDe labelEn } reasonDe reasonEn } } } }`,
    { options: { limit: 10, ...options } },
  );
  return partnerSuggestions;
}

const candidateNames = () => session.page.getByTestId('candidate').locator('h2 a').allTextContents();

describe("the mayor of Olsberg's journey", () => {
  it('finds Olsberg with the typeahead and opens its profile', async () => {
    await session.page.goto(session.app.url);
    const search = session.page.getByRole('combobox', { name: 'Kommune suchen' });
    await search.fill('olsberg');
    await expect.poll(() => session.page.getByRole('option').first().textContent()).toContain('Olsberg');
    await search.press('Enter');
    await session.page.waitForURL(/\/kommune\/05958036$/);
    await expect.poll(() => session.page.getByRole('heading', { level: 1 }).textContent()).toBe('Olsberg');
    await expect.poll(() => session.page.locator('.map path.leaflet-interactive').count()).toBeGreaterThan(3);
    expect(await session.page.getByRole('cell', { name: 'Brilon' }).count()).toBe(1);
    expect(await accessibilityViolations(session.page)).toEqual([]);
    await screenshot(session.page, '02-profile-olsberg');
  });

  it('asks for partners for the Standesamt and gets a ranked, explained list and a map', async () => {
    await session.page.getByRole('link', { name: 'Partner finden' }).last().click();
    await session.page.waitForURL(/\/partner\?ags=05958036/);
    await session.page.getByLabel('Aufgabenfeld').selectOption('standesamt');
    const ranking = await olsbergRanking();
    await expect.poll(async () => (await candidateNames()).join()).toBe(ranking.candidates.map((c) => c.municipality.shortName).join());
    const first = session.page.getByTestId('candidate').first();
    const component = ranking.candidates[0]!.components[0]!;
    expect(await first.textContent()).toContain(`${component.info.labelDe}`);
    expect(await first.textContent()).toContain(component.reasonDe);
    expect(await first.locator('.breakdown li').count()).toBe(ranking.weights.length);
    expect(await first.getByTestId('score').textContent()).toMatch(/^\d{1,3} von 100$/);
    await expect.poll(() => session.page.locator('.map path.leaflet-interactive').count()).toBeGreaterThanOrEqual(11);
    expect(await accessibilityViolations(session.page)).toEqual([]);
    await screenshot(session.page, '03-partner-finder-standesamt');
  });

  it('re-ranks when a weight slider moves, and keeps the weights in the URL', async () => {
    const before = await candidateNames();
    const ranking = await olsbergRanking();
    const ties = ranking.weights.find((w) => w.key === 'EXISTING_TIES')!;
    const slider = session.page.getByRole('slider', { name: ties.info.labelDe, exact: true });
    await slider.focus();
    await slider.press('End');
    await expect.poll(() => session.page.url()).toContain('w.EXISTING_TIES=10');
    await expect.poll(async () => (await candidateNames()).join()).not.toBe(before.join());
    const after = await candidateNames();
    await screenshot(session.page, '04-weights-changed');

    // The URL alone reproduces the view.
    const shared = await session.context.newPage();
    await shared.goto(session.page.url());
    await expect.poll(async () => (await shared.getByTestId('candidate').locator('h2 a').allTextContents()).join()).toBe(after.join());
    await shared.close();
  });

  it('shows the funding for the project cost entered, and marks an impossible cost at the field', async () => {
    const cost = session.page.getByLabel('Projektkosten (€)');
    await cost.fill('-5');
    await expect.poll(() => cost.getAttribute('aria-invalid')).toBe('true');
    expect(await session.page.locator('#cost-problem').textContent()).toBe('Die Projektkosten müssen ein ganzer Betrag zwischen 1 € und 100.000.000 € sein.');
    expect(await session.page.getByTestId('candidate').count()).toBe(0);
    await cost.fill('100000');
    await expect.poll(() => session.page.url()).toContain('kosten=100000');
    const ranking = await olsbergRanking({ projectCostEur: 100_000, weights: [{ key: 'EXISTING_TIES', weight: 10 }] });
    const first = ranking.candidates[0]!;
    expect(first.funding.maxGrantEur).toBeLessThanOrEqual(90_000);
    await expect
      .poll(async () => (await session.page.getByTestId('candidate').first().getByTestId('funding').innerText()).replace(/\s+/g, ' '))
      .toContain(first.funding.eligible ? `Förderfähig: bis zu ${eurDe(first.funding.maxGrantEur)}`.replace(/\s+/g, ' ') : 'Nicht förderfähig');
  });

  it('proposes partner groups and prints a dossier for the council', async () => {
    await session.page.getByRole('tab', { name: 'Partnergruppen' }).click();
    await expect.poll(() => session.page.getByTestId('coalition').count()).toBeGreaterThan(0);
    const coalition = session.page.getByTestId('coalition').first();
    const title = (await coalition.getByTestId('coalition-members').textContent())!;
    expect(title).toContain('Olsberg');
    expect(await coalition.getByTestId('score').textContent()).toMatch(/^\d{1,3} von 100$/);
    expect(await coalition.textContent()).toMatch(/Förderfähig: bis zu \d{1,3}(\.\d{3})+\s€/);
    expect(await accessibilityViolations(session.page)).toEqual([]);
    await screenshot(session.page, '05-coalitions');

    await coalition.getByRole('link', { name: 'Dossier für den Rat' }).click();
    await session.page.waitForURL(/\/dossier\?/);
    await expect.poll(() => session.page.getByRole('heading', { level: 1 }).textContent()).toContain('Dossier: Standesamt');
    await expect.poll(() => session.page.locator('.map path.leaflet-interactive').count()).toBeGreaterThan(1);
    expect(await accessibilityViolations(session.page)).toEqual([]);
    await screenshot(session.page, '06-dossier');
    const pdfFile = path.join(OUTPUT_DIR, 'dossier-olsberg-standesamt.pdf');
    await session.page.emulateMedia({ media: 'print' });
    await session.page.pdf({ path: pdfFile, format: 'A4', printBackground: true });
    await session.page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    for (const name of title.split(' · ')) expect(text).toContain(name.trim());
    const labels = (await olsbergRanking()).weights.map((w) => w.info.labelDe);
    for (const label of labels) expect(text.replace(/\s+/g, ' ')).toContain(label.split(' ')[0]);
    expect(text).toMatch(/Förderfähig/);
    expect(text).toMatch(/Projektkosten: 100\.000/);
    expect(text).toMatch(/von 100/);
    expect(text).toMatch(/GeoBasis-DE \/ BKG/);
    expect(text).toMatch(/Erstellt am/);
    expect(fs.statSync(pdfFile).size).toBeGreaterThan(10_000);
  });

  it('explains in English after the language switch', async () => {
    await session.page.goto(`${session.app.url}/partner?ags=05958036&aufgabe=standesamt`);
    await session.page.getByRole('button', { name: 'Switch to English' }).click();
    const component = (await olsbergRanking()).candidates[0]!.components[0]!;
    await expect.poll(() => session.page.getByTestId('candidate').first().textContent()).toContain(component.info.labelEn);
    expect(await session.page.getByTestId('candidate').first().textContent()).toContain(component.reasonEn);
    expect(await session.page.getByTestId('candidate').first().getByTestId('score').textContent()).toMatch(/^\d{1,3} of 100$/);
    await screenshot(session.page, '07-partner-finder-en');
    await session.page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
  });
});

describe('errors and other pages', () => {
  it('shows a helpful page for an unknown AGS', async () => {
    await session.page.goto(`${session.app.url}/kommune/05999999`);
    await expect.poll(() => session.page.getByRole('alert').textContent()).toContain('05999999');
    expect(await session.page.getByRole('combobox', { name: 'Kommune suchen' }).count()).toBe(1);
    expect(await accessibilityViolations(session.page)).toEqual([]);
  });

  it('marks an impossible search radius at the field and computes nothing until it is corrected', async () => {
    const page = await session.context.newPage();
    let suggestionRequests = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes('PartnerSuggestions')) suggestionRequests++;
    });
    await page.goto(`${session.app.url}/partner?ags=05958036&aufgabe=standesamt&radius=-5`);
    const radius = page.getByLabel('Suchradius in km (optional)');
    await expect.poll(() => radius.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#radius-problem').textContent()).toBe('Der Suchradius muss zwischen 1 und 500 km liegen.');
    expect(await page.getByRole('alert').textContent()).toContain('Bitte korrigieren Sie die markierte Angabe');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(suggestionRequests).toBe(0);

    await radius.fill('30');
    await expect.poll(() => page.getByTestId('candidate').count()).toBeGreaterThan(0);
    expect(await radius.getAttribute('aria-invalid')).toBeNull();
    await page.close();
  });

  it('explains what the API rejected when a hand-edited link asks for the impossible', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.app.url}/dossier?ags=05958036&aufgabe=standesamt&radius=-5&partner=05958004`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Die Eingabe ist ungültig');
    expect(await page.getByRole('alert').textContent()).toContain('Der Umkreis (km) darf nicht kleiner als 1 sein.');
    await page.close();
  });

  it('says clearly when the API is down', async () => {
    const offline = await session.context.newPage();
    await offline.route('**/graphql', (route) => route.abort());
    await offline.goto(`${session.app.url}/partner?ags=05958036&aufgabe=standesamt`);
    await expect.poll(() => offline.getByRole('alert').first().textContent()).toContain('Der Dienst ist nicht erreichbar');
    await screenshot(offline, '08-api-down');
    await offline.close();
  });

  it('lists the register with status, confidence and source, pages through it, and links the source of a record', async () => {
    await session.page.goto(`${session.app.url}/kooperationen`);
    await expect.poll(() => session.page.getByTestId('cooperation-row').count()).toBe(25);
    expect(await session.page.locator('.badge-generated').count()).toBe(0);
    expect(await accessibilityViolations(session.page)).toEqual([]);
    const firstRow = () => session.page.locator('tbody tr').first().locator('td').first().textContent();
    const pageOne = await firstRow();
    await session.page.getByRole('link', { name: 'nächste Seite →' }).click();
    await expect.poll(() => session.page.url()).toMatch(/nach=/);
    await expect.poll(firstRow).not.toBe(pageOne);
    await session.page.getByRole('link', { name: '← vorherige Seite' }).click();
    await expect.poll(firstRow).toBe(pageOne);
    const { cooperation } = await api<{ cooperation: { sourceUrl: string; name: string } }>(session.app, '{ cooperation(id: "K17") { sourceUrl name } }');
    await session.page.goto(`${session.app.url}/kooperationen/K17`);
    // The breadcrumb names the cooperation, not its register id.
    await expect.poll(() => session.page.locator('.breadcrumb [aria-current=page]').textContent()).toBe(cooperation.name);
    await expect.poll(() => session.page.locator('main a[data-mark=source]').getAttribute('href')).toBe(cooperation.sourceUrl);
    await expect.poll(() => session.page.locator('.map path.leaflet-interactive').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(session.page)).toEqual([]);
    await screenshot(session.page, '09-cooperation-detail');
  });

  it('works on a 768 px tablet', async () => {
    await session.page.setViewportSize({ width: 768, height: 1024 });
    await session.page.goto(`${session.app.url}/partner?ags=05958036&aufgabe=standesamt`);
    await expect.poll(() => session.page.getByTestId('candidate').count()).toBe(10);
    const overflow = await session.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(session.page, '10-tablet');
    await session.page.setViewportSize({ width: 1280, height: 900 });
  });
});
