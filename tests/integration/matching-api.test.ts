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
  municipality: { ags: string; shortName: string };
  facts: { hops: number | null; hostsTask: number; memberInTask: number; sharedCooperations: Array<{ taskAreaIds: string[] }>; distanceKm: number; combinedPopulation: number };
  components: Array<{ key: string; rawValue: number; weight: number; contribution: number; reasonDe: string; reasonEn: string; source: string }>;
  funding: { eligible: boolean; maxGrantEur: number };
}
const SUGGEST = `query Suggest($ags: ID!, $taskArea: ID!, $options: PartnerOptions) {
  partnerSuggestions(ags: $ags, taskArea: $taskArea, options: $options) {
    consideredCount existingPartners { ags }
    weights { proximity existingTies experience sizeFit sameDistrict funding }
    candidates { rank score municipality { ags shortName }
      facts { hops hostsTask memberInTask distanceKm combinedPopulation sharedCooperations { taskAreaIds } }
      components { key rawValue weight contribution reasonDe reasonEn source }
      funding { eligible maxGrantEur } }
  }
}`;
type Suggestions = { partnerSuggestions: { consideredCount: number; existingPartners: Array<{ ags: string }>; candidates: Candidate[]; weights: Record<string, number> } };
const suggest = async (ags: string, taskArea: string, options: Record<string, unknown> = {}) => {
  const response = await app.graphql<Suggestions>(SUGGEST, { ags, taskArea, options });
  expect(response.errors).toBeUndefined();
  return response.data!.partnerSuggestions;
};

