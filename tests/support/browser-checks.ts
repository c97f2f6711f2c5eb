import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApp } from './app';

/** Numbers as the German UI shows them (18.139.116). */
export const de = (value: number) => new Intl.NumberFormat('de-DE').format(value);
/** Euros as the German UI shows them (175.000 €, with the non-breaking space Intl puts before the sign). */
export const eurDe = (value: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);

/** A GraphQL request against the test server that fails the test on any error, so a broken precondition is loud. */
export async function api<T>(app: TestApp, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await app.graphql<T>(query, variables);
  if (response.errors?.length) throw new Error(`API error for ${query.slice(0, 80)}…: ${JSON.stringify(response.errors)}`);
  return response.data!;
}

/** The text a sighted user reads in an element: without the parts only for screen readers (".sr-only"). */
export async function visibleText(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.sr-only').forEach((hidden) => hidden.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Nothing invented is ever shown: no page may mention generated records, in either language. */
export async function expectNothingGenerated(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  const match = /generier|generated/i.exec(text);
  const context = match ? text.slice(Math.max(0, match.index - 120), match.index + 60).replace(/\s+/g, ' ') : '';
  expect(match, `page ${page.url()} mentions generated data: "…${context}…"`).toBeNull();
  expect(page.url()).not.toMatch(/generiert/i);
}

/**
 * Every cooperation row or card on the page shows its status, its confidence and a link to its source; returns how
 * many rows it checked (so a caller can require that there were any).
 */
export async function expectCooperationMarks(page: Page): Promise<number> {
  const rows = page.getByTestId('cooperation-row');
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const label = (await row.innerText()).slice(0, 80);
    expect(await row.locator('[data-mark=status]').count(), `status in "${label}"`).toBe(1);
    expect(await row.locator('[data-mark=confidence]').count(), `confidence in "${label}"`).toBe(1);
    expect(await row.locator('a[data-mark=source]').getAttribute('href'), `source in "${label}"`).toMatch(/^https?:\/\//);
  }
  return count;
}
