import { describe, expect, it } from 'vitest';
import { suggestCoalitions } from './coalitions';
import {
  COMPONENT_KEYS,
  existingTiesFactor,
  experienceFactor,
  proximityFactor,
  sameDistrictFactor,
  sharedRegionFactor,
  sizeFitFactor,
  type PairInput,
} from './components';
import { CooperationIndex, type IndexedCooperation } from './cooperation-index';
import { sharedBorderFactor, sharedHistoryFactor } from './rejected-signals';
import { estimateFunding } from './funding';
import { Geography } from './geography';
import { joinableCooperations } from './joinable';
import { suggestPartners, type MatchingOptions } from './partners';
import { noFacts, testPlace } from './test-places';
import type { CandidateFacts, TaskProfile } from './types';
import { defaultWeights, resolveWeights } from './weights';

// F in the middle; A east and B west at the same distance, only A shares a border with F.
const F = testPlace('05958001', 7.0, 51.0);
const A = testPlace('05958002', 7.1, 51.0);
const B = testPlace('05958003', 6.9, 51.0);
const C = testPlace('05958004', 7.0, 51.1, 30_000);
const D = testPlace('05974005', 7.2, 51.0, 8_000, '05974');
const H = testPlace('06635001', 7.0, 50.92, 9_000, '06635', { districtName: 'Landkreis Waldeck-Frankenberg', districtType: 'LANDKREIS' });
const places = [F, A, B, C, D, H];
const geography = new Geography(places, [
  { a: F.ags, b: A.ags, lengthKm: 8, touch: false },
  { a: F.ags, b: C.ags, lengthKm: 5, touch: false },
  { a: A.ags, b: D.ags, lengthKm: 6, touch: false },
  { a: C.ags, b: B.ags, lengthKm: 4, touch: false },
  { a: F.ags, b: H.ags, lengthKm: 3, touch: false },
]);

const bauhof: TaskProfile = { id: 'bauhof', nameDe: 'Bauhof', nameEn: 'Works yard', proximity: 0.95, efficientScale: 20_000, sizeFit: 'SIMILAR' };
const it_: TaskProfile = { id: 'it', nameDe: 'IT', nameEn: 'IT', proximity: 0.1, efficientScale: 150_000, sizeFit: 'COMPLEMENTARY' };
const member = (key: string, role = 'MEMBER') => ({ kind: 'MUNICIPALITY' as const, key, role });
const cooperation = (
  id: string,
  taskAreaIds: string[],
  members: IndexedCooperation['members'],
  status: IndexedCooperation['status'] = 'ACTIVE',
): IndexedCooperation => ({
  id,
  name: `Kooperation ${id}`,
  legalForm: 'ZWECKVERBAND',
  provenance: 'RESEARCHED',
  status,
  confidence: 'HIGH',
  taskAreaIds,
  members,
});
const evidence = (task: TaskProfile, cooperations: IndexedCooperation[] = []) => new CooperationIndex(cooperations).evidenceFor(geography, F, task.id, 100);
const options = (task: TaskProfile, overrides: Partial<MatchingOptions> = {}): MatchingOptions => ({
  weights: defaultWeights(task),
  limit: 10,
  targetPopulation: null,
  maxDistanceKm: 100,
  sizeFit: task.sizeFit,
  projectCostEur: null,
  ...overrides,
});
const order = (task: TaskProfile, cooperations: IndexedCooperation[] = [], overrides: Partial<MatchingOptions> = {}) =>
  suggestPartners(geography, F, task, evidence(task, cooperations), options(task, overrides)).candidates.map((c) => c.place.ags);
const pair = (facts: Partial<CandidateFacts>, candidate = A, task = bauhof, target = 20_000): PairInput => ({
  focal: F,
  candidate,
  task,
  facts: { ...noFacts, ...facts },
  target,
  sizeFit: task.sizeFit,
});

