import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, screenshot } from '../support/browser';
import { api, de, eurDe, expectCooperationMarks, expectNothingGenerated, visibleText } from '../support/browser-checks';
import { useBrowserSession } from '../support/browser-session';

// The web app on the real register: every page shows only recorded cooperations, each with its status, confidence and
// source; the partner ranking is 0–100 with named components; neighbours across the Land border are marked.
// Every expectation is read from the API first, nothing is hard-coded from the data.

const session = useBrowserSession();

interface Stats {
  municipalities: number;
  cooperations: number;
  cooperationsUnconfirmed: number;
  cooperationsInForce: number;
  estimatedCooperationsInNrw: number;
  crossBorderMunicipalities: number;
}
interface Cooperation {
  id: string;
  name: string;
  status: 'ACTIVE' | 'ENDED' | 'PLANNED' | 'UNCLEAR';
  confidence: 'HIGH' | 'MEDIUM' | 'LOW';
  sourceUrl: string | null;
  evidence: string | null;
  remark: string | null;
  memberCount: number;
  members: Array<{ kind: string; key: string | null; name: string }>;
}
interface Component {
  key: string;
  points: number;
  strength: 'STRONG' | 'MEDIUM' | 'WEAK';
  reasonDe: string;
  reasonEn: string;
  info: { labelDe: string; labelEn: string };
}
interface Candidate {
  rank: number;
  score: number;
  municipality: { ags: string; shortName: string; crossBorder: boolean; stateName: string | null };
  components: Component[];
  funding: { eligible: boolean; crossBorder: boolean; maxGrantEur: number; reasonDe: string; reasonEn: string };
  facts: { sharedCooperations: Array<{ id: string }> };
}

const STATUS_DE = { ACTIVE: 'aktiv', ENDED: 'beendet', PLANNED: 'geplant', UNCLEAR: 'Status unklar' } as const;
const STRENGTH_DE = { STRONG: 'stark', MEDIUM: 'mittel', WEAK: 'schwach' } as const;
const STRENGTH_EN = { STRONG: 'strong', MEDIUM: 'medium', WEAK: 'weak' } as const;
const PROJECT_COST = 200_000;
const points = (value: number) => `${new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} Pkt.`;

const COOPERATION_FIELDS = 'id name status confidence sourceUrl evidence remark memberCount members { kind key name }';
const CANDIDATE_FIELDS = `rank score municipality { ags shortName crossBorder stateName }
  components { key points strength reasonDe reasonEn info { labelDe labelEn } }
  funding { eligible crossBorder maxGrantEur reasonDe reasonEn } facts { sharedCooperations { id } }`;

let stats: Stats;
let home: { ags: string; shortName: string; altkreis: string; cooperations: Cooperation[] };
let taskArea: { id: string; nameDe: string };
let ranking: { candidates: Candidate[]; weights: Array<{ key: string; info: { labelDe: string } }> };
let joinables: Array<{ id: string; status: Cooperation['status'] }>;
let gapTask: string;

/** Waits for the page to settle, then checks it is accessible and mentions nothing generated. */
async function checkPage(name: string): Promise<void> {
  await session.page.waitForLoadState('networkidle');
  await expectNothingGenerated(session.page);
  expect(await accessibilityViolations(session.page), name).toEqual([]);
}

