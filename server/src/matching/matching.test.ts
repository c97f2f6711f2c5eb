import { describe, expect, it } from 'vitest';
import { suggestCoalitions, suggestPartners, joinableCooperations, type CooperationData, type MatchingOptions } from './engine';
import { estimateFunding } from './funding';
import { Geography } from './geography';
import { existingTiesFactor, experienceFactor, proximityFactor, sameDistrictFactor, sizeFitFactor } from './scoring';
import { testPlace } from './test-places';
import type { CandidateFacts, TaskProfile } from './types';
import { defaultWeights, resolveWeights } from './weights';


// F in the middle; A east and B west at the same distance, only A shares a border with F.
const F = testPlace('05958001', 7.0, 51.0);
const A = testPlace('05958002', 7.1, 51.0);
const B = testPlace('05958003', 6.9, 51.0);
const C = testPlace('05958004', 7.0, 51.1, 30_000);
const D = testPlace('05974005', 7.2, 51.0, 8_000, '05974');
const places = [F, A, B, C, D];
const geography = new Geography(places, [
  { a: F.ags, b: A.ags, lengthKm: 8, touch: false },
  { a: F.ags, b: C.ags, lengthKm: 5, touch: false },
  { a: A.ags, b: D.ags, lengthKm: 6, touch: false },
  { a: C.ags, b: B.ags, lengthKm: 4, touch: false },
]);

const bauhof: TaskProfile = { id: 'bauhof', nameDe: 'Bauhof', nameEn: 'Works yard', proximity: 0.95, efficientScale: 20_000, sizeFit: 'SIMILAR' };
const it_: TaskProfile = { id: 'it', nameDe: 'IT', nameEn: 'IT', proximity: 0.1, efficientScale: 150_000, sizeFit: 'COMPLEMENTARY' };
const empty: CooperationData = { ties: [], sharedPartners: [], taskCooperations: [] };
const options = (task: TaskProfile, overrides: Partial<MatchingOptions> = {}): MatchingOptions => ({
  weights: defaultWeights(task),
  limit: 10,
  targetPopulation: null,
  maxDistanceKm: 100,
  sizeFit: task.sizeFit,
  projectCostEur: null,
  ...overrides,
});
const order = (task: TaskProfile, data = empty, overrides: Partial<MatchingOptions> = {}) => suggestPartners(geography, F, task, data, options(task, overrides)).candidates.map((c) => c.place.ags);

const noFacts: CandidateFacts = { distanceKm: 10, hops: null, border: null, sameDistrict: false, sharedCooperations: [], sharedPartners: 0, hostsTask: [], memberInTask: [] };

