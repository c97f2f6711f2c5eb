import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { prepareData, writeData } from '@ka/seed';
import { launchBrowser } from '../support/browser';
import { DATA_DIR, REPO_ROOT } from '../support/paths';
import { benchDatabase } from './harness';
import { startServerProcess } from './server-process';

const DIST = path.join(REPO_ROOT, 'client', 'dist');
const REQUESTS: Array<[string, string]> = [
  ['05958036', 'standesamt'],
  ['05958008', 'bauhof'],
  ['05515000', 'it'],
  ['05315000', 'feuerwehr'],
  ['05766020', 'vhs'],
  ['05162024', 'abwasser'],
  ['05978004', 'rechnungspruefung'],
  ['05554008', 'schule'],
  ['05374012', 'wasser'],
  ['05711000', 'personal'],
];

/** JavaScript the browser loads before the first page renders: the entry script and its module preloads. */
function initialJavaScript(): { files: string[]; gzipBytes: number } {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const gzipBytes = files.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length, 0);
  return { files, gzipBytes };
}

/** `pnpm bench client`: initial bundle size and, in Chromium, time from the partner-finder request to the map painted. */
export async function benchClient(): Promise<void> {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('client/dist is missing: run `pnpm --filter @ka/client build` (npm start does)');
  const initial = initialJavaScript();
  const db = await benchDatabase();
  const rows: Array<Record<string, string>> = [];
  try {
    await writeData({ driver: db.driver }, prepareData({ dataDir: DATA_DIR, scope: 'nrw' }));
    const server = await startServerProcess(db.neo4j.uri);
    const browser = await launchBrowser();
    try {
      const times: number[] = [];
      const page = await browser.context.newPage();
      // Warm-up: load the app shell and the map chunk once, as a returning user has them cached.
      await page.goto(`${server.url}/partner?ags=05958036&aufgabe=bauhof`);
      await page.waitForFunction(() => document.querySelectorAll('.map path.leaflet-interactive').length >= 2, undefined, { timeout: 30_000 });
      for (const [ags, task] of REQUESTS) {
        await page.goto(`${server.url}/kommune/${ags}`);
        const sent = new Promise<number>((resolve) =>
          page.on('request', function onRequest(request) {
            if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('PartnerSuggestions')) {
              page.off('request', onRequest);
              resolve(Date.now());
            }
          }),
        );
        await page.evaluate((url) => {
          window.history.pushState({}, '', url);
          window.dispatchEvent(new PopStateEvent('popstate'));
        }, `/partner?ags=${ags}&aufgabe=${task}`);
        // Painted means the whole map a reader sees: the 11 shapes, the base layer (Kreis and Land borders) and the labels.
        await page
          .waitForFunction(
            () =>
              document.querySelectorAll('.map path.leaflet-interactive').length >= 11 &&
              document.querySelectorAll('[data-testid=candidate]').length >= 10 &&
              document.querySelectorAll('.map .leaflet-borders-pane path').length >= 2 &&
              document.querySelectorAll('.map .map-label').length >= 11,
            undefined,
            { timeout: 30_000 },
          )
          .catch(async (error: Error) => {
            // Say what was missing, not only that it timed out.
            const state = await page.evaluate(() => ({
              url: location.href,
              shapes: document.querySelectorAll('.map path.leaflet-interactive').length,
              candidates: document.querySelectorAll('[data-testid=candidate]').length,
              borders: document.querySelectorAll('.map .leaflet-borders-pane path').length,
              labels: document.querySelectorAll('.map .map-label').length,
            }));
            throw new Error(`${ags} ${task}: map not painted: ${JSON.stringify(state)}`, { cause: error });
          });
        times.push(Date.now() - (await sent));
      }
      times.sort((a, b) => a - b);
      rows.push({
        measure: 'initial JavaScript (gzip -9)',
        value: `${(initial.gzipBytes / 1024).toFixed(1)} KB`,
        target: '≤ 150 KB',
        detail: initial.files.join(', '),
      });
      rows.push({
        measure: 'partner-finder request → map painted, p50',
        value: `${times[Math.floor(times.length / 2)]} ms`,
        target: '≤ 200 ms',
        detail: `${REQUESTS.length} municipalities and task areas, NRW, warm cache`,
      });
      rows.push({ measure: 'partner-finder request → map painted, max', value: `${times[times.length - 1]} ms`, target: '', detail: '' });
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    await db.close();
  }
  console.log('\npnpm bench client — Debian Chromium, headless');
  console.table(rows);
}
