import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApp, type TestApp } from './app';
import { launchBrowser } from './browser';

export interface BrowserSession {
  app: TestApp;
  context: BrowserContext;
  page: Page;
  /** What the browser reported as an error so far (console errors and uncaught exceptions, on every page). */
  consoleProblems: string[];
}

export interface BrowserSessionOptions {
  /**
   * Console errors a journey causes on purpose (a stopped API answering 503, say). Anything else the browser
   * reports fails the file: the console stays clean on every journey (issue 14).
   */
  expectedConsole?: RegExp[];
}

/**
 * Registers the hooks a browser test file needs: the real server serving the built client, Debian's Chromium with
 * a fresh profile, and one page. Use the returned object inside tests (it is filled in beforeAll).
 */
export function useBrowserSession(options: BrowserSessionOptions = {}): BrowserSession {
  const session = { consoleProblems: [] } as unknown as BrowserSession;
  const expected = options.expectedConsole ?? [];
  const report = (where: string, text: string) => {
    if (!expected.some((pattern) => pattern.test(text))) session.consoleProblems.push(`${where}: ${text}`);
  };
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    session.app = await startTestApp({ serveClient: true });
    const browser = await launchBrowser();
    close = browser.close;
    session.context = browser.context;
    // Context-wide, so pages a test opens itself are watched too.
    session.context.on('console', (message) => {
      if (message.type() === 'error') report(message.page()?.url() ?? '?', message.text());
    });
    session.context.on('weberror', (error) => report(error.page()?.url() ?? '?', error.error().message));
    session.page = await browser.context.newPage();
  });
  afterAll(async () => {
    const problems = [...session.consoleProblems];
    await close?.();
    await session.app?.close();
    expect(problems, 'the browser console reported errors').toEqual([]);
  });
  return session;
}