describe('partnerSuggestions on the real NRW graph', () => {
  it('suggests the neighbours of a small Sauerland municipality for a Standesamt', async () => {
    const result = await suggest(BESTWIG, 'standesamt', { limit: 5 });
    expect(result.candidates).toHaveLength(5);
    const neighbours = result.candidates.filter((c) => c.facts.hops === 1).length;
    expect(neighbours).toBeGreaterThanOrEqual(4);
    expect(result.candidates[0]!.facts.hops).toBe(1);
    for (const candidate of result.candidates) {
      expect(candidate.components.map((c) => c.key)).toEqual(['PROXIMITY', 'EXISTING_TIES', 'EXPERIENCE', 'SIZE_FIT', 'SAME_DISTRICT', 'FUNDING']);
      expect(candidate.score).toBeCloseTo(candidate.components.reduce((s, c) => s + c.contribution, 0), 2);
      for (const c of candidate.components) {
        expect(c.reasonDe.length).toBeGreaterThan(10);
        expect(c.reasonEn.length).toBeGreaterThan(10);
        expect(c.source.length).toBeGreaterThan(10);
      }
      expect(candidate.funding).toEqual({ eligible: true, maxGrantEur: 175_000 });
    }
    const scores = result.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('ranks members and hosts of existing IT cooperations high for IT', async () => {
    const result = await suggest(BESTWIG, 'it', { limit: 5 });
    const experienced = result.candidates.filter((c) => c.facts.hostsTask > 0 || c.facts.memberInTask > 0 || c.facts.sharedCooperations.some((s) => s.taskAreaIds.includes('it')));
    expect(experienced.length).toBeGreaterThanOrEqual(3);
    // For IT proximity matters little: the search reaches beyond the neighbours.
    expect(result.weights.proximity).toBeLessThan(1);
    expect(result.consideredCount).toBeGreaterThan(50);
  });

  it('never suggests a municipality that already cooperates with it in the task', async () => {
    const result = await suggest('05958036', 'standesamt', { limit: 50, maxDistanceKm: 100 });
    expect(result.existingPartners.length).toBeGreaterThan(0);
    const suggested = new Set(result.candidates.map((c) => c.municipality.ags));
    for (const partner of result.existingPartners) expect(suggested.has(partner.ags)).toBe(false);
  });

  it('re-ranks when a weight changes, and is deterministic', async () => {
    const base = await suggest(BESTWIG, 'standesamt', { limit: 10 });
    expect(await suggest(BESTWIG, 'standesamt', { limit: 10 })).toEqual(base);
    const kreis = await suggest(BESTWIG, 'standesamt', { limit: 10, weights: { sameDistrict: 10, proximity: 0 } });
    expect(kreis.weights.sameDistrict).toBe(10);
    const inKreis = (r: Suggestions['partnerSuggestions']) => r.candidates.slice(0, 5).filter((c) => c.municipality.ags.startsWith('05958')).length;
    expect(inKreis(kreis)).toBe(5);
    expect(kreis.candidates.map((c) => c.municipality.ags)).not.toEqual(base.candidates.map((c) => c.municipality.ags));
  });

  it('can leave generated cooperations out of the evidence', async () => {
    const all = await suggest(BESTWIG, 'it', { limit: 10 });
    const researchedOnly = await suggest(BESTWIG, 'it', { limit: 10, includeGenerated: false });
    const experience = (r: Suggestions['partnerSuggestions']) => r.candidates.reduce((s, c) => s + c.facts.hostsTask + c.facts.memberInTask, 0);
    expect(experience(researchedOnly)).toBeLessThan(experience(all));
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
    const { data, errors } = await app.graphql<{ coalitionSuggestions: { coalitions: Array<{ members: Array<{ ags: string; population: number }>; combinedPopulation: number; reachesTarget: boolean; connected: boolean; funding: { maxGrantEur: number; nrwPartners: number }; components: Array<{ key: string }> }> } }>(
      `query Coalitions { coalitionSuggestions(ags: "${BESTWIG}", taskArea: "standesamt", options: { targetPopulation: 50000, minSize: 2, maxSize: 6, limit: 5 }) {
        targetPopulation coalitions { members { ags population } combinedPopulation reachesTarget connected funding { maxGrantEur nrwPartners } components { key reasonDe } } } }`,
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
    expect(coalitions[0]!.reachesTarget).toBe(true);
  });
});

describe('joinableCooperations', () => {
  it('lists nearby cooperations covering the task that the municipality is not in, nearest first', async () => {
    const { data, errors } = await app.graphql<{ joinableCooperations: Array<{ id: string; distanceKm: number; members: Array<{ key: string }>; legalForm: string }> }>(
      `query Join { joinableCooperations(ags: "${BESTWIG}", taskArea: "vhs", options: { maxDistanceKm: 40 }) { id name legalForm distanceKm viaDistrict memberCount nearestMember { shortName } members { key name role } } }`,
    );
    expect(errors).toBeUndefined();
    const list = data!.joinableCooperations;
    expect(list.length).toBeGreaterThan(0);
    for (const j of list) {
      expect(j.members.map((m) => m.key)).not.toContain(BESTWIG);
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
    ['a malformed AGS', { ags: 'Köln', taskArea: 'it' }, 'BAD_USER_INPUT', /8-stellig/],
    ['an unknown task area', { ags: BESTWIG, taskArea: 'raumfahrt' }, 'NOT_FOUND', /raumfahrt/],
    ['a negative limit', { ags: BESTWIG, taskArea: 'it', options: { limit: -1 } }, 'BAD_USER_INPUT', /^Ungültige Eingabe: „limit“ darf nicht kleiner als 1 sein\. \/ Invalid input: limit: limit must not be less than 1/],
    ['an absurd weight', { ags: BESTWIG, taskArea: 'it', options: { weights: { proximity: 1e9 } } }, 'BAD_USER_INPUT', /„weights\.proximity“ darf nicht größer als 10 sein/],
    ['an absurd radius', { ags: BESTWIG, taskArea: 'it', options: { maxDistanceKm: 40000 } }, 'BAD_USER_INPUT', /„maxDistanceKm“ darf nicht größer als 500 sein/],
  ])('%s → %s with a clear message and no stack', async (_label, variables, expected, message) => {
    const response = await app.graphql(SUGGEST, variables);
    expect(code(response)).toBe(expected);
    expect(response.errors![0]!.message).toMatch(message);
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('rejects an oversized page', async () => {
    const response = await app.graphql('query Big { municipalities(first: 1000) { totalCount } }');
    expect(code(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toMatch(/first/);
  });

  it('rejects coalition sizes outside 2–6 and min > max', async () => {
    const tooBig = await app.graphql(`query C { coalitionSuggestions(ags: "${BESTWIG}", taskArea: "it", options: { maxSize: 9 }) { targetPopulation } }`);
    expect(code(tooBig)).toBe('BAD_USER_INPUT');
    const crossed = await app.graphql(`query C { coalitionSuggestions(ags: "${BESTWIG}", taskArea: "it", options: { minSize: 5, maxSize: 3 }) { targetPopulation } }`);
    expect(code(crossed)).toBe('BAD_USER_INPUT');
  });
});