describe('score components', () => {
  it('proximity: a long shared border beats a point touch beats no border', () => {
    const long = proximityFactor(F, { ...noFacts, hops: 1, border: { lengthKm: 15, touch: false } }).raw;
    const touch = proximityFactor(F, { ...noFacts, hops: 1, border: { lengthKm: 0, touch: true } }).raw;
    const none = proximityFactor(F, { ...noFacts, hops: 2 }).raw;
    expect(long).toBeGreaterThan(touch);
    expect(touch).toBeGreaterThan(none);
    expect(proximityFactor(F, { ...noFacts, hops: 1, border: { lengthKm: 15, touch: false } }).text().de).toMatch(/Grenzt unmittelbar an Ort 001 \(gemeinsame Grenze 15 km/);
  });

  it('existing ties: more shared cooperations and partners count more', () => {
    const one = existingTiesFactor(F, { ...noFacts, sharedCooperations: [{ id: 'X', name: 'X', taskAreaIds: ['it'] }] }).raw;
    const two = existingTiesFactor(F, { ...noFacts, sharedCooperations: [{ id: 'X', name: 'X', taskAreaIds: [] }, { id: 'Y', name: 'Y', taskAreaIds: [] }], sharedPartners: 3 }).raw;
    expect(existingTiesFactor(F, noFacts).raw).toBe(0);
    expect(two).toBeGreaterThan(one);
  });

  it('experience: a host beats a member beats none', () => {
    const host = experienceFactor(bauhof, { ...noFacts, hostsTask: [{ id: 'X', name: 'Bauhof X', clients: 2 }] });
    const member = experienceFactor(bauhof, { ...noFacts, memberInTask: [{ id: 'Y', name: 'Bauhof Y' }] });
    expect(host.raw).toBeGreaterThan(member.raw);
    expect(member.raw).toBeGreaterThan(experienceFactor(bauhof, noFacts).raw);
    expect(host.text().de).toContain('für 2 andere Kommunen');
  });

  it('size fit: complementary prefers a larger host, similar prefers a peer', () => {
    const small = testPlace('x', 7, 51, 5_000);
    const large = testPlace('y', 7, 51, 50_000);
    const peer = testPlace('z', 7, 51, 10_000);
    expect(sizeFitFactor(F, large, it_, 60_000, 'COMPLEMENTARY').raw).toBeGreaterThan(sizeFitFactor(F, small, it_, 60_000, 'COMPLEMENTARY').raw);
    expect(sizeFitFactor(F, peer, bauhof, 15_000, 'SIMILAR').raw).toBeGreaterThan(sizeFitFactor(F, small, bauhof, 15_000, 'SIMILAR').raw);
  });

  it('same Kreis', () => {
    expect(sameDistrictFactor(A, { ...noFacts, sameDistrict: true }).raw).toBe(1);
    expect(sameDistrictFactor(D, noFacts).raw).toBe(0);
  });
});

describe('funding estimate', () => {
  it('follows the NRW rule', () => {
    expect(estimateFunding({ nrwPartners: 2, otherPartners: 0, alreadyCooperateInTask: false }).maxGrantEur).toBe(175_000);
    expect(estimateFunding({ nrwPartners: 4, otherPartners: 0, alreadyCooperateInTask: false }).maxGrantEur).toBe(245_000);
    expect(estimateFunding({ nrwPartners: 2, otherPartners: 0, alreadyCooperateInTask: false, projectCostEur: 100_000 }).maxGrantEur).toBe(90_000);
    expect(estimateFunding({ nrwPartners: 1, otherPartners: 1, alreadyCooperateInTask: false }).maxGrantEur).toBe(75_000);
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

  it('does not suggest a municipality that already cooperates with the focal one in the task', () => {
    const data: CooperationData = {
      ...empty,
      taskCooperations: [{ id: 'K1', name: 'Bauhof F/A', legalForm: 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG', provenance: 'RESEARCHED', members: [{ kind: 'MUNICIPALITY', key: F.ags, role: 'LEAD' }, { kind: 'MUNICIPALITY', key: A.ags, role: 'DELEGATING' }] }],
    };
    const result = suggestPartners(geography, F, bauhof, data, options(bauhof));
    expect(result.candidates.map((c) => c.place.ags)).not.toContain(A.ags);
    expect(result.excludedExistingPartners).toEqual([A.ags]);
  });

  it('raising a weight moves the candidates strong in that component up', () => {
    // D is in another Kreis; with a very high Kreis weight it must fall behind B, which is in F's Kreis.
    const data: CooperationData = { ...empty, ties: [{ ags: D.ags, id: 'T1', name: 'IT-Verbund', taskAreaIds: ['it'] }, { ags: D.ags, id: 'T2', name: 'VHS', taskAreaIds: ['vhs'] }] };
    const before = order(it_, data);
    const after = order(it_, data, { weights: resolveWeights(it_, { EXISTING_TIES: 10 }) });
    expect(after.indexOf(D.ags)).toBeLessThanOrEqual(before.indexOf(D.ags));
    expect(after[0]).toBe(D.ags);
    const kreisHeavy = order(it_, data, { weights: resolveWeights(it_, { SAME_DISTRICT: 10, EXISTING_TIES: 0 }) });
    expect(kreisHeavy.indexOf(D.ags)).toBe(kreisHeavy.length - 1);
  });

  it('is deterministic for the same data', () => {
    expect(order(bauhof)).toEqual(order(bauhof));
    expect(suggestPartners(geography, F, it_, empty, options(it_))).toEqual(suggestPartners(geography, F, it_, empty, options(it_)));
  });

  it('explains every candidate with all six components', () => {
    const [first] = suggestPartners(geography, F, bauhof, empty, options(bauhof)).candidates;
    expect(first!.score.components.map((c) => c.key)).toEqual(['PROXIMITY', 'EXISTING_TIES', 'EXPERIENCE', 'SIZE_FIT', 'SAME_DISTRICT', 'FUNDING']);
    expect(first!.score.total).toBeCloseTo(first!.score.components.reduce((s, c) => s + c.contribution, 0), 2);
    for (const c of first!.score.components) expect(c.contribution).toBeCloseTo(c.rawValue * c.weight, 2);
  });
});

describe('coalitions and cooperations to join', () => {
  it('builds border-connected groups that include the focal municipality and reach the target', () => {
    const coalitions = suggestCoalitions(geography, F, bauhof, empty, { ...options(bauhof, { targetPopulation: 45_000, limit: 5 }), minSize: 2, maxSize: 4 });
    expect(coalitions.length).toBeGreaterThan(0);
    for (const coalition of coalitions) {
      expect(coalition.members.map((m) => m.ags)).toContain(F.ags);
      expect(coalition.connected).toBe(true);
      expect(coalition.members.length).toBeGreaterThanOrEqual(2);
    }
    expect(coalitions[0]!.reachesTarget).toBe(true);
    expect(coalitions[0]!.combinedPopulation).toBeGreaterThanOrEqual(45_000);
    expect(coalitions[0]!.funding.maxGrantEur).toBe(175_000 + 35_000 * (coalitions[0]!.members.length - 2));
  });

  it('lists nearby cooperations in the task the municipality is not in', () => {
    const data: CooperationData = {
      ...empty,
      taskCooperations: [
        { id: 'Z1', name: 'ZV Bauhof C/B', legalForm: 'ZWECKVERBAND', provenance: 'GENERATED', members: [{ kind: 'MUNICIPALITY', key: C.ags, role: 'MEMBER' }, { kind: 'MUNICIPALITY', key: B.ags, role: 'MEMBER' }] },
        { id: 'Z2', name: 'ZV Bauhof F/A', legalForm: 'ZWECKVERBAND', provenance: 'GENERATED', members: [{ kind: 'MUNICIPALITY', key: F.ags, role: 'MEMBER' }, { kind: 'MUNICIPALITY', key: A.ags, role: 'MEMBER' }] },
      ],
    };
    const joinable = joinableCooperations(geography, F, data, 30);
    expect(joinable.map((j) => j.cooperation.id)).toEqual(['Z1']);
    expect(joinable[0]!.nearestMember!.ags).toBe(B.ags); // 7 km west, C is 11 km north
  });
});
