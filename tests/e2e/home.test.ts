import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { accessibilityViolations, launchBrowser, screenshot } from '../support/browser';
import { api, de, expectNothingGenerated } from '../support/browser-checks';

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
    const { stats } = await api<{ stats: { cooperations: number; estimatedCooperationsInNrw: number; cooperationsGenerated: number } }>(
      app,
      '{ stats { cooperations estimatedCooperationsInNrw cooperationsGenerated } }',
    );
    expect(stats.cooperationsGenerated).toBe(0);
    await page.goto(app.url);
    // The real NRW data: 396 municipalities and the register's cooperations, against the estimate for NRW.
    await expect.poll(() => page.getByTestId('stats-municipalities').textContent()).toBe('396');
    const cooperations = (await page.getByTestId('stats-cooperations').textContent())!;
    expect(cooperations.match(/^[\d.]+/)![0]).toBe(de(stats.cooperations));
    expect(cooperations).toContain(`von rund ${de(stats.estimatedCooperationsInNrw)} in NRW`);
    await expectNothingGenerated(page);
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

  it('explains the data sources and how complete the register is on "Daten & Quellen"', async () => {
    const { stats } = await api<{ stats: { cooperations: number } }>(app, '{ stats { cooperations } }');
    const page = await browser.context.newPage();
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Daten & Quellen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Daten & Quellen');
    await expect.poll(() => page.locator('main').textContent()).toContain(`Das Register enthält ${de(stats.cooperations)} Kooperationen`);
    expect(await page.locator('main').textContent()).toContain('Statistisches Bundesamt (Destatis)');
    expect(await page.locator('main').textContent()).toContain('Nichts ist erfunden');
    await expectNothingGenerated(page);
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