describe('score components', () => {
  it('proximity: nearer beats farther, and a neighbour is named with its border; the rejected border signal still orders borders', () => {
    const long = sharedBorderFactor(pair({ hops: 1, border: { lengthKm: 15, touch: false } }));
    const touch = sharedBorderFactor(pair({ hops: 1, border: { lengthKm: 0, touch: true } }));
    expect(long.raw).toBeGreaterThan(touch.raw);
    expect(touch.raw).toBeGreaterThan(sharedBorderFactor(pair({ hops: 2 })).raw);
    expect(long.text().de).toBe('Gemeinsame Grenze mit Ort 001: 15 km.');
    expect(proximityFactor(pair({ distanceKm: 5, hops: 1 })).raw).toBeGreaterThan(proximityFactor(pair({ distanceKm: 20, hops: 3 })).raw);
    expect(proximityFactor(pair({ distanceKm: 6, hops: 1, border: { lengthKm: 12.9, touch: false } })).text().de).toBe(
      'Unmittelbarer Nachbar von Ort 001 (gemeinsame Grenze 12,9 km), 6 km zwischen den Ortsmitten.',
    );
  });

  it('existing ties: a small joint body counts more than a Kreis-wide one, and the sentence names it', () => {
    const small = existingTiesFactor(
      pair({
        sharedCooperations: [{ id: 'X', name: 'Standesamt X', taskAreaIds: [], status: 'ACTIVE', unconfirmed: false, municipalMembers: 2 }],
        tieStrength: 1,
      }),
    );
    const wide = existingTiesFactor(
      pair({
        sharedCooperations: [{ id: 'Y', name: 'Sparkasse Y', taskAreaIds: [], status: 'ACTIVE', unconfirmed: false, municipalMembers: 11 }],
        tieStrength: 0.1,
      }),
    );
    expect(small.raw).toBeGreaterThan(wide.raw);
    expect(existingTiesFactor(pair({})).raw).toBe(0);
    expect(small.text().de).toContain('„Standesamt X“');
    const ended = existingTiesFactor(
      pair({ sharedCooperations: [{ id: 'Z', name: 'Alt', taskAreaIds: [], status: 'ENDED', unconfirmed: true, municipalMembers: 2 }], tieStrength: 0.5 }),
    );
    expect(ended.text().de).toContain('„Alt“ (beendet, unbestätigt)');
  });

  it('experience: a host beats a member beats none', () => {
    const host = experienceFactor(pair({ hostsTask: [{ id: 'X', name: 'Bauhof X', clients: 2 }] }));
    const member_ = experienceFactor(pair({ memberInTask: [{ id: 'Y', name: 'Bauhof Y' }] }));
    expect(host.raw).toBeGreaterThan(member_.raw);
    expect(member_.raw).toBeGreaterThan(experienceFactor(pair({})).raw);
    expect(host.text().de).toContain('für 2 andere Kommunen');
  });

  it('size fit: reports the real share of the target and prefers near the target to oversized', () => {
    const huge = testPlace('05958099', 7, 51, 320_000);
    const peer = testPlace('05958098', 7, 51, 10_000);
    const oversized = sizeFitFactor({ ...pair({}, huge), target: 100_000 });
    expect(oversized.text().de).toContain('330 % der Zielgröße von 100.000');
    // An oversized pair never reads as a good fit: over three times the target is weak, a peer near it strong.
    expect(oversized.raw).toBeLessThan(0.34);
    expect(sizeFitFactor({ ...pair({}, peer), target: 20_000 }).raw).toBeGreaterThanOrEqual(0.67);
    expect(sizeFitFactor({ ...pair({}, peer), target: 20_000 }).raw).toBeGreaterThan(sizeFitFactor({ ...pair({}, huge), target: 20_000 }).raw);
    const small = testPlace('x', 7, 51, 5_000);
    const large = testPlace('y', 7, 51, 50_000);
    expect(sizeFitFactor({ ...pair({}, large, it_), target: 60_000 }).raw).toBeGreaterThan(sizeFitFactor({ ...pair({}, small, it_), target: 60_000 }).raw);
  });

  it('same Kreis, and a kreisfreie Stadt is not called a Kreis', () => {
    expect(sameDistrictFactor(pair({ sameDistrict: true })).raw).toBe(1);
    const city = testPlace('05911000', 7.2, 51.5, 365_000, '05911', { name: 'Bochum', districtName: 'Bochum', districtType: 'KREISFREIE_STADT' });
    const text = sameDistrictFactor(pair({}, city)).text();
    expect(text.de).toBe('Bochum ist eine kreisfreie Stadt.');
    expect(sameDistrictFactor(pair({}, D)).text().de).toBe('Liegt in einem anderen Kreis (Kreis Soest).');
    const olpe = testPlace('05966001', 7.9, 51.0, 10_000, '05966', { districtName: 'Olpe' });
    expect(sameDistrictFactor(pair({ sameDistrict: true }, olpe)).text().de).toBe(
      'Gleicher Kreis wie Ort 001 (Kreis Olpe): kurze Wege, einfachere Abstimmung nach GkG NRW.',
    );
  });

  it('shared history and region say which Altkreis and which region', () => {
    expect(sharedHistoryFactor(pair({ sharedAltkreis: 'Kreis Brilon' })).text().de).toBe('Gehörten bis 1975 beide zum Kreis Brilon.');
    expect(sharedHistoryFactor(pair({})).raw).toBe(0);
    const leader = sharedRegionFactor(pair({ sharedRegions: [{ id: 'L1', name: 'Hochsauerland', kind: 'LEADER 2023-2027' }] }));
    expect(leader.raw).toBe(1);
    expect(sharedRegionFactor(pair({ sharedRegions: [{ id: 'L9', name: 'Alt', kind: 'LEADER 2014-2020' }] })).raw).toBeLessThan(leader.raw);
  });
});

