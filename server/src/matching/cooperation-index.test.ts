import { describe, expect, it } from 'vitest';
import { CooperationIndex, tieWeight, type IndexedCooperation } from './cooperation-index';
import { Geography } from './geography';
import { testPlace } from './test-places';

// F in the middle; A and B close (about 7 km), FAR about 70 km away in another Kreis.
const F = testPlace('05958001', 7.0, 51.0);
const A = testPlace('05958002', 7.1, 51.0);
const B = testPlace('05958003', 6.9, 51.0);
const FAR = testPlace('05974004', 8.0, 51.0, 10_000, '05974');
const geography = new Geography([F, A, B, FAR], []);

const member = (key: string, role = 'MEMBER', kind: 'MUNICIPALITY' | 'DISTRICT' = 'MUNICIPALITY') => ({ kind, key, role });
const cooperation = (
  id: string,
  taskAreaIds: string[],
  members: IndexedCooperation['members'],
  status: IndexedCooperation['status'] = 'ACTIVE',
): IndexedCooperation => ({
  id,
  name: `Kooperation ${id}`,
  legalForm: 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG',
  provenance: 'RESEARCHED',
  status,
  confidence: 'HIGH',
  taskAreaIds,
  members,
});

const index = new CooperationIndex([
  cooperation('K1', ['it'], [member(F.ags), member(A.ags)]),
  cooperation('K2', ['standesamt'], [member(F.ags), member(B.ags)], 'ENDED'),
  cooperation('K3', ['it'], [member(A.ags, 'LEAD'), member(B.ags, 'DELEGATING')]),
  cooperation('K4', ['it'], [member(FAR.ags, 'LEAD')]),
  cooperation('K5', ['it'], [member('05958', 'MEMBER', 'DISTRICT'), member(FAR.ags)]),
  cooperation('K6', ['standesamt'], [member(F.ags), member(A.ags), member(B.ags), member(FAR.ags)], 'PLANNED'),
]);

describe('the cooperation index', () => {
  it('weighs a tie by the size of the body and its status', () => {
    expect(tieWeight('ACTIVE', 2)).toBe(1);
    expect(tieWeight('ACTIVE', 11)).toBeCloseTo(0.1);
    expect(tieWeight('ENDED', 2)).toBeLessThan(tieWeight('PLANNED', 2));
    expect(tieWeight('PLANNED', 2)).toBeLessThan(tieWeight('UNCLEAR', 2));
  });

  it('lists the cooperations the focal municipality shares with each other one, of any status', () => {
    const evidence = index.evidenceFor(geography, F, 'it', 40);
    expect(evidence.ties.get(A.ags)!.map((c) => c.id)).toEqual(['K1', 'K6']);
    expect(evidence.ties.get(B.ags)!.map((c) => [c.id, c.status, c.municipalMembers])).toEqual([
      ['K2', 'ENDED', 2],
      ['K6', 'PLANNED', 4],
    ]);
    expect(evidence.tieStrength.get(A.ags)).toBeCloseTo(1 + 0.75 / 3);
    expect(evidence.tieStrength.get(B.ags)).toBeCloseTo(0.5 + 0.75 / 3);
  });

  it('counts shared partners (triadic closure) by their weaker tie, never the focal municipality itself', () => {
    const evidence = index.evidenceFor(geography, F, 'it', 40);
    expect(evidence.sharedPartners.has(F.ags)).toBe(false);
    // A and B are linked by K3 and K6; each is F's partner, so each shares the other with F.
    expect(evidence.sharedPartners.get(A.ags)!.count).toBe(2); // via B, via FAR
    expect(evidence.sharedPartners.get(B.ags)!.strength).toBeGreaterThan(0);
  });

  it('leaves one cooperation out of the evidence when asked (it must not vouch for itself)', () => {
    const evidence = index.evidenceFor(geography, F, 'it', 40, 'K1');
    expect(evidence.ties.get(A.ags)!.map((c) => c.id)).toEqual(['K6']);
    expect(evidence.existingTaskPartners.has(A.ags)).toBe(false);
    expect(evidence.taskCooperations.map((c) => c.id)).not.toContain('K1');
  });

  it('makes only cooperations in force existing partners in the task', () => {
    expect([...index.evidenceFor(geography, F, 'it', 40).existingTaskPartners]).toEqual([A.ags]);
    // K2 has ended and K6 is only planned: nobody is an existing Standesamt partner of F.
    expect([...index.evidenceFor(geography, F, 'standesamt', 100).existingTaskPartners]).toEqual([]);
  });

  it('knows who hosts the task for others and who belongs to a cooperation for it', () => {
    const evidence = index.evidenceFor(geography, F, 'it', 40);
    expect(evidence.hosts.get(A.ags)).toEqual([{ id: 'K3', name: 'Kooperation K3', clients: 1 }]);
    expect(evidence.members.get(B.ags)).toEqual([{ id: 'K3', name: 'Kooperation K3' }]);
  });

  it('returns the task cooperations with a member in reach or with the own Kreis as member', () => {
    // K4 has its only member 70 km away; K5 is in reach through the Kreis membership despite its far member.
    expect(index.evidenceFor(geography, F, 'it', 40).taskCooperations.map((c) => c.id)).toEqual(['K1', 'K3', 'K5']);
    expect(index.evidenceFor(geography, F, 'it', 100).taskCooperations.map((c) => c.id)).toEqual(['K1', 'K3', 'K4', 'K5']);
    expect(index.evidenceFor(geography, F, 'unknown', 100).taskCooperations).toEqual([]);
  });
});
