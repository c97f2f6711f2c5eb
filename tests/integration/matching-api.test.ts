import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const BESTWIG = '05958008'; // a small Sauerland municipality (~10,700 inhabitants, Hochsauerlandkreis)

interface Candidate {
  rank: number;
  score: number;
  municipality: { ags: string; shortName: string; crossBorder: boolean; stateName: string };
  facts: {
    hops: number | null;
    hostsTask: number;
    memberInTask: number;
    sharedCooperations: Array<{ taskAreaIds: string[] }>;
    distanceKm: number;
    combinedPopulation: number;
    crossBorder: boolean;
  };
  components: Array<{
    key: string;
    rawValue: number;
    strength: string;
    weight: number;
    points: number;
    reasonDe: string;
    reasonEn: string;
    info: { labelDe: string; source: string };
  }>;
  funding: { eligible: boolean; crossBorder: boolean; maxGrantEur: number; reasonDe: string };
}
const SUGGEST = `query Suggest($ags: ID!, $taskArea: ID!, $options: PartnerOptions) {
  partnerSuggestions(ags: $ags, taskArea: $taskArea, options: $options) {
    consideredCount existingPartners { ags }
    weights { key weight defaultWeight info { labelDe } }
    candidates { rank score municipality { ags shortName crossBorder stateName }
      facts { hops hostsTask memberInTask distanceKm combinedPopulation crossBorder sharedCooperations { taskAreaIds } }
      components { key rawValue strength weight points reasonDe reasonEn info { labelDe source } }
      funding { eligible crossBorder maxGrantEur reasonDe } }
  }
}`;
type Suggestions = {
  partnerSuggestions: {
    consideredCount: number;
    existingPartners: Array<{ ags: string }>;
    candidates: Candidate[];
    weights: Array<{ key: string; weight: number; defaultWeight: number }>;
  };
};
const suggest = async (ags: string, taskArea: string, options: Record<string, unknown> = {}) => {
  const response = await app.graphql<Suggestions>(SUGGEST, { ags, taskArea, options });
  expect(response.errors).toBeUndefined();
  return response.data!.partnerSuggestions;
};
const weightOf = (result: Suggestions['partnerSuggestions'], key: string) => result.weights.find((w) => w.key === key)!.weight;