describe('funding estimate', () => {
  it('follows the NRW rule, including the cross-border case', () => {
    expect(estimateFunding({ nrwPartners: 2, otherPartners: 0, alreadyCooperateInTask: false }).maxGrantEur).toBe(175_000);
    expect(estimateFunding({ nrwPartners: 4, otherPartners: 0, alreadyCooperateInTask: false }).maxGrantEur).toBe(245_000);
    expect(estimateFunding({ nrwPartners: 2, otherPartners: 0, alreadyCooperateInTask: false, projectCostEur: 100_000 }).maxGrantEur).toBe(90_000);
    const crossBorder = estimateFunding({ nrwPartners: 1, otherPartners: 1, alreadyCooperateInTask: false });
    expect(crossBorder).toMatchObject({ eligible: true, crossBorder: true, maxGrantEur: 75_000 });
    expect(crossBorder.reasonDe).toMatch(/länderübergreifend/);
    const already = estimateFunding({ nrwPartners: 2, otherPartners: 0, alreadyCooperateInTask: true });
    expect(already.eligible).toBe(false);
    expect(already.reasonDe).toMatch(/bereits/);
  });
});

describe('ranking properties', () => {
  it('a neighbour outranks an otherwise identical non-neighbour where proximity matters', () => {
    const ranking = order(bauhof);
    expect(ranking.indexOf(A.ags)).toBeLessThan(ranking.indexOf(B.ags));
  });

  it('does not suggest a municipality that already cooperates with the focal one in the task, unless that cooperation ended or is planned', () => {
    const active = [cooperation('K1', ['bauhof'], [member(F.ags, 'LEAD'), member(A.ags, 'DELEGATING')])];
    const result = suggestPartners(geography, F, bauhof, evidence(bauhof, active), options(bauhof));
    expect(result.candidates.map((c) => c.place.ags)).not.toContain(A.ags);
    expect(result.excludedExistingPartners).toEqual([A.ags]);
    for (const status of ['ENDED', 'PLANNED'] as const) {
      const past = [cooperation('K1', ['bauhof'], [member(F.ags), member(A.ags)], status)];
      expect(suggestPartners(geography, F, bauhof, evidence(bauhof, past), options(bauhof)).excludedExistingPartners).toEqual([]);
    }
  });

  it('raising a weight moves the candidates strong in that component up', () => {
    const ties = [cooperation('T1', ['vhs'], [member(F.ags), member(D.ags)]), cooperation('T2', ['schule'], [member(F.ags), member(D.ags)])];
    const before = order(it_, ties);
    const after = order(it_, ties, { weights: resolveWeights(it_, { EXISTING_TIES: 10 }) });
    expect(after.indexOf(D.ags)).toBeLessThanOrEqual(before.indexOf(D.ags));
    expect(after[0]).toBe(D.ags);
    const kreisHeavy = order(it_, ties, { weights: resolveWeights(it_, { SAME_DISTRICT: 10, EXISTING_TIES: 0 }) });
    expect(kreisHeavy.indexOf(D.ags)).toBeGreaterThan(kreisHeavy.indexOf(A.ags));
  });

  it('is deterministic for the same data', () => {
    expect(order(bauhof)).toEqual(order(bauhof));
    expect(suggestPartners(geography, F, it_, evidence(it_), options(it_))).toEqual(suggestPartners(geography, F, it_, evidence(it_), options(it_)));
  });

  it('explains every candidate with every component on a 0–100 scale whose points add up', () => {
    const [first] = suggestPartners(geography, F, bauhof, evidence(bauhof), options(bauhof)).candidates;
    expect(first!.score.components.map((c) => c.key)).toEqual(COMPONENT_KEYS);
    expect(first!.score.total).toBeGreaterThan(0);
    expect(first!.score.total).toBeLessThanOrEqual(100);
    expect(first!.score.total).toBeCloseTo(
      first!.score.components.reduce((s, c) => s + c.points, 0),
      0,
    );
    for (const c of first!.score.components) expect(['STRONG', 'MEDIUM', 'WEAK']).toContain(c.strength);
  });

  it('offers a municipality across the Land border, marked, with the cross-border funding rule', () => {
    const ranking = suggestPartners(geography, F, bauhof, evidence(bauhof), options(bauhof));
    const hessian = ranking.candidates.find((c) => c.place.ags === H.ags)!;
    expect(hessian.place.crossBorder).toBe(true);
    expect(hessian.funding).toMatchObject({ eligible: true, crossBorder: true, maxGrantEur: 75_000 });
  });
});

