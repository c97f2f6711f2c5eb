import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from './app';
import { launchBrowser } from './browser';

export interface BrowserSession {
  app: TestApp;
  context: BrowserContext;
  page: Page;
}

/**
 * Registers the hooks a browser test file needs: the real server serving the built client, Debian's Chromium with
 * a fresh profile, and one page. Use the returned object inside tests (it is filled in beforeAll).
 */
export function useBrowserSession(): BrowserSession {
  const session = {} as BrowserSession;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    session.app = await startTestApp({ serveClient: true });
    const browser = await launchBrowser();
    close = browser.close;
    session.context = browser.context;
    session.page = await browser.context.newPage();
  });
  afterAll(async () => {
    await close?.();
    await session.app?.close();
  });
  return session;
}
