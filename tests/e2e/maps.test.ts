import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, screenshot } from '../support/browser';
import { api } from '../support/browser-checks';
import { useBrowserSession } from '../support/browser-session';

const session = useBrowserSession();
const OLSBERG = '05958036';
const FINDER = `/partner?ags=${OLSBERG}&aufgabe=standesamt`;

/** Everything the browser reports as an error: console errors (a failed request, a React warning) and uncaught exceptions. */
const problems: string[] = [];
beforeAll(() => {
  session.page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${session.page.url()}: ${message.text()}`);
  });
  session.page.on('pageerror', (error) => problems.push(`${session.page.url()}: ${error.message}`));
  // A failed request shows in the console only as "Failed to load resource": record what was asked and answered.
  session.page.on('response', async (response) => {
    if (response.status() >= 400)
      problems.push(
        `${response.status()} ${response.request().postData()?.slice(0, 300) ?? response.url()} → ${(await response.text().catch(() => '')).slice(0, 300)}`,
      );
  });
});

const maps = (page: Page) => page.locator('.map-canvas');
const shapes = (page: Page) => page.locator('.map path.leaflet-interactive');
const focusedInMap = (page: Page) =>
  page.evaluate(() => ({
    canvas: document.activeElement?.classList.contains('map-canvas') ?? false,
    inside: Boolean(document.activeElement?.closest('.map')),
  }));

/** The map is exactly one Tab stop: Tab lands on its container, the next Tab (or Shift+Tab) leaves the map. */
async function expectOneTabStop(page: Page, index = 0): Promise<void> {
  await maps(page).nth(index).focus();
  expect(await focusedInMap(page)).toEqual({ canvas: true, inside: true });
  await page.keyboard.press('Tab');
  expect(await focusedInMap(page)).toEqual({ canvas: false, inside: false });
  await page.keyboard.press('Shift+Tab');
  expect(await focusedInMap(page)).toEqual({ canvas: true, inside: true });
  await page.keyboard.press('Shift+Tab');
  expect(await focusedInMap(page)).toEqual({ canvas: false, inside: false });
}

/** The base layer the API derives from the boundaries: the Land's area and outline and the Kreis borders. */
async function expectBaseLayer(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.map .leaflet-land-pane path').count()).toBeGreaterThan(0);
  await expect.poll(() => page.locator('.map .leaflet-borders-pane path').count()).toBeGreaterThanOrEqual(2);
  // Lines and the Land's area never take the pointer (or a Tab stop) from a municipality.
  expect(await page.locator('.map .leaflet-borders-pane path.leaflet-interactive, .map .leaflet-land-pane path.leaflet-interactive').count()).toBe(0);
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1366, 375]) {
    await page.setViewportSize({ width, height: 900 });
    // The map measures its new container (ResizeObserver) before the picture is taken.
    await page.waitForTimeout(300);
    await screenshot(page, `maps-${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('the base layer', () => {
  it('is served by the API: NRW as a MultiPolygon, the Kreis borders as lines, small', async () => {
    const { mapBase } = await api<{ mapBase: { version: string; land: string; districtBorders: string } }>(
      session.app,
      '{ mapBase { version land districtBorders } }',
    );
    const land = JSON.parse(mapBase.land) as { type: string; coordinates: number[][][][] };
    const borders = JSON.parse(mapBase.districtBorders) as { type: string; coordinates: number[][][] };
    expect(land.type).toBe('MultiPolygon');
    expect(borders.type).toBe('MultiLineString');
    // NRW is one large polygon (plus the small Vennbahn exclaves of Monschau and Roetgen).
    const sizes = land.coordinates.map((polygon) => polygon[0]!.length).sort((a, b) => b - a);
    expect(sizes[0]).toBeGreaterThan(100);
    expect(sizes.slice(1).every((n) => n < 20)).toBe(true);
    // Every border point lies within NRW's bounding box.
    for (const line of borders.coordinates) for (const [lon, lat] of line) expect(lon! > 5.8 && lon! < 9.5 && lat! > 50.3 && lat! < 52.6).toBe(true);
    expect(borders.coordinates.length).toBeGreaterThan(20);
    expect(mapBase.land.length + mapBase.districtBorders.length).toBeLessThan(60_000);
  });
});

describe('maps that orient a reader', () => {
  it('finder: the focal municipality and the ranked candidates are labelled, with rank numbers, over the base layer', async () => {
    const { partnerSuggestions } = await api<{ partnerSuggestions: { candidates: Array<{ rank: number; municipality: { shortName: string } }> } }>(
      session.app,
      `{ partnerSuggestions(ags: "${OLSBERG}", taskArea: "standesamt", options: { limit: 10 }) { candidates { rank municipality { shortName } } } }`,
    );
    await session.page.goto(`${session.app.url}${FINDER}`);
    await expect.poll(() => shapes(session.page).count()).toBeGreaterThanOrEqual(11);
    await expectBaseLayer(session.page);
    await expect.poll(() => session.page.locator('.map .map-rank').allTextContents()).toEqual(partnerSuggestions.candidates.map((c) => String(c.rank)));
    expect(await session.page.locator('.map .map-label-focus .map-name').textContent()).toBe('Olsberg');
    // The first candidates are named beside their number (a name that would cover another label gives way).
    const named = await session.page
      .locator('.map .map-label')
      .evaluateAll((labels) => labels.filter((l) => !l.classList.contains('map-label-collapsed')).map((l) => l.querySelector('.map-name')?.textContent ?? ''));
    expect(named).toContain(partnerSuggestions.candidates[0]!.municipality.shortName);
    const legend = await session.page.getByTestId('map-legend').first().textContent();
    expect(legend).toContain('Olsberg');
    expect(legend).toContain('Kreisgrenze');
    expect(legend).toContain('Landesgrenze NRW');
    await expectOneTabStop(session.page);
    expect(await accessibilityViolations(session.page)).toEqual([]);
    await shoot(session.page, 'finder');
  });

  it('profile: the municipality and its neighbours are named, the map is one Tab stop', async () => {
    await session.page.goto(`${session.app.url}/kommune/${OLSBERG}`);
    await expect.poll(() => shapes(session.page).count()).toBeGreaterThan(3);
    await expectBaseLayer(session.page);
    expect(await session.page.locator('.map .map-label-focus .map-name').textContent()).toBe('Olsberg');
    expect(await session.page.locator('.map .map-name').allTextContents()).toContain('Brilon');
    await expectOneTabStop(session.page);
    expect(await accessibilityViolations(session.page)).toEqual([]);
    await shoot(session.page, 'profile');
  });

  it('dossier: a legend names "Ihre Kommune"; printed, the map has no zoom buttons', async () => {
    await session.page.goto(`${session.app.url}${FINDER}`);
    await expect.poll(() => shapes(session.page).count()).toBeGreaterThanOrEqual(11);
    await session.page.getByTestId('candidate').first().getByRole('link', { name: 'Dossier für den Rat' }).click();
    await session.page.waitForURL(/\/dossier\?/);
    await expect.poll(() => shapes(session.page).count()).toBe(2);
    await expectBaseLayer(session.page);
    const legend = session.page.locator('.dossier-map').getByTestId('map-legend');
    expect(await legend.textContent()).toContain('Ihre Kommune');
    expect(await legend.locator('.swatch-focus').count()).toBe(1);
    expect(await session.page.locator('.dossier-map .map-name').count()).toBe(2);
    await expectOneTabStop(session.page);
    await session.page.emulateMedia({ media: 'print' });
    expect(await session.page.locator('.dossier-map .leaflet-control-zoom').isVisible()).toBe(false);
    await session.page.emulateMedia({ media: 'screen' });
    expect(await session.page.locator('.dossier-map .leaflet-control-zoom').isVisible()).toBe(true);
    expect(await accessibilityViolations(session.page)).toEqual([]);
    await shoot(session.page, 'dossier');
  });

  it('cooperation page: the members come with their shapes in the page query, one request, batched on the server', async () => {
    // A cooperation with several municipal members.
    const { cooperations } = await api<{ cooperations: { edges: Array<{ node: { id: string; members: Array<{ kind: string }> } }> } }>(
      session.app,
      '{ cooperations(first: 100) { edges { node { id members { kind } } } } }',
    );
    const target = cooperations.edges.map((e) => e.node).find((c) => c.members.filter((m) => m.kind === 'MUNICIPALITY').length >= 4)!;
    const municipal = target.members.filter((m) => m.kind === 'MUNICIPALITY').length;
    const operations: string[] = [];
    const listener = (request: { url(): string; postDataJSON(): unknown }) => {
      if (request.url().endsWith('/graphql')) operations.push((request.postDataJSON() as { operationName?: string }).operationName ?? '?');
    };
    session.page.on('request', listener);
    await session.page.goto(`${session.app.url}/kooperationen/${target.id}`);
    await expect.poll(() => shapes(session.page).count()).toBe(municipal);
    await expectBaseLayer(session.page);
    session.page.off('request', listener);
    // The page's one query for the cooperation and its members' shapes; no query per member (an N+1 repeats an
    // operation once per member). Other parts of the page (the base layer, the account, the history) have their own.
    expect(operations.filter((name) => name === 'CooperationDetail')).toHaveLength(1);
    expect(operations.filter((name, i) => operations.indexOf(name) !== i)).toEqual([]);
    expect(operations.length).toBeLessThan(municipal);
    await expectOneTabStop(session.page);

    // Server side, every member's municipality and shape come from loaders: a fixed number of Cypher queries however
    // many members there are.
    const response = await session.app.graphql(`{ cooperation(id: "${target.id}") { members { name municipality { ags shortName boundary } } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.queryCount).toBeLessThanOrEqual(4);
  });

  it('gaps and network: a map of hundreds of shapes is still one Tab stop', async () => {
    await session.page.goto(`${session.app.url}/netzwerk`);
    await expect.poll(() => shapes(session.page).count()).toBe(396);
    await expectOneTabStop(session.page);
    const { taskAreas } = await api<{ taskAreas: Array<{ id: string }> }>(session.app, '{ taskAreas { id } }');
    for (const { id } of taskAreas) {
      const { cooperationGaps } = await api<{ cooperationGaps: { gaps: unknown[] } }>(
        session.app,
        'query($t: ID!) { cooperationGaps(taskArea: $t) { gaps { share } } }',
        { t: id },
      );
      if (cooperationGaps.gaps.length < 3) continue;
      await session.page.goto(`${session.app.url}/luecken?aufgabe=${id}`);
      await expect.poll(() => shapes(session.page).count()).toBeGreaterThanOrEqual(3);
      await expectBaseLayer(session.page);
      await expectOneTabStop(session.page);
      break;
    }
  });
});

describe('community numbers', () => {
  it('are the same on the network page and in its CSV export, counted from 1', async () => {
    await session.page.goto(`${session.app.url}/netzwerk`);
    await expect.poll(() => shapes(session.page).count()).toBe(396);
    const href = await session.page.getByRole('link', { name: 'knoten.csv', exact: true }).getAttribute('href');
    const csv = await (await fetch(`${session.app.url}${href}`)).text();
    const [head, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const columns = head!.split(',');
    // Names in this file have no commas or quotes except where quoted; split on commas outside quotes.
    const cells = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    const rows = lines.map((line) => Object.fromEntries(cells(line).map((value, i) => [columns[i], value])));
    const community = new Map(rows.map((r) => [r.name!, r.community!]));
    const numbers = rows
      .map((r) => r.community)
      .filter((c) => c !== '')
      .map(Number);
    expect(Math.min(...numbers)).toBe(1);

    // The table's community column shows the export's number for each municipality.
    const tableRows = session.page.getByTestId('network-table').locator('tbody tr');
    const count = Math.min(20, await tableRows.count());
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const name = (await tableRows.nth(i).getByRole('button').first().textContent())!.trim();
      const shown = (await tableRows.nth(i).locator('td').nth(1).innerText()).trim();
      expect(shown === '–' ? '' : shown, name).toBe(community.get(name));
    }
    // "Gemeinschaft 1: 42" in the legend is the number of rows with community 1 in the export.
    const legend = await session.page
      .locator('.legend-list li')
      .filter({ hasText: /^\s*Gemeinschaft \d+: \d+/ })
      .allTextContents();
    expect(legend.length).toBeGreaterThan(0);
    for (const entry of legend) {
      const [, id, size] = /Gemeinschaft (\d+): (\d+)/.exec(entry)!;
      expect(numbers.filter((n) => n === Number(id)).length, entry).toBe(Number(size));
    }
  });
});

describe('a clean console', () => {
  it('on tab switches, opening a dossier, invalid inputs and every page with a map', async () => {
    const page = session.page;
    try {
      await consoleJourney(page);
    } catch (error) {
      // Say where the journey stopped and what the page showed.
      throw new Error(`${(error as Error).message}\nat ${page.url()}: ${(await page.locator('main').innerText()).slice(0, 800)}`, { cause: error });
    }
    expect(problems).toEqual([]);
  });
});

/** Tab switches, invalid inputs, dossiers and page changes while maps are drawn: the journeys that logged "_leaflet_pos". */
async function consoleJourney(page: Page): Promise<void> {
  await page.goto(`${session.app.url}${FINDER}`);
  await expect.poll(() => shapes(page).count()).toBeGreaterThanOrEqual(11);
  // Switching tabs while a map is drawn or fitting its view: every map is torn down mid-way.
  for (const name of ['Partnergruppen', 'Bestehenden Kooperationen beitreten', 'Partner', 'Partnergruppen', 'Partner']) {
    await page.getByRole('tab', { name, exact: true }).click();
  }
  await expect.poll(() => shapes(page).count()).toBeGreaterThanOrEqual(11);
  await page.getByRole('tab', { name: 'Partnergruppen', exact: true }).click();
  await expect.poll(() => page.getByTestId('coalition').count()).toBeGreaterThan(0);
  await expect.poll(() => maps(page).count()).toBeGreaterThan(0);
  await page.getByRole('tab', { name: 'Partner', exact: true }).click();
  // An invalid radius replaces the map with a message, a valid one brings it back.
  const radius = page.getByLabel('Suchradius in km (optional)');
  await radius.fill('0');
  await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
  await radius.fill('25');
  await expect.poll(() => shapes(page).count()).toBeGreaterThanOrEqual(2);
  await radius.fill('');
  await expect.poll(() => shapes(page).count()).toBeGreaterThanOrEqual(11);
  // Opening the dossier while the finder's map is live, and back.
  await page.getByTestId('candidate').first().getByRole('link', { name: 'Dossier für den Rat' }).click();
  await expect.poll(() => shapes(page).count()).toBe(2);
  await page.goBack();
  await expect.poll(() => shapes(page).count()).toBeGreaterThanOrEqual(11);
  // A coalition dossier.
  await page.getByRole('tab', { name: 'Partnergruppen', exact: true }).click();
  await page.getByTestId('coalition').first().getByRole('link', { name: 'Dossier für den Rat' }).click();
  await expect.poll(() => shapes(page).count()).toBeGreaterThanOrEqual(2);
  for (const path of [`/kommune/${OLSBERG}`, '/kommune/99999999', '/kooperationen', '/netzwerk', '/luecken?aufgabe=it', '/dossier?ags=abc']) {
    await page.goto(`${session.app.url}${path}`);
    await page.waitForLoadState('networkidle');
  }
  // Leaving a page while its map is being drawn.
  await page.goto(`${session.app.url}${FINDER}`);
  await page.getByRole('link', { name: 'Netzwerk', exact: true }).first().click();
  await expect.poll(() => shapes(page).count()).toBe(396);
  await page.waitForTimeout(300);
}
