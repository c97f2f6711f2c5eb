import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot } from '../support/browser';
import { api } from '../support/browser-checks';
import { useBrowserSession } from '../support/browser-session';

/**
 * Issue 14 in the browser: keyboard-complete tabs, no sideways scrolling at 375 px, search by AGS and postcode,
 * the language kept in the address, named messages for bad parameters, help pages, "Link kopieren", the gap
 * analysis' filters, sorting and export, and the profile's openings for cooperation.
 */
const session = useBrowserSession();
const OLSBERG = '05958036';
const FINDER = `/partner?ags=${OLSBERG}&aufgabe=standesamt`;

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The task area with the most gaps, and one of its gaps' Kreis, read from the API. */
async function gapFixture(): Promise<{ task: string; districtKey: string; districtName: string; count: number }> {
  const { taskAreas } = await api<{ taskAreas: Array<{ id: string }> }>(session.app, '{ taskAreas { id } }');
  let best = { task: '', districtKey: '', districtName: '', count: -1 };
  for (const { id } of taskAreas) {
    const { cooperationGaps } = await api<{ cooperationGaps: { gaps: Array<{ municipality: { district: { key: string; name: string } } }> } }>(
      session.app,
      `query($t: ID!) { cooperationGaps(taskArea: $t) { gaps { municipality { district { key name } } } } }`,
      { t: id },
    );
    if (cooperationGaps.gaps.length > best.count) {
      const d = cooperationGaps.gaps[0]?.municipality.district;
      best = { task: id, districtKey: d?.key ?? '', districtName: d?.name ?? '', count: cooperationGaps.gaps.length };
    }
  }
  return best;
}