describe('coalitions and cooperations to join', () => {
  it('builds border-connected groups that include the focal municipality, the best of them near the target', () => {
    const coalitions = suggestCoalitions(geography, F, bauhof, evidence(bauhof), {
      ...options(bauhof, { targetPopulation: 45_000, limit: 5 }),
      minSize: 2,
      maxSize: 4,
    });
    expect(coalitions.length).toBeGreaterThan(0);
    for (const coalition of coalitions) {
      expect(coalition.members.map((m) => m.ags)).toContain(F.ags);
      expect(coalition.connected).toBe(true);
    }
    const first = coalitions[0]!;
    expect(first.reachesTarget).toBe(true);
    expect(first.combinedPopulation).toBeLessThanOrEqual(2 * 45_000);
    const nrw = first.members.filter((m) => m.stateKey === '05').length;
    expect(first.funding.maxGrantEur).toBe(175_000 + 35_000 * (nrw - 2));
  });

  it('states in each coalition sentence what its points are made of', () => {
    const [first] = suggestCoalitions(geography, F, bauhof, evidence(bauhof), {
      ...options(bauhof, { targetPopulation: 45_000, limit: 1 }),
      minSize: 3,
      maxSize: 3,
    });
    const proximity = first!.score.components.find((c) => c.key === 'PROXIMITY')!;
    const [, neighbours, pairs] = /; (\d+) von (\d+) Paaren grenz(?:t|en) aneinander/.exec(proximity.reasonDe)!;
    expect(Number(pairs)).toBe(3);
    expect(proximity.rawValue).toBeGreaterThanOrEqual((0.5 * Number(neighbours)) / Number(pairs) - 0.001);
    const size = first!.score.components.find((c) => c.key === 'SIZE_FIT')!;
    expect(size.reasonDe).toContain(`= ${Math.round((first!.combinedPopulation / 45_000) * 100)} % der Zielgröße`);
  });

  it('lists nearby cooperations in the task the municipality is not in, but not ended ones', () => {
    const cooperations = [
      cooperation('Z1', ['bauhof'], [member(C.ags), member(B.ags)]),
      cooperation('Z2', ['bauhof'], [member(F.ags), member(A.ags)]),
      cooperation('Z3', ['bauhof'], [member(D.ags), member(A.ags)], 'ENDED'),
    ];
    const joinable = joinableCooperations(geography, F, evidence(bauhof, cooperations), 30);
    expect(joinable.map((j) => j.cooperation.id)).toEqual(['Z1']);
    expect(joinable[0]!.nearestMember!.ags).toBe(B.ags); // 7 km west, C is 11 km north
  });
});
