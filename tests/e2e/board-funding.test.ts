import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRole, AccountStatus } from '@ka/server/src/modules/accounts/account.type';
import { OUTPUT_DIR } from '../support/app';
import { createAccount, PASSWORD, removeSessions, signedIn } from '../support/accounts';
import { accessibilityViolations, screenshot } from '../support/browser';
import { eurDe, visibleText } from '../support/browser-checks';
import { useBrowserSession } from '../support/browser-session';

/**
 * The funding check and the Projektskizze in the browser (issue 12, part 7): staff of Olsberg open their idea, pick
 * two of the engine's suggestions, enter the project cost and tick the two declarations; the checklist and the grant
 * follow; the Projektskizze prints on one A4 page with the partners, their reasons, the checklist and the estimate.
 * Its accounts and ideas are removed at the end (ADR 004).
 */
const session = useBrowserSession();
const OWNER = '05958036'; // Olsberg
const TASK = 'standesamt';
const TITLE = `Gemeinsames Standesamt Förderprüfung ${Date.now().toString(36)}`;
let staff: { id: string; email: string };
let ideaId: string;
let partners: Array<{ ags: string; shortName: string }>;
/** Six of the suggestions (a group that needs the denser print). */
let six: string[];

const page = (): Page => session.page;
/** As visibleText gives it: the non-breaking space before € as a plain one. */
const eur = (value: number) => eurDe(value).replace(/\s/g, ' ');

beforeAll(async () => {
  staff = await createAccount(session.app.db, AccountRole.STAFF, AccountStatus.ACTIVE, [OWNER], 'e2e-funding');
  const client = await signedIn(session.app.url, staff.email);
  const created = await client.graphql<any>(
    `mutation Create($input: CreateProjectIdeaInput!) { createProjectIdea(input: $input) { idea { id suggestions(limit: 10) { candidates { municipality { ags shortName crossBorder } } } } } }`,
    {
      input: {
        municipalityAgs: OWNER,
        title: TITLE,
        taskAreaId: TASK,
        description: 'Ein gemeinsames Standesamt mit Trauorten in jeder Kommune; wir suchen zwei Nachbarn.',
        partnersSought: 2,
        timeline: 'ab 2027',
        fundingPlanned: true,
        visibility: 'SIGNED_IN',
      },
    },
  );
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  ideaId = created.data.createProjectIdea.idea.id;
  const suggested = created.data.createProjectIdea.idea.suggestions.candidates.map((c: any) => c.municipality);
  partners = suggested.filter((m: any) => !m.crossBorder).slice(0, 2);
  expect(partners).toHaveLength(2);
  six = suggested.slice(0, 6).map((m: any) => m.ags);
  expect(six).toHaveLength(6);
});

afterAll(async () => {
  if (session.app) {
    await session.app.db.write('MATCH (i:ProjectIdea) WHERE i.createdBy = $id DETACH DELETE i', { id: staff.id });
    await removeSessions(session.app.db, [staff.id]);
  }
});

