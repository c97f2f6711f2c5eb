import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startTestApp, type TestApp } from '../support/app';
import { launchBrowser } from '../support/browser';

/**
 * The built web app works under the server's Content-Security-Policy: every page, with its maps (Leaflet) and the
 * network graph (sigma, WebGL), loads without a single CSP violation and without a request to another origin.
 */

const PAGES = [
  '/',
  '/kommune/05958004',
  '/partner?ags=05958004&aufgabe=standesamt',
  '/dossier?ags=05958004&aufgabe=standesamt',
  '/kooperationen',
  '/kooperationen/K01',
  '/netzwerk',
  '/luecken?aufgabe=standesamt',
  '/daten',
];

let app: TestApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  if (!fs.existsSync(path.join(REPO_ROOT, 'client', 'dist', 'index.html')))
    throw new Error('client/dist is missing: run pnpm --filter @ka/client build (npm test does)');
  app = await startTestApp({ production: true, serveClient: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the Content-Security-Policy', () => {
  it.each(PAGES)('lets %s load and draw without a violation or a third-party request', async (url) => {
    const page = await browser.context.newPage();
    const violations: string[] = [];
    const foreign: string[] = [];
    const origin = new URL(app.url).origin;
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on('request', (request) => {
      const target = new URL(request.url());
      if (!['data:', 'blob:'].includes(target.protocol) && target.origin !== origin) foreign.push(request.url());
    });
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.violatedDirective}: ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    try {
      const response = await page.goto(`${app.url}${url}`, { waitUntil: 'networkidle' });
      expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self'/);
      await expect.poll(() => page.locator('main').count()).toBeGreaterThan(0);
      // Maps and the graph draw after their data arrives: give them a moment to paint.
      await page.waitForTimeout(1500);
      expect(violations).toEqual([]);
      expect(foreign).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