beforeAll(async () => {
  const app = session.app;
  ({ stats } = await api<{ stats: Stats }>(
    app,
    '{ stats { municipalities cooperations cooperationsUnconfirmed cooperationsInForce estimatedCooperationsInNrw crossBorderMunicipalities } }',
  ));
  // A Hochsauerland municipality with several real cooperations: the one of the two with the most.
  const profiles = await Promise.all(
    ['05958036', '05958020'].map((ags) =>
      api<{ municipality: { ags: string; shortName: string; altkreis: string; cooperationsByTaskArea: Array<{ cooperations: Cooperation[] }> } }>(
        app,
        `query($ags: ID!) { municipality(ags: $ags) { ags shortName altkreis cooperationsByTaskArea { cooperations { ${COOPERATION_FIELDS} } } } }`,
        { ags },
      ),
    ),
  );
  const withCooperations = profiles.map(({ municipality: m }) => ({ ...m, cooperations: m.cooperationsByTaskArea.flatMap((g) => g.cooperations) }));
  withCooperations.sort((a, b) => new Set(b.cooperations.map((c) => c.id)).size - new Set(a.cooperations.map((c) => c.id)).size);
  home = withCooperations[0]!;
  expect(new Set(home.cooperations.map((c) => c.id)).size).toBeGreaterThanOrEqual(3);

  // A task area with existing cooperations nearby to join, partner candidates and partner groups.
  const { taskAreas } = await api<{ taskAreas: Array<{ id: string; nameDe: string }> }>(app, '{ taskAreas { id nameDe } }');
  for (const area of taskAreas) {
    const found = await api<{ joinableCooperations: typeof joinables; coalitionSuggestions: { coalitions: unknown[] } }>(
      app,
      'query($ags: ID!, $t: ID!) { joinableCooperations(ags: $ags, taskArea: $t) { id status } coalitionSuggestions(ags: $ags, taskArea: $t, options: { limit: 5 }) { coalitions { rank } } }',
      { ags: home.ags, t: area.id },
    );
    if (found.joinableCooperations.length > 0 && found.coalitionSuggestions.coalitions.length > 0) {
      taskArea = area;
      joinables = found.joinableCooperations;
      break;
    }
  }
  expect(taskArea, 'a task area with cooperations to join').toBeDefined();
  ({ partnerSuggestions: ranking } = await api<{ partnerSuggestions: typeof ranking }>(
    app,
    `query($ags: ID!, $t: ID!, $cost: Int) { partnerSuggestions(ags: $ags, taskArea: $t, options: { limit: 10, projectCostEur: $cost }) { weights { key info { labelDe } } candidates { ${CANDIDATE_FIELDS} } } }`,
    { ags: home.ags, t: taskArea.id, cost: PROJECT_COST },
  ));
  expect(ranking.candidates.length).toBeGreaterThan(0);

  for (const area of taskAreas) {
    const { cooperationGaps } = await api<{ cooperationGaps: { gaps: unknown[]; hosts: unknown[] } }>(
      app,
      'query($t: ID!) { cooperationGaps(taskArea: $t) { gaps { share } hosts { catchmentPopulation } } }',
      { t: area.id },
    );
    if (cooperationGaps.gaps.length > 0 && cooperationGaps.hosts.length > 0) {
      gapTask = area.id;
      break;
    }
  }
  expect(gapTask, 'a task area with gaps and hosts').toBeDefined();
});