describe('the funding check and the Projektskizze', () => {
  it('checks the chosen partners, the cost and the declarations on the idea page', async () => {
    await page().goto(`${session.app.url}/anmelden`);
    await page().getByLabel('E-Mail-Adresse').fill(staff.email);
    await page().getByLabel('Passwort').fill(PASSWORD);
    await page().getByRole('button', { name: 'Anmelden', exact: true }).click();
    await expect.poll(() => page().getByRole('button', { name: 'Abmelden' }).count()).toBe(1);

    await page().goto(`${session.app.url}/boerse/${ideaId}`);
    const section = page().getByTestId('funding-check');
    await expect.poll(() => section.getByRole('heading', { name: 'Förderung prüfen (Förderrichtlinie IKZ NRW)' }).count()).toBe(1);
    await expect.poll(() => visibleText(section.getByTestId('funding-result'))).toContain('Wählen Sie mindestens einen Partner');

    // Partners from the suggestions, by their labels (keyboard-reachable checkboxes).
    await section
      .getByTestId('funding-suggested')
      .getByLabel(new RegExp(`^\\d+\\. ${partners[0]!.shortName}`))
      .check();
    await expect.poll(() => section.getByTestId('funding-verdict').getAttribute('data-verdict')).toBe('OPEN');
    const checklist = section.getByTestId('funding-checklist');
    expect(await checklist.locator('[data-key=NEW_COOPERATION]').getAttribute('data-state')).toBe('MET');
    expect(await checklist.locator('[data-key=PARTNERS]').getAttribute('data-state')).toBe('MET');
    expect(await checklist.locator('[data-key=FIVE_YEAR_COMMITMENT]').getAttribute('data-state')).toBe('TO_DECLARE');
    expect(await visibleText(section.getByTestId('funding'))).toContain(eur(175_000));

    await section
      .getByTestId('funding-suggested')
      .getByLabel(new RegExp(`^\\d+\\. ${partners[1]!.shortName}`))
      .check();
    await expect.poll(() => visibleText(section.getByTestId('funding'))).toContain(eur(210_000));
    // A cost caps the grant at 90 %.
    await section.getByLabel('Projektkosten (€)').fill('150000');
    await section.getByRole('button', { name: 'Kosten übernehmen' }).click();
    await expect.poll(() => visibleText(section.getByTestId('funding'))).toContain(eur(135_000));
    // A bad cost is named at the field and changes nothing.
    await section.getByLabel('Projektkosten (€)').fill('zwölf');
    await section.getByRole('button', { name: 'Kosten übernehmen' }).click();
    await expect.poll(() => section.getByText('Bitte eine ganze Zahl von 1 bis 100.000.000 eingeben.').count()).toBe(1);
    expect(page().url()).toContain('kosten=150000');

    for (const label of [/fünf Jahre fortzuführen/, /mindestens 15 % der Kosten/]) await section.getByLabel(label).check();
    await expect.poll(() => section.getByTestId('funding-verdict').getAttribute('data-verdict')).toBe('YES');
    expect(await checklist.locator('[data-key=SAVING_OR_IMPROVEMENT]').getAttribute('data-state')).toBe('DECLARED');
    expect(await visibleText(section.getByTestId('funding-verdict'))).toContain(`bis zu ${eur(135_000)} Förderung`);
    expect(page().url()).toMatch(/erklaert=fuenf-jahre(,|%2C)einsparung/);

    expect(await accessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'board-funding-check');
  });

  it('prints the Projektskizze on one A4 page with the partners, their reasons, the checklist and the estimate', async () => {
    await page().getByTestId('sketch-link').click();
    const sketch = page().getByTestId('project-sketch');
    await expect.poll(() => sketch.count()).toBe(1);
    expect(await visibleText(sketch.getByTestId('sketch-owner'))).toContain('Olsberg');
    const rows = sketch.getByTestId('sketch-partners').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    for (const partner of partners) expect(await visibleText(sketch.locator(`tr[data-ags="${partner.ags}"]`))).toMatch(/Rang \d+, \d+ von 100 Punkten/);
    expect(await sketch.getByTestId('funding-verdict').getAttribute('data-verdict')).toBe('YES');
    expect(await accessibilityViolations(page())).toEqual([]);
    await screenshot(page(), 'board-projektskizze');

    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    const pdfFile = path.join(OUTPUT_DIR, 'projektskizze-olsberg-standesamt.pdf');
    await page().emulateMedia({ media: 'print' });
    await page().pdf({ path: pdfFile, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page().emulateMedia({ media: 'screen' });
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    expect(info, 'the Projektskizze is one page').toMatch(/^Pages:\s+1$/m);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(TITLE.slice(0, 30));
    expect(text).toContain('An die Bezirksregierung Arnsberg');
    for (const partner of partners) expect(text).toContain(partner.shortName);
    expect(text).toContain('Neue Zusammenarbeit in der Aufgabe');
    expect(text).toContain(eur(135_000).replace(/\s/g, ' '));
    expect(text).toContain('GeoBasis-DE / BKG');
    // No navigation on paper.
    expect(text).not.toContain('Drucken oder als PDF speichern');
    expect(text).not.toContain('Kooperationen suchen');
  });

  it('keeps a group of six partners on one page, and names what the address held that it could not use', async () => {
    await page().goto(`${session.app.url}/boerse/${ideaId}/projektskizze?partner=${six.join(',')},123&kosten=500000`);
    const sketch = page().getByTestId('project-sketch');
    await expect.poll(() => sketch.count()).toBe(1);
    expect(await sketch.getByTestId('sketch-partners').locator('tbody tr').count()).toBe(6);
    const pdfFile = path.join(OUTPUT_DIR, 'projektskizze-six-partners.pdf');
    await page().emulateMedia({ media: 'print' });
    await page().pdf({ path: pdfFile, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page().emulateMedia({ media: 'screen' });
    expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }), 'six partners still fit one page').toMatch(/^Pages:\s+1$/m);
    // In English, from the address: the same outline with the API's English reasons.
    await page().goto(`${session.app.url}/boerse/${ideaId}/projektskizze?partner=${six.slice(0, 2).join(',')}&lang=en`);
    await expect.poll(() => page().getByRole('heading', { level: 1 }).innerText()).toContain('Project outline');
    const english = await visibleText(page().getByTestId('project-sketch'));
    expect(english).toContain('New cooperation in the task');
    expect(english).toContain('To the Bezirksregierung Arnsberg');
    expect(english).not.toContain('Neue Zusammenarbeit');
    expect(await accessibilityViolations(page())).toEqual([]);
    // On the idea page the unusable value is named, the six stay chosen.
    await page().goto(`${session.app.url}/boerse/${ideaId}?partner=${six.join(',')},123&lang=de`);
    await expect.poll(() => page().getByTestId('funding-ignored').count()).toBe(1);
    expect(await visibleText(page().getByTestId('funding-ignored'))).toContain('partner=123');
    await expect.poll(() => page().getByTestId('funding-check').locator('input[type=checkbox]:checked').count()).toBe(6);
  });
});
