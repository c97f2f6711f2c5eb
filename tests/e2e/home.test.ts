import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { accessibilityViolations, launchBrowser, screenshot } from '../support/browser';

let app: TestApp;
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  app = await startTestApp({ serveClient: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('start page', () => {
  it('shows the live stats from Neo4j, in German, without accessibility violations', async () => {
    const page = await browser.context.newPage();
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(app.url)) external.push(request.url());
    });
    await page.goto(app.url);
    // The real NRW data: 396 municipalities, ~1,860 cooperations.
    await expect.poll(() => page.getByTestId('stats-municipalities').textContent()).toBe('396');
    const cooperations = (await page.getByTestId('stats-cooperations').textContent())!.match(/^[\d.]+/)![0];
    expect(Number(cooperations.replace(/\./g, ''))).toBeGreaterThan(1500);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Gemeinsam mehr erreichen');
    await expect.poll(() => page.getByRole('navigation', { name: 'Hauptnavigation' }).isVisible()).toBe(true);
    expect(await page.locator('footer').textContent()).toContain('© GeoBasis-DE / BKG 2016');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(external).toEqual([]);
    await screenshot(page, '01-start');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Achieving more together');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, '01-start-en');
    await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('de');
    await page.close();
  });

  it('explains the data sources and the generated records on "Daten & Quellen"', async () => {
    const page = await browser.context.newPage();
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Daten & Quellen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Daten & Quellen');
    await expect.poll(() => page.locator('main').textContent()).toMatch(/31 recherchierte und 1\.829 generierte Kooperationen/);
    expect(await page.locator('main').textContent()).toContain('Statistisches Bundesamt (Destatis)');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '14-about');
    await page.close();
  });

  it('shows a helpful page for an unknown address', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.url}/gibt-es-nicht`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Diese Seite gibt es nicht.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
