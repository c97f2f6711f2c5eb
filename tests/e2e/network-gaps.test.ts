import { describe, expect, it } from 'vitest';
import { accessibilityViolations, screenshot } from '../support/browser';
import { api } from '../support/browser-checks';
import { useBrowserSession } from '../support/browser-session';

const session = useBrowserSession();

describe('network page for researchers', () => {
  it('shows the graph and the map with communities, a legend, exports and a sortable table', async () => {
    await session.page.goto(`${session.app.url}/netzwerk`);
    await expect.poll(() => session.page.getByRole('status').first().textContent()).toMatch(/396 Kommunen, \d+ Verbindungen, \d+ Gemeinschaften/);
    await expect.poll(() => session.page.locator('[data-testid=graph-view] canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => session.page.locator('.map path.leaflet-interactive').count()).toBe(396);
    expect(await session.page.getByRole('link', { name: 'netzwerk.gexf' }).getAttribute('href')).toBe('/api/export/netzwerk.gexf');
    expect(await accessibilityViolations(session.page)).toEqual([]);
    await screenshot(session.page, '11-network');

    // The table sorts by keyboard-operable header buttons.
    const firstDegree = async () => Number(await session.page.getByTestId('network-table').locator('tbody tr').first().locator('td').nth(2).textContent());
    await session.page.getByRole('button', { name: /Partner \(Grad\)/ }).click();
    const highest = await firstDegree();
    await session.page.getByRole('button', { name: /Partner \(Grad\)/ }).press('Enter');
    expect(await firstDegree()).toBeLessThanOrEqual(highest);
  });

  it('selects in the table and highlights the same municipality in graph and map', async () => {
    const button = session.page.getByTestId('network-table').locator('tbody tr').first().getByRole('button');
    const name = (await button.textContent())!.trim();
    await button.click();
    await expect.poll(() => session.page.url()).toMatch(/auswahl=\d{8}/);
    await expect.poll(() => session.page.locator('.notice').textContent()).toContain(`Ausgewählt: ${name}`);
    await expect.poll(() => session.page.locator('.map path.leaflet-interactive[stroke="#111"]').count()).toBe(1);
    expect(await button.getAttribute('aria-pressed')).toBe('true');
  });

  it('filters by task area and keeps the filter in the export links', async () => {
    const { cooperationNetwork } = await api<{ cooperationNetwork: { isolatedCount: number } }>(
      session.app,
      '{ cooperationNetwork(filter: { taskArea: "it" }) { isolatedCount } }',
    );
    await session.page.getByLabel('Aufgabenfeld').selectOption('it');
    await expect.poll(() => session.page.url()).toContain('aufgabe=it');
    await expect.poll(() => session.page.getByRole('link', { name: 'knoten.csv' }).getAttribute('href')).toBe('/api/export/knoten.csv?aufgabe=it');
    // Municipalities without an IT tie are grey, in the legend and on the map, and belong to no community.
    const summary = () => session.page.getByRole('status').first().textContent();
    // With IT, many municipalities have no tie (wait for the filtered result, as the API counts them).
    const isolated = cooperationNetwork.isolatedCount;
    expect(isolated).toBeGreaterThan(0);
    await expect.poll(summary).toContain(`${isolated} Kommunen ohne Verbindung`);
    await expect.poll(() => session.page.locator('.legend-list li').last().textContent()).toContain(`ohne Verbindung: ${isolated}`);
    await expect.poll(() => session.page.locator('.map path.leaflet-interactive[fill="#d9d9d9"]').count()).toBe(isolated);
    expect(await accessibilityViolations(session.page)).toEqual([]);
    await screenshot(session.page, '12-network-it');
  });
});

describe('gap page for the commissioner', () => {
  it('lists gaps and possible hosts for a task area with a map', async () => {
    // The first task area in which the register shows both gaps and possible hosts.
    const { taskAreas } = await api<{ taskAreas: Array<{ id: string }> }>(session.app, '{ taskAreas { id } }');
    let task: string | undefined;
    for (const { id } of taskAreas) {
      const { cooperationGaps } = await api<{ cooperationGaps: { gaps: unknown[]; hosts: unknown[] } }>(
        session.app,
        'query($t: ID!) { cooperationGaps(taskArea: $t) { gaps { share } hosts { catchmentPopulation } } }',
        { t: id },
      );
      if (cooperationGaps.gaps.length > 0 && cooperationGaps.hosts.length > 0) {
        task = id;
        break;
      }
    }
    expect(task).toBeDefined();
    await session.page.goto(`${session.app.url}/luecken`);
    await session.page.getByLabel('Aufgabenfeld').selectOption(task!);
    await expect.poll(() => session.page.getByTestId('gaps-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await expect.poll(() => session.page.getByTestId('hosts-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await expect.poll(() => session.page.locator('.map path.leaflet-interactive').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(session.page)).toEqual([]);
    await screenshot(session.page, '13-gaps');
  });
});