describe('the main pages on the real register', () => {
  it('start page: the real register count from the stats, the unconfirmed ones, no generated count', async () => {
    const { page } = session;
    await page.goto(session.app.url);
    await expect.poll(() => page.getByTestId('stats-cooperations').textContent()).toContain(`von rund ${de(stats.estimatedCooperationsInNrw)} in NRW`);
    const text = (await page.getByTestId('stats-cooperations').textContent())!;
    expect(text.startsWith(de(stats.cooperations))).toBe(true);
    expect(await page.getByTestId('stats-unconfirmed').textContent()).toContain(`${de(stats.cooperationsUnconfirmed)} unbestätigt`);
    expect(await page.getByTestId('stats-municipalities').textContent()).toBe(de(stats.municipalities));
    await checkPage('start');
  });

  it('profile: the Altkreis, and every cooperation with status, confidence and source', async () => {
    const { page } = session;
    await page.goto(`${session.app.url}/kommune/${home.ags}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(home.shortName);
    expect(await page.getByTestId('altkreis').textContent()).toBe(home.altkreis);
    // One row per cooperation and task area, as the API groups them.
    await expect.poll(() => page.getByTestId('cooperation-row').count()).toBe(home.cooperations.length);
    expect(await expectCooperationMarks(page)).toBe(home.cooperations.length);
    const unconfirmed = home.cooperations.filter((c) => c.confidence === 'LOW').length;
    expect(await page.locator('main [data-mark=confidence].confidence-low').count()).toBe(unconfirmed);
    for (const c of home.cooperations) {
      const row = page.getByTestId('cooperation-row').filter({ hasText: c.name }).first();
      expect(await visibleText(row.locator('[data-mark=status]'))).toBe(STATUS_DE[c.status]);
    }
    await expect.poll(() => page.locator('.map path.leaflet-interactive').count()).toBeGreaterThan(1);
    await checkPage('profile');
    await screenshot(page, '20-register-profile');
  });

  it('partner finder: 0–100 scores, named components with points and strength, funding for the project cost, sliders from the API', async () => {
    const { page } = session;
    await page.locator('main a.button', { hasText: 'Partner finden' }).click();
    await page.waitForURL(new RegExp(`/partner\\?ags=${home.ags}`));
    await page.getByLabel('Aufgabenfeld').selectOption(taskArea.id);
    await page.getByLabel('Projektkosten (€)').fill(String(PROJECT_COST));
    await expect.poll(() => page.url()).toContain(`kosten=${PROJECT_COST}`);
    const cards = page.getByTestId('candidate');
    await expect
      .poll(async () => (await cards.locator('h2 a').allTextContents()).join('|'))
      .toBe(ranking.candidates.map((c) => c.municipality.shortName).join('|'));

    for (const [index, candidate] of ranking.candidates.entries()) {
      const card = cards.nth(index);
      expect(await card.getByTestId('score').textContent()).toBe(`${Math.round(candidate.score)} von 100`);
      const funding = (await card.getByTestId('funding').innerText()).replace(/\s+/g, ' ');
      expect(funding).toContain(
        candidate.funding.eligible ? `Förderfähig: bis zu ${eurDe(candidate.funding.maxGrantEur)}`.replace(/\s+/g, ' ') : 'Nicht förderfähig',
      );
      expect(funding).toContain(candidate.funding.reasonDe.replace(/\s+/g, ' '));
      // Every component is there (open or behind the disclosure), in the engine's order, with its label from the API.
      const rows = card.locator('.breakdown li');
      expect(await rows.count()).toBe(ranking.weights.length);
      for (const [i, component] of candidate.components.entries()) {
        const row = rows.nth(i);
        expect(await row.locator('.breakdown-label').textContent()).toBe(component.info.labelDe);
        expect(await row.locator('.breakdown-value').textContent()).toBe(points(component.points));
        expect(await row.locator('.breakdown-strength').textContent()).toBe(STRENGTH_DE[component.strength]);
        expect(await row.locator('.reason').first().textContent()).toBe(component.reasonDe);
      }
    }
    // One slider per component the API lists, named by the component, 0–10 in steps of 0.1.
    expect(await page.getByRole('slider').count()).toBe(ranking.weights.length);
    for (const weight of ranking.weights) {
      const slider = page.getByRole('slider', { name: weight.info.labelDe, exact: true });
      expect(await slider.getAttribute('step')).toBe('0.1');
      expect(await slider.getAttribute('max')).toBe('10');
    }
    await checkPage('finder');
    await screenshot(page, '21-register-finder');
  });

  it('partner groups: 0–100 and the same components', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Partnergruppen' }).click();
    await expect.poll(() => page.getByTestId('coalition').count()).toBeGreaterThan(0);
    const groups = page.getByTestId('coalition');
    for (let i = 0; i < (await groups.count()); i++) {
      expect(await groups.nth(i).getByTestId('score').textContent()).toMatch(/^\d{1,3} von 100$/);
      expect(await groups.nth(i).locator('.breakdown li').count()).toBe(ranking.weights.length);
      expect(await groups.nth(i).getByTestId('funding').count()).toBe(1);
    }
    await checkPage('coalitions');
  });

  it('joining: each cooperation nearby with its status, confidence and source', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Bestehenden Kooperationen beitreten' }).click();
    await expect.poll(() => page.getByTestId('cooperation-row').count()).toBe(joinables.length);
    expect(await expectCooperationMarks(page)).toBe(joinables.length);
    for (const [i, j] of joinables.entries())
      expect(await visibleText(page.getByTestId('cooperation-row').nth(i).locator('[data-mark=status]'))).toBe(STATUS_DE[j.status]);
    await checkPage('joinables');
  });

  it('dossier: the same score presentation, the shared cooperations with their marks, the funding for the project cost', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Partner', exact: true }).click();
    const first = ranking.candidates[0]!;
    await page.getByTestId('candidate').first().getByRole('link', { name: 'Dossier für den Rat' }).click();
    await page.waitForURL(/\/dossier\?/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Dossier: ${taskArea.nameDe}`);
    expect(await page.getByTestId('score').textContent()).toBe(`${Math.round(first.score)} von 100`);
    expect(await page.locator('.breakdown li').count()).toBe(ranking.weights.length);
    expect(await page.locator('.breakdown li .breakdown-label').allTextContents()).toEqual(first.components.map((c) => c.info.labelDe));
    expect((await page.getByTestId('dossier-cost').textContent())!.replace(/\s+/g, ' ')).toBe(`Projektkosten: ${eurDe(PROJECT_COST)}.`.replace(/\s+/g, ' '));
    expect((await page.getByTestId('funding').innerText()).replace(/\s+/g, ' ')).toContain(first.funding.reasonDe.replace(/\s+/g, ' '));
    // The cooperations the two already share, as the ranking counted them, each with its marks.
    expect(await page.getByTestId('cooperation-row').count()).toBe(first.facts.sharedCooperations.length);
    await expectCooperationMarks(page);
    await expect.poll(() => page.locator('.map path.leaflet-interactive').count()).toBe(2);
    await checkPage('dossier');
    await screenshot(page, '22-register-dossier');
  });

  it('directory: every row with status, confidence and source; filtering by status', async () => {
    const { page } = session;
    await page.goto(`${session.app.url}/kooperationen`);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(`${de(stats.cooperations)} Kooperationen`);
    expect(await expectCooperationMarks(page)).toBe(25);
    await checkPage('directory');

    const { cooperations } = await api<{ cooperations: { totalCount: number } }>(
      session.app,
      '{ cooperations(filter: { status: ENDED }, first: 1) { totalCount } }',
    );
    await page.getByLabel('Status', { exact: true }).selectOption('ENDED');
    await expect.poll(() => page.url()).toContain('status=ENDED');
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(`${de(cooperations.totalCount)} Kooperationen`);
    const badges = page.getByTestId('cooperation-row').locator('[data-mark=status]');
    const statuses = await Promise.all((await badges.all()).map((badge) => visibleText(badge)));
    expect(statuses.length).toBe(Math.min(25, cooperations.totalCount));
    expect(new Set(statuses)).toEqual(new Set(['beendet']));
    await expectCooperationMarks(page);
  });

  it('detail page: status, confidence, source, evidence, remark, external members by name and the members on a map', async () => {
    const { page } = session;
    // A cooperation of the profile municipality, preferably one with a named external partner.
    const pick =
      home.cooperations.find((c) => c.members.some((m) => m.kind === 'EXTERNAL') && c.evidence) ??
      home.cooperations.find((c) => c.evidence) ??
      home.cooperations[0]!;
    await page.goto(`${session.app.url}/kooperationen/${pick.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(pick.name);
    expect(await visibleText(page.locator('main [data-mark=status]'))).toBe(STATUS_DE[pick.status]);
    expect(await page.locator('main [data-mark=confidence]').count()).toBe(1);
    expect(await page.locator('main a[data-mark=source]').getAttribute('href')).toBe(pick.sourceUrl);
    if (pick.evidence) expect(await page.getByTestId('evidence').textContent()).toBe(pick.evidence);
    if (pick.remark) expect(await page.getByTestId('remark').textContent()).toBe(pick.remark);
    for (const member of pick.members.filter((m) => m.kind === 'EXTERNAL')) {
      const item = page.locator('.members li', { hasText: member.name });
      expect(await item.textContent()).toContain('externer Partner');
      expect(await item.locator('a').count()).toBe(0);
    }
    const municipal = pick.members.filter((m) => m.kind === 'MUNICIPALITY').length;
    await expect.poll(() => page.locator('.map path.leaflet-interactive').count()).toBe(municipal);
    await checkPage('detail');
  });

  it('network: no generated option, no generated data', async () => {
    const { page } = session;
    await page.goto(`${session.app.url}/netzwerk?herkunft=GENERATED`);
    // An old link asking for generated records gets the whole register instead.
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(new RegExp(`^${stats.municipalities} Kommunen`));
    expect(await page.locator('option[value=GENERATED]').count()).toBe(0);
    await checkPage('network');
  });

  it('gaps: no generated data', async () => {
    const { page } = session;
    await page.goto(`${session.app.url}/luecken?aufgabe=${gapTask}`);
    await expect.poll(() => page.getByTestId('gaps-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await checkPage('gaps');
  });

  it('Daten & Quellen: how complete the register is, nothing invented, how it grows, the sources and their attribution', async () => {
    const { page } = session;
    await page.goto(`${session.app.url}/daten`);
    await expect
      .poll(() => page.getByTestId('about-completeness').textContent())
      .toContain(`Das Register enthält ${de(stats.cooperations)} Kooperationen von geschätzt rund ${de(stats.estimatedCooperationsInNrw)} in NRW`);
    const text = await page.locator('main').innerText();
    for (const expected of [
      'Nichts ist erfunden',
      'in Vorbereitung',
      'Geschäftsstelle IKZ',
      'regionen/altkreise.csv',
      'Statistik: Statistisches Bundesamt (Destatis), dl-de/by-2.0',
      '© GeoBasis-DE / BKG 2016',
      'Gemeindeverzeichnis GV100AD',
      'LEADER-, VITAL.NRW-, ILEK- und REGIONALE-Regionen',
      `${de(stats.crossBorderMunicipalities)} Kommunen in Niedersachsen, Hessen und Rheinland-Pfalz`,
      'Die Niederlande und Belgien sind vorerst nicht enthalten',
      'docs/matching.md',
    ])
      expect(text).toContain(expected);
    // No invented contact: reporting is in preparation, so there is no address or form to offer yet.
    expect(await page.locator('main a[href^="mailto:"], main form').count()).toBe(0);
    await checkPage('about');
  });

  it('switches the finder to English on demand, with the API’s English names and reasons', async () => {
    const { page } = session;
    const englishChunks: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/en-[^/]+\.js$/.test(request.url())) englishChunks.push(request.url());
    });
    await page.goto(`${session.app.url}/partner?ags=${home.ags}&aufgabe=${taskArea.id}&kosten=${PROJECT_COST}`);
    await expect.poll(() => page.getByTestId('candidate').count()).toBe(ranking.candidates.length);
    expect(englishChunks).toEqual([]);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    const first = page.getByTestId('candidate').first();
    await expect.poll(() => first.getByTestId('score').textContent()).toBe(`${Math.round(ranking.candidates[0]!.score)} of 100`);
    const component = ranking.candidates[0]!.components[0]!;
    expect(await first.locator('.breakdown li').first().locator('.breakdown-label').textContent()).toBe(component.info.labelEn);
    expect(await first.locator('.breakdown li').first().locator('.breakdown-strength').textContent()).toBe(STRENGTH_EN[component.strength]);
    expect(await first.locator('.breakdown li').first().locator('.reason').textContent()).toBe(component.reasonEn);
    expect(await first.getByTestId('funding').innerText()).toMatch(ranking.candidates[0]!.funding.eligible ? /^Eligible for funding: up to/ : /^Not eligible/);
    expect(englishChunks.length).toBe(1);
    await expectNothingGenerated(page);
    await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('de');
  });
});

describe('a cooperation whose members the register does not know', () => {
  it('says so instead of an empty list, and draws no map', async () => {
    const { cooperation } = await api<{ cooperation: Cooperation }>(session.app, `query { cooperation(id: "K18") { ${COOPERATION_FIELDS} } }`);
    expect(cooperation.memberCount).toBe(0);
    const { page } = session;
    await page.goto(`${session.app.url}/kooperationen/K18`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(cooperation.name);
    expect(await page.getByTestId('members-unknown').textContent()).toBe('Die Mitglieder sind im Register nicht erfasst.');
    expect(await page.locator('main .members li').count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('main .map, main .leaflet-container').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Mitglieder auf der Karte' }).count()).toBe(0);
    expect(await page.locator('main a[data-mark=source]').getAttribute('href')).toBe(cooperation.sourceUrl);
    await checkPage('K18');
  });
});

describe('neighbours across the Land border', () => {
  it('are suggested to a municipality at the border, marked with their Land and with the cross-border funding rule', async () => {
    // A border municipality and a task area in which the top ten hold a candidate from the neighbouring Land.
    const { taskAreas } = await api<{ taskAreas: Array<{ id: string }> }>(session.app, '{ taskAreas { id } }');
    let found: { ags: string; task: string; candidate: Candidate; candidates: Candidate[] } | undefined;
    // Medebach and Bad Berleburg at Hessen, Petershagen (Kreis Minden-Lübbecke) at Niedersachsen.
    search: for (const ags of ['05958028', '05970004', '05770028']) {
      for (const area of taskAreas) {
        const { partnerSuggestions } = await api<{ partnerSuggestions: { candidates: Candidate[] } }>(
          session.app,
          `query($ags: ID!, $t: ID!) { partnerSuggestions(ags: $ags, taskArea: $t, options: { limit: 10 }) { candidates { ${CANDIDATE_FIELDS} } } }`,
          { ags, t: area.id },
        );
        const candidate = partnerSuggestions.candidates.find((c) => c.municipality.crossBorder);
        if (candidate) {
          found = { ags, task: area.id, candidate, candidates: partnerSuggestions.candidates };
          break search;
        }
      }
    }
    expect(found, 'a cross-border candidate for a border municipality').toBeDefined();
    const { ags, task, candidate, candidates } = found!;
    expect(candidate.municipality.stateName).toMatch(/Niedersachsen|Hessen|Rheinland-Pfalz/);
    expect(candidate.funding.crossBorder).toBe(true);

    const { page } = session;
    await page.goto(`${session.app.url}/partner?ags=${ags}&aufgabe=${task}`);
    const card = page.getByTestId('candidate').filter({ has: page.getByRole('link', { name: candidate.municipality.shortName, exact: true }) });
    await expect.poll(() => card.count()).toBe(1);
    expect(await visibleText(card.locator('[data-mark=state]'))).toBe(candidate.municipality.stateName);
    const funding = (await card.getByTestId('funding').innerText()).replace(/\s+/g, ' ');
    expect(funding).toContain(candidate.funding.reasonDe.replace(/\s+/g, ' '));
    if (candidate.funding.eligible) expect(funding).toContain(`bis zu ${eurDe(candidate.funding.maxGrantEur)}`.replace(/\s+/g, ' '));
    // NRW candidates carry no Land badge.
    expect(await page.getByTestId('candidate').locator('[data-mark=state]').count()).toBe(candidates.filter((c) => c.municipality.crossBorder).length);
    await checkPage('finder at the border');
    await screenshot(page, '23-register-cross-border');

    // Its profile says where it lies, that it is a possible partner and that its cooperations are not in the register.
    await card.getByRole('link', { name: candidate.municipality.shortName, exact: true }).click();
    await page.waitForURL(new RegExp(`/kommune/${candidate.municipality.ags}$`));
    const note = page.getByTestId('cross-border-note');
    await expect.poll(() => note.textContent()).toContain(`liegt in ${candidate.municipality.stateName}`);
    expect(await note.textContent()).toContain('möglichen Partner');
    expect(await note.textContent()).toContain('nicht im Register');
    // The partner search is for NRW municipalities: no button that would only lead to a refusal.
    expect(await page.locator('main a.button').count()).toBe(0);
    await checkPage('cross-border profile');
  });
});