describe('partnerSuggestions on the real NRW graph', () => {
  it('suggests the neighbours of a small Sauerland municipality for a Standesamt, explained on a 0–100 scale', async () => {
    const result = await suggest(BESTWIG, 'standesamt', { limit: 5 });
    expect(result.candidates).toHaveLength(5);
    const neighbours = result.candidates.filter((c) => c.facts.hops === 1).length;
    expect(neighbours).toBeGreaterThanOrEqual(4);
    expect(result.candidates[0]!.facts.hops).toBe(1);
    const keys = result.weights.map((w) => w.key);
    for (const candidate of result.candidates) {
      expect(candidate.components.map((c) => c.key)).toEqual(keys);
      expect(candidate.score).toBeGreaterThan(0);
      expect(candidate.score).toBeLessThanOrEqual(100);
      expect(candidate.score).toBeCloseTo(
        candidate.components.reduce((s, c) => s + c.points, 0),
        0,
      );
      for (const c of candidate.components) {
        expect(c.reasonDe.length).toBeGreaterThan(10);
        expect(c.reasonEn.length).toBeGreaterThan(10);
        expect(c.info.source.length).toBeGreaterThan(10);
        expect(['STRONG', 'MEDIUM', 'WEAK']).toContain(c.strength);
      }
      expect(candidate.funding).toMatchObject({ eligible: true, crossBorder: false, maxGrantEur: 175_000 });
    }
    const scores = result.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('for IT looks beyond the neighbours, and moves experienced municipalities up when experience is weighted', async () => {
    const result = await suggest(BESTWIG, 'it', { limit: 10 });
    expect(result.consideredCount).toBeGreaterThan(50);
    // The fit on the register gives experience no default weight (docs/matching.md); a user who wants hosts raises it.
    const experienced = (r: Suggestions['partnerSuggestions']) => r.candidates.filter((c) => c.facts.hostsTask > 0 || c.facts.memberInTask > 0).length;
    const weighted = await suggest(BESTWIG, 'it', { limit: 10, weights: [{ key: 'EXPERIENCE', weight: 10 }] });
    expect(experienced(weighted)).toBeGreaterThan(experienced(result));
    expect(experienced(weighted)).toBeGreaterThanOrEqual(3);
  });

  it('never suggests a municipality that already cooperates with it in the task', async () => {
    // Neuenrade and Balve support each other's Standesamt (D002 in the register).
    const result = await suggest('05962048', 'standesamt', { limit: 50, maxDistanceKm: 100 });
    expect(result.existingPartners.map((m) => m.ags)).toEqual(['05962008']);
    expect(result.existingPartners.length).toBeGreaterThan(0);
    const suggested = new Set(result.candidates.map((c) => c.municipality.ags));
    for (const partner of result.existingPartners) expect(suggested.has(partner.ags)).toBe(false);
  });

  it('re-ranks when a weight changes, and is deterministic', async () => {
    const base = await suggest(BESTWIG, 'standesamt', { limit: 10 });
    expect(await suggest(BESTWIG, 'standesamt', { limit: 10 })).toEqual(base);
    const kreis = await suggest(BESTWIG, 'standesamt', {
      limit: 10,
      weights: [
        { key: 'SAME_DISTRICT', weight: 10 },
        { key: 'PROXIMITY', weight: 0 },
      ],
    });
    expect(weightOf(kreis, 'SAME_DISTRICT')).toBe(10);
    const inKreis = (r: Suggestions['partnerSuggestions']) => r.candidates.slice(0, 5).filter((c) => c.municipality.ags.startsWith('05958')).length;
    expect(inKreis(kreis)).toBe(5);
    expect(kreis.candidates.map((c) => c.municipality.ags)).not.toEqual(base.candidates.map((c) => c.municipality.ags));
  });

  it('offers municipalities across the Land border to a border municipality, marked, with the cross-border grant', async () => {
    // Medebach (Hochsauerlandkreis) borders Hessen.
    const result = await suggest('05958028', 'bauhof', { limit: 30 });
    const hessian = result.candidates.filter((c) => c.municipality.crossBorder);
    expect(hessian.length).toBeGreaterThan(0);
    for (const c of hessian) {
      expect(c.facts.crossBorder).toBe(true);
      expect(c.municipality.stateName).toBe('Hessen');
      expect(c.funding).toMatchObject({ eligible: true, crossBorder: true, maxGrantEur: 75_000 });
      expect(c.funding.reasonDe).toMatch(/länderübergreifend/);
    }
  });

  it('refuses a partner search for a municipality outside NRW', async () => {
    const { records } = await app.db.read('MATCH (m:CrossBorder) RETURN m.ags AS ags ORDER BY ags LIMIT 1');
    const response = await app.graphql(SUGGEST, { ags: records[0]!.get('ags') as string, taskArea: 'bauhof' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toMatch(/für NRW-Kommunen/);
  });

  it('ranks from the in-memory snapshot without a Cypher query once it is loaded (ADR 007)', async () => {
    await suggest(BESTWIG, 'standesamt');
    // Right after a request the snapshot is fresh (checked within the last 10 s): no query at all.
    const response = await app.graphql(SUGGEST, { ags: BESTWIG, taskArea: 'vhs', options: { limit: 10 } });
    expect(response.errors).toBeUndefined();
    expect(response.extensions!.queryCount).toBe(0);
  });
});

describe('coalitionSuggestions', () => {
  it('proposes border-connected groups of 2–6 with the municipality, reaching the target, with the funding estimate', async () => {
    const { data, errors } = await app.graphql<{
      coalitionSuggestions: {
        coalitions: Array<{
          members: Array<{ ags: string; population: number }>;
          combinedPopulation: number;
          score: number;
          reachesTarget: boolean;
          connected: boolean;
          funding: { maxGrantEur: number; nrwPartners: number };
          components: Array<{ key: string }>;
        }>;
      };
    }>(
      `query Coalitions { coalitionSuggestions(ags: "${BESTWIG}", taskArea: "standesamt", options: { targetPopulation: 50000, minSize: 2, maxSize: 6, limit: 5 }) {
        targetPopulation coalitions { members { ags population } combinedPopulation score reachesTarget connected funding { maxGrantEur nrwPartners } components { key reasonDe } } } }`,
    );
    expect(errors).toBeUndefined();
    const coalitions = data!.coalitionSuggestions.coalitions;
    expect(coalitions.length).toBeGreaterThan(0);
    for (const c of coalitions) {
      expect(c.members.map((m) => m.ags)).toContain(BESTWIG);
      expect(c.members.length).toBeGreaterThanOrEqual(2);
      expect(c.members.length).toBeLessThanOrEqual(6);
      expect(c.connected).toBe(true);
      expect(c.combinedPopulation).toBe(c.members.reduce((s, m) => s + m.population, 0));
      if (c.funding.maxGrantEur > 0) expect(c.funding.maxGrantEur).toBe(175_000 + 35_000 * (c.members.length - 2));
    }
    // Groups that reach the target without being more than twice as large come first.
    expect(coalitions[0]!.reachesTarget).toBe(true);
    expect(coalitions[0]!.combinedPopulation).toBeLessThanOrEqual(2 * 50_000);
    const scores = coalitions.filter((c) => c.combinedPopulation >= 50_000 && c.combinedPopulation <= 100_000).map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('joinableCooperations', () => {
  it('lists nearby cooperations covering the task that the municipality is not in, nearest first', async () => {
    const { data, errors } = await app.graphql<{
      joinableCooperations: Array<{ id: string; distanceKm: number; status: string; members: Array<{ key: string }>; legalForm: string }>;
    }>(
      `query Join { joinableCooperations(ags: "${BESTWIG}", taskArea: "vhs", options: { maxDistanceKm: 40 }) { id name legalForm status distanceKm viaDistrict memberCount nearestMember { shortName } members { key name role } } }`,
    );
    expect(errors).toBeUndefined();
    const list = data!.joinableCooperations;
    expect(list.length).toBeGreaterThan(0);
    for (const j of list) {
      expect(j.members.map((m) => m.key)).not.toContain(BESTWIG);
      expect(j.status).not.toBe('ENDED');
      expect(j.distanceKm).toBeLessThanOrEqual(40);
    }
    const distances = list.map((j) => j.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });
});

describe('bad input', () => {
  const code = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

  it.each([
    ['an unknown AGS', { ags: '05999999', taskArea: 'it' }, 'NOT_FOUND', /05999999/],
    ['a malformed AGS', { ags: 'Köln', taskArea: 'it' }, 'BAD_USER_INPUT', /8 Ziffern/],
    ['an unknown task area', { ags: BESTWIG, taskArea: 'raumfahrt' }, 'NOT_FOUND', /raumfahrt/],
    [
      'a negative limit',
      { ags: BESTWIG, taskArea: 'it', options: { limit: -1 } },
      'BAD_USER_INPUT',
      /^Ungültige Eingabe: Die Anzahl der Ergebnisse darf nicht kleiner als 1 sein\. \/ Invalid input: The number of results must not be less than 1\./,
    ],
    [
      'an absurd weight',
      { ags: BESTWIG, taskArea: 'it', options: { weights: [{ key: 'PROXIMITY', weight: 1e9 }] } },
      'BAD_USER_INPUT',
      /darf nicht größer als 10 sein/,
    ],
    [
      'a weight given twice',
      {
        ags: BESTWIG,
        taskArea: 'it',
        options: {
          weights: [
            { key: 'PROXIMITY', weight: 1 },
            { key: 'PROXIMITY', weight: 2 },
          ],
        },
      },
      'BAD_USER_INPUT',
      /doppelt/,
    ],
    [
      'an absurd radius',
      { ags: BESTWIG, taskArea: 'it', options: { maxDistanceKm: 40000 } },
      'BAD_USER_INPUT',
      /Der Umkreis \(km\) darf nicht größer als 500 sein/,
    ],
  ])('%s → %s with a clear message and no stack', async (_label, variables, expected, message) => {
    const response = await app.graphql(SUGGEST, variables);
    expect(code(response)).toBe(expected);
    expect(response.errors![0]!.message).toMatch(message);
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('rejects an oversized page', async () => {
    const response = await app.graphql('query Big { municipalities(first: 1000) { totalCount } }');
    expect(code(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toMatch(/Seitengröße/);
  });

  it('rejects coalition sizes outside 2–6 and min > max', async () => {
    const tooBig = await app.graphql(`query C { coalitionSuggestions(ags: "${BESTWIG}", taskArea: "it", options: { maxSize: 9 }) { targetPopulation } }`);
    expect(code(tooBig)).toBe('BAD_USER_INPUT');
    const crossed = await app.graphql(
      `query C { coalitionSuggestions(ags: "${BESTWIG}", taskArea: "it", options: { minSize: 5, maxSize: 3 }) { targetPopulation } }`,
    );
    expect(code(crossed)).toBe('BAD_USER_INPUT');
  });
});