describe('tabs per the WAI-ARIA Authoring Practices', () => {
  it('move the focus with the arrow keys, Home and End, with one Tab stop for the list', async () => {
    const { page } = session;
    await page.goto(`${session.app.url}${FINDER}`);
    await expect.poll(() => page.getByTestId('candidate').count()).toBeGreaterThan(0);
    const tabs = page.getByRole('tab');
    expect(await tabs.count()).toBe(3);
    await page.getByRole('tab', { name: 'Partner', exact: true }).focus();
    expect(await focusedId(page)).toBe('finder-tab-partner');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedId(page)).toBe('finder-tab-koalitionen');
    await expect.poll(() => page.getByRole('tab', { name: 'Partnergruppen' }).getAttribute('aria-selected')).toBe('true');
    expect(page.url()).toContain('tab=koalitionen');
    // The third tab is reachable with the arrows: the focus moved with the selection.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedId(page)).toBe('finder-tab-beitreten');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedId(page)).toBe('finder-tab-partner');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => focusedId(page)).toBe('finder-tab-beitreten');
    await page.keyboard.press('Home');
    await expect.poll(() => focusedId(page)).toBe('finder-tab-partner');
    await page.keyboard.press('End');
    await expect.poll(() => focusedId(page)).toBe('finder-tab-beitreten');
    // Only the selected tab is in the Tab order; Tab leaves the list for the panel.
    await expect.poll(() => page.locator('#finder-tab-beitreten').getAttribute('tabindex')).toBe('0');
    expect(await page.locator('[role=tab][tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedId(page)).toBe('finder-panel-beitreten');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

describe('phone layout at 375 px', () => {
  it('never scrolls sideways on any page, with the candidates before the map and the sliders', async () => {
    const { page } = session;
    const { cooperations } = await api<{ cooperations: { edges: Array<{ node: { id: string } }> } }>(
      session.app,
      '{ cooperations(first: 1) { edges { node { id } } } }',
    );
    const { partnerSuggestions } = await api<{ partnerSuggestions: { candidates: Array<{ municipality: { ags: string } }> } }>(
      session.app,
      `{ partnerSuggestions(ags: "${OLSBERG}", taskArea: "standesamt", options: { limit: 10 }) { candidates { municipality { ags } } } }`,
    );
    const gap = await gapFixture();
    const pages: Array<[string, string, (p: Page) => Promise<unknown>]> = [
      ['start', '/', (p) => p.getByTestId('stats-municipalities').waitFor()],
      ['finder', FINDER, (p) => p.getByTestId('candidate').first().waitFor()],
      ['join table', `${FINDER}&tab=beitreten`, (p) => p.locator('[data-testid=joinables], .card').first().waitFor()],
      ['coalitions', `${FINDER}&tab=koalitionen`, (p) => p.getByTestId('coalition').first().waitFor()],
      ['network', '/netzwerk', (p) => p.getByTestId('network-table').waitFor()],
      ['gaps', `/luecken?aufgabe=${gap.task}`, (p) => p.getByTestId('gaps-table').waitFor()],
      [
        'dossier',
        `/dossier?ags=${OLSBERG}&aufgabe=standesamt&partner=${partnerSuggestions.candidates[0]!.municipality.ags}`,
        (p) => p.locator('.dossier').waitFor(),
      ],
      ['directory', '/kooperationen', (p) => p.getByTestId('directory').waitFor()],
      ['profile', `/kommune/${OLSBERG}`, (p) => p.getByTestId('openings').waitFor()],
      ['cooperation', `/kooperationen/${cooperations.edges[0]!.node.id}`, (p) => p.getByRole('heading', { level: 1 }).waitFor()],
      ['about and stats', '/daten', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
      ['help', '/hilfe', (p) => p.getByTestId('glossary').waitFor()],
      ['ranking help', '/hilfe/ranking', (p) => p.getByTestId('ranking-components').locator('dt').first().waitFor()],
    ];
    await page.setViewportSize({ width: 375, height: 800 });
    const widths: Record<string, number> = {};
    try {
      for (const [name, path, ready] of pages) {
        await page.goto(`${session.app.url}${path}`);
        try {
          await ready(page);
        } catch (error) {
          await screenshot(page, `14-phone-failed-${name.replace(/\W+/g, '-')}`);
          throw error;
        }
        // Maps and late chunks settle first.
        await page.waitForLoadState('networkidle');
        widths[name] = await scrollWidth(page);
        // Name the elements that stick out, so a failure says where to look.
        if (widths[name]! > 375) {
          const culprits = await page.evaluate(() =>
            Array.from(document.querySelectorAll('main *'))
              .filter((e) => e.getBoundingClientRect().right > 376 && !e.closest('.leaflet-container'))
              .slice(0, 5)
              .map((e) => `${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')} ${Math.round(e.getBoundingClientRect().right)}px`),
          );
          widths[`${name}: ${culprits.join(', ')}`] = widths[name]!;
        }
        if (name === 'finder') {
          const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
          const candidate = await top('[data-testid=candidate]');
          expect(candidate).toBeLessThan(await top('.finder-map'));
          expect(candidate).toBeLessThan(await top('.sliders'));
          // The language button and the slider values are inside the screen.
          for (const selector of ['.lang-switch', '.slider output']) {
            const box = (await page.locator(selector).first().boundingBox())!;
            expect(box.x + box.width, selector).toBeLessThanOrEqual(375);
          }
          expect(await accessibilityViolations(page)).toEqual([]);
          await screenshot(page, '14-phone-finder');
        }
        if (name === 'profile') await screenshot(page, '14-phone-profile');
        if (name === 'gaps') await screenshot(page, '14-phone-gaps');
        if (name === 'dossier') await screenshot(page, '14-phone-dossier');
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(Object.entries(widths).filter(([, width]) => width > 375)).toEqual([]);
    // Thirteen pages with maps: more than the default minute on a loaded machine.
  }, 240_000);
});

describe('search by AGS and postcode', () => {
  it.each([
    ['05962044', '05962044'],
    ['58769', '05962044'],
  ])('finds the municipality for "%s" and opens it', async (typed, ags) => {
    const { page } = session;
    const { municipality } = await api<{ municipality: { shortName: string } }>(session.app, `{ municipality(ags: "${ags}") { shortName } }`);
    await page.goto(session.app.url);
    const search = page.getByRole('combobox', { name: 'Kommune suchen' });
    await search.fill(typed);
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain(municipality.shortName);
    expect(await page.getByRole('option').first().textContent()).toContain(`AGS ${ags}`);
    await search.press('Enter');
    await page.waitForURL(new RegExp(`/kommune/${ags}$`));
    await expect.poll(() => h1(page)).toBe(municipality.shortName);
  });
});

describe('one language at a time, kept in the address', () => {
  it('keeps ?lang=en across navigation and opens a shared link in English in a fresh browser', async () => {
    const { page } = session;
    await page.goto(`${session.app.url}/?lang=en`);
    await expect.poll(() => h1(page)).toBe('Achieving more together');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Gap analysis' }).click();
    await expect.poll(() => h1(page)).toBe('Gap analysis');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    // A page rewriting its own query keeps the language.
    const gap = await gapFixture();
    await page.getByLabel('Task area').selectOption(gap.task);
    await expect.poll(() => new URL(page.url()).searchParams.get('aufgabe')).toBe(gap.task);
    await expect.poll(() => page.getByTestId('gaps-table').locator('tbody a').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    // Internal links carry it in their address, so a copied or opened-in-new-tab link keeps it too.
    const hrefs = await page.locator('main a[href^="/"]:not([href^="/api/"])').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href, href).toContain('lang=en');
    const shared = page.url();

    const fresh = await launchBrowser();
    try {
      const other = await fresh.context.newPage();
      await other.goto(shared);
      await expect.poll(() => h1(other)).toBe('Gap analysis');
      expect(await other.locator('html').getAttribute('lang')).toBe('en');
      await other.goto(`${session.app.url}/netzwerk?lang=en`);
      await expect.poll(() => other.getByTestId('network-table').count()).toBe(1);
      // The attribution in English, not the German one.
      const attribution = await other.locator('section[aria-labelledby=export-title] p.muted').textContent();
      expect(attribution).toContain('Administrative boundaries');
      expect(attribution).not.toContain('Verwaltungsgrenzen');
      // A missing municipality is said in English only.
      await other.goto(`${session.app.url}/partner?ags=99999999&aufgabe=it&lang=en`);
      await expect.poll(() => other.getByRole('alert').count()).toBeGreaterThan(0);
      const alerts = (await other.getByRole('alert').allTextContents()).join(' ');
      expect(alerts).toContain('"99999999" does not exist');
      expect(alerts).not.toMatch(/Kommune|gefunden|gibt es nicht/);
      expect(alerts.match(/99999999/g)).toHaveLength(1);
    } finally {
      await fresh.close();
    }
    // Switching back to German drops the parameter.
    await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
    await expect.poll(() => h1(page)).toBe('Lückenanalyse');
    expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
  });

  afterEach(async () => {
    // The language is remembered in the browser: back to German for the tests that follow.
    await session.page.goto(`${session.app.url}/?lang=de`);
    await expect.poll(() => session.page.locator('html').getAttribute('lang')).toBe('de');
    await expect.poll(() => new URL(session.page.url()).searchParams.get('lang')).toBeNull();
  });

  it('uses English plurals and English reasons', async () => {
    const { page } = session;
    await page.goto(`${session.app.url}/kooperationen?lang=en&suche=${encodeURIComponent('Nachrodt-Wiblingwerde')}`);
    const { cooperations } = await api<{ cooperations: { totalCount: number } }>(
      session.app,
      `{ cooperations(filter: { search: "Nachrodt-Wiblingwerde" }) { totalCount } }`,
    );
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'cooperation' }).first().textContent())
      .toBe(`${cooperations.totalCount} cooperation${cooperations.totalCount === 1 ? '' : 's'}`);
    await page.goto(`${session.app.url}${FINDER}&lang=en`);
    await expect.poll(() => page.getByTestId('candidate').count()).toBeGreaterThan(0);
    const text = await page.getByTestId('candidate').first().textContent();
    expect(text).toMatch(/Reasons: \d+ criteri(a|on)/);
    expect(text).not.toMatch(/Begründung|Gleicher Kreis|Einw\./);
  });
});

describe('named messages for bad parameters', () => {
  it('names an unknown task area in the directory and shows all cooperations, with "alle" really applied', async () => {
    const { page } = session;
    const { cooperations } = await api<{ cooperations: { totalCount: number } }>(session.app, '{ cooperations { totalCount } }');
    await page.goto(`${session.app.url}/kooperationen?aufgabe=zauberei&rechtsform=MAGIE`);
    await expect.poll(() => page.getByTestId('param-problems').textContent()).toContain('„aufgabe=zauberei“');
    expect(await page.getByTestId('param-problems').textContent()).toContain('„rechtsform=MAGIE“');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Kooperation' }).first().textContent()).toBe(`${cooperations.totalCount} Kooperationen`);
    expect(await page.locator('#f-task').inputValue()).toBe('');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('names a bad network filter and shows the network it does apply', async () => {
    const { page } = session;
    await page.goto(`${session.app.url}/netzwerk?aufgabe=zauberei&herkunft=erfunden`);
    await expect.poll(() => page.getByTestId('param-problems').textContent()).toContain('„aufgabe=zauberei“');
    expect(await page.getByTestId('param-problems').textContent()).toContain('„herkunft=erfunden“');
    await expect.poll(() => page.getByTestId('network-table').count()).toBe(1);
    expect(await page.locator('#n-task').inputValue()).toBe('');
    expect(await page.getByText('Die Eingabe ist ungültig').count()).toBe(0);
  });

  it('names ziel=abc, tab=quatsch and an unknown parameter in the finder, and says what it uses', async () => {
    const { page } = session;
    await page.goto(`${session.app.url}${FINDER}&ziel=abc&tab=quatsch&foo=1&w.PROXIMITY=42`);
    const notice = page.getByTestId('param-problems');
    await expect.poll(() => notice.textContent()).toContain('„ziel=abc“');
    const text = (await notice.textContent())!;
    expect(text).toContain('„tab=quatsch“ – diese Ansicht gibt es nicht; gezeigt wird „Partner“.');
    expect(text).toContain('„foo=1“');
    expect(text).toContain('„w.PROXIMITY=42“ – Gewichte reichen von 0 bis 10; verwendet wird 10.');
    await expect.poll(() => page.getByTestId('candidate').count()).toBeGreaterThan(0);
  });

  it('says at the field what is wrong with a radius of 0, and that nothing is computed until it is fixed', async () => {
    const { page } = session;
    await page.goto(`${session.app.url}${FINDER}&radius=0`);
    await expect.poll(() => page.locator('#radius-problem').textContent()).toContain('zwischen 1 und 500 km');
    expect(await page.getByRole('alert').filter({ hasText: 'korrigieren' }).count()).toBe(1);
  });

  it('offers slider steps that every default weight lies on', async () => {
    const { page } = session;
    await page.goto(`${session.app.url}${FINDER}`);
    await expect.poll(() => page.getByRole('slider').count()).toBeGreaterThan(0);
    const sliders = await page
      .getByRole('slider')
      .evaluateAll((inputs) =>
        inputs.map((input) => ({ step: Number((input as HTMLInputElement).step), value: Number((input as HTMLInputElement).value), label: input.id })),
      );
    for (const s of sliders) expect(Math.abs(s.value / s.step - Math.round(s.value / s.step)), s.label).toBeLessThan(1e-9);
  });
});

describe('help and sharing', () => {
  it('links the finder and the dossier to the ranking explanation and the glossary', async () => {
    const { page } = session;
    await page.goto(`${session.app.url}${FINDER}`);
    await expect.poll(() => page.getByTestId('candidate').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Wie die Rangfolge entsteht' }).click();
    await expect.poll(() => h1(page)).toBe('Wie die Rangfolge entsteht');
    await page.waitForLoadState('networkidle');
    const components = await api<{ scoreComponents: Array<{ labelDe: string }> }>(session.app, '{ scoreComponents { labelDe } }');
    await expect.poll(() => page.getByTestId('ranking-components').locator('dt').allTextContents()).toEqual(components.scoreComponents.map((c) => c.labelDe));
    expect(await page.getByTestId('evaluation-table').textContent()).toContain('0,698');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${session.app.url}/hilfe`);
    await page.getByTestId('glossary').locator('dt').first().waitFor();
    const terms = await page.getByTestId('glossary').locator('dt').allTextContents();
    for (const term of [
      'GkG NRW',
      'Zweckverband',
      'Öffentlich-rechtliche Vereinbarung',
      'Verwaltungsvereinbarung',
      'Altkreis',
      'Louvain',
      'Modularität',
      'Betweenness',
    ]) {
      expect(
        terms.some((t) => t.includes(term)),
        term,
      ).toBe(true);
    }
    expect(await page.locator('details.faq').count()).toBeGreaterThanOrEqual(5);
    await page.waitForLoadState('networkidle');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('copies the link with the Clipboard API and confirms it, and falls back to a field to copy by hand', async () => {
    const { page, context } = session;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.app.url });
    await page.goto(`${session.app.url}${FINDER}`);
    await page.getByRole('button', { name: 'Link kopieren' }).click();
    await expect.poll(() => page.getByTestId('copy-status').textContent()).toContain('Link kopiert');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());

    const fallback = await context.newPage();
    await fallback.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    const { partnerSuggestions } = await api<{ partnerSuggestions: { candidates: Array<{ municipality: { ags: string } }> } }>(
      session.app,
      `{ partnerSuggestions(ags: "${OLSBERG}", taskArea: "standesamt", options: { limit: 10 }) { candidates { municipality { ags } } } }`,
    );
    await fallback.goto(`${session.app.url}/dossier?ags=${OLSBERG}&aufgabe=standesamt&partner=${partnerSuggestions.candidates[0]!.municipality.ags}`);
    await fallback.getByRole('button', { name: 'Link kopieren' }).click();
    await expect.poll(() => fallback.getByRole('textbox', { name: 'Link zu dieser Ansicht' }).inputValue()).toBe(fallback.url());
    expect(await fallback.getByTestId('copy-status').textContent()).toContain('Strg+C');
    await fallback.close();
  });
});

describe('gap analysis for the office and openings on the profile', () => {
  it('filters by Kreis, sorts, and exports what it shows', async () => {
    const { page } = session;
    const gap = await gapFixture();
    await page.goto(`${session.app.url}/luecken?aufgabe=${gap.task}`);
    await expect.poll(() => page.getByTestId('gaps-table').locator('tbody tr').count()).toBe(gap.count);
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, '14-desktop-gaps');
    await page.getByLabel('Kreis').selectOption(gap.districtKey);
    await expect.poll(() => new URL(page.url()).searchParams.get('kreis')).toBe(gap.districtKey);
    await expect
      .poll(async () => [...new Set(await page.getByTestId('gaps-table').locator('tbody tr td:nth-child(2)').allTextContents())])
      .toEqual([gap.districtName]);
    // Sorting by name, ascending.
    await page.getByRole('button', { name: /^Kommune/ }).click();
    const names = await page.getByTestId('gaps-table').locator('tbody tr td:first-child').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'de')));
    expect(await page.getByTestId('gaps-table').locator('th[aria-sort=ascending]').count()).toBe(1);
    // The export is served by the server with the same filter.
    const href = (await page.getByRole('link', { name: 'Lücken als CSV', exact: true }).getAttribute('href'))!;
    expect(href).toContain(`kreis=${gap.districtKey}`);
    const csv = await (await fetch(`${session.app.url}${href}`)).text();
    expect(
      csv
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[1])
        .sort(),
    ).toEqual([...names].sort());
    expect(await accessibilityViolations(page)).toEqual([]);
    // A Kreis that does not exist is named.
    await page.goto(`${session.app.url}/luecken?aufgabe=${gap.task}&kreis=05999`);
    await expect.poll(() => page.getByTestId('param-problems').textContent()).toContain('„kreis=05999“');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the openings for cooperation on the profile, each linking to the finder', async () => {
    const { page } = session;
    const gap = await gapFixture();
    const { cooperationGaps } = await api<{ cooperationGaps: { gaps: Array<{ municipality: { ags: string; shortName: string } }> } }>(
      session.app,
      `query($t: ID!) { cooperationGaps(taskArea: $t) { gaps { municipality { ags shortName } } } }`,
      { t: gap.task },
    );
    const target = cooperationGaps.gaps[0]!.municipality;
    const { municipality } = await api<{ municipality: { cooperationOpenings: Array<{ taskArea: { id: string; nameDe: string } }> } }>(
      session.app,
      `{ municipality(ags: "${target.ags}") { cooperationOpenings { taskArea { id nameDe } } } }`,
    );
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${session.app.url}/kommune/${target.ags}`);
    await expect.poll(() => page.getByTestId('opening').count()).toBe(municipality.cooperationOpenings.length);
    expect(municipality.cooperationOpenings.map((o) => o.taskArea.id)).toContain(gap.task);
    const link = page.getByRole('link', {
      name: `Partner für ${municipality.cooperationOpenings.find((o) => o.taskArea.id === gap.task)!.taskArea.nameDe} finden`,
    });
    expect(await link.getAttribute('href')).toBe(`/partner?ags=${target.ags}&aufgabe=${gap.task}`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '14-desktop-profile');
    await page.goto(`${session.app.url}${FINDER}`);
    await expect.poll(() => page.getByTestId('candidate').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    await screenshot(page, '14-desktop-finder');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('searches the directory by text and pages the network table to all 396 municipalities', async () => {
    const { page } = session;
    const { cooperations } = await api<{ cooperations: { totalCount: number } }>(
      session.app,
      '{ cooperations(filter: { search: "volkshochschule" }) { totalCount } }',
    );
    await page.goto(`${session.app.url}/kooperationen`);
    await page.getByLabel('Suche in Name, Mitglied oder Aufgabe').fill('volkshochschule');
    await expect.poll(() => new URL(page.url()).searchParams.get('suche')).toBe('volkshochschule');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Kooperation' }).first().textContent())
      .toBe(`${cooperations.totalCount} Kooperation${cooperations.totalCount === 1 ? '' : 'en'}`);

    await page.goto(`${session.app.url}/netzwerk`);
    const table = page.getByTestId('network-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (let guard = 0; guard < 20; guard++) {
      for (const name of await table.locator('tbody tr td:first-child button').allTextContents()) seen.add(name);
      const next = page.getByRole('button', { name: 'nächste Seite →' });
      if (await next.isDisabled()) break;
      await next.click();
    }
    expect(await page.getByTestId('network-table-status').textContent()).toContain('von 396');
    // Short names repeat across Kreise (two Neukirchen-Vluyn do not, but the table's names are short names):
    // every row was reached when the pages add up to 396.
    const { cooperationNetwork } = await api<{ cooperationNetwork: { nodes: Array<{ municipality: { shortName: string } }> } }>(
      session.app,
      '{ cooperationNetwork { nodes { municipality { shortName } } } }',
    );
    expect(seen).toEqual(new Set(cooperationNetwork.nodes.map((n) => n.municipality.shortName)));
    await page.getByLabel('Kommune in der Tabelle suchen (Name, Kreis oder AGS)').fill(OLSBERG);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr td:first-child button').textContent()).toBe('Olsberg');
  });
});
