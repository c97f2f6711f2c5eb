import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
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

describe('network page for researchers', () => {
  it('shows the graph and the map with communities, a legend, exports and a sortable table', async () => {
    await page.goto(`${app.url}/netzwerk`);
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/396 Kommunen, \d+ Verbindungen, \d+ Gemeinschaften/);
    await expect.poll(() => page.locator('[data-testid=graph-view] canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.map path.leaflet-interactive').count()).toBe(396);
    expect(await page.getByRole('link', { name: 'netzwerk.gexf' }).getAttribute('href')).toBe('/api/export/netzwerk.gexf');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '11-network');

    // The table sorts by keyboard-operable header buttons.
    const firstDegree = async () => Number(await page.getByTestId('network-table').locator('tbody tr').first().locator('td').nth(2).textContent());
    await page.getByRole('button', { name: /Partner \(Grad\)/ }).click();
    const highest = await firstDegree();
    await page.getByRole('button', { name: /Partner \(Grad\)/ }).press('Enter');
    expect(await firstDegree()).toBeLessThanOrEqual(highest);
  });

  it('selects in the table and highlights the same municipality in graph and map', async () => {
    const button = page.getByTestId('network-table').locator('tbody tr').first().getByRole('button');
    const name = (await button.textContent())!.trim();
    await button.click();
    await expect.poll(() => page.url()).toMatch(/auswahl=\d{8}/);
    await expect.poll(() => page.locator('.notice').textContent()).toContain(`Ausgewählt: ${name}`);
    await expect.poll(() => page.locator('.map path.leaflet-interactive[stroke="#111"]').count()).toBe(1);
    expect(await button.getAttribute('aria-pressed')).toBe('true');
  });

  it('filters by task area and keeps the filter in the export links', async () => {
    await page.getByLabel('Aufgabenfeld').selectOption('it');
    await expect.poll(() => page.url()).toContain('aufgabe=it');
    await expect.poll(() => page.getByRole('link', { name: 'knoten.csv' }).getAttribute('href')).toBe('/api/export/knoten.csv?aufgabe=it');
    await screenshot(page, '12-network-it');
  });
});

describe('gap page for the commissioner', () => {
  it('lists gaps and possible hosts for a task area with a map', async () => {
    await page.goto(`${app.url}/luecken`);
    await page.getByLabel('Aufgabenfeld').selectOption('standesamt');
    await expect.poll(() => page.getByTestId('gaps-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('hosts-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.map path.leaflet-interactive').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '13-gaps-standesamt');
  });
});
