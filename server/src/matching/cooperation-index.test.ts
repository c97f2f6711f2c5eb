import { describe, expect, it } from 'vitest';
import { CooperationIndex, type IndexedCooperation } from './cooperation-index';
import { Geography } from './geography';
import { testPlace } from './test-places';


// F in the middle; A and B close (about 7 km), FAR about 70 km away in another Kreis.
const F = testPlace('05958001', 7.0, 51.0);
const A = testPlace('05958002', 7.1, 51.0);
const B = testPlace('05958003', 6.9, 51.0);
const FAR = testPlace('05974004', 8.0, 51.0, 10_000, '05974');
const geography = new Geography([F, A, B, FAR], []);

const member = (key: string, role = 'MEMBER', kind: 'MUNICIPALITY' | 'DISTRICT' = 'MUNICIPALITY') => ({ kind, key, role });
const cooperation = (id: string, taskAreaIds: string[], members: IndexedCooperation['members'], provenance = 'RESEARCHED'): IndexedCooperation => ({
  id,
  name: `Kooperation ${id}`,
  legalForm: 'OERV',
  provenance,
  taskAreaIds,
  members,
});

const cooperations = [
  cooperation('K1', ['it'], [member(F.ags), member(A.ags)]),
  cooperation('K2', ['standesamt'], [member(F.ags), member(B.ags)], 'GENERATED'),
  cooperation('K3', ['it'], [member(A.ags, 'LEAD'), member(B.ags, 'DELEGATING')]),
  cooperation('K4', ['it'], [member(FAR.ags, 'LEAD')]),
  cooperation('K5', ['it'], [member('05958', 'MEMBER', 'DISTRICT'), member(FAR.ags)]),
];
// F–A (researched), F–B (generated only), A–B (researched); B–FAR none.
const index = new CooperationIndex(cooperations, [
  { a: F.ags, b: A.ags, researched: 1 },
  { a: F.ags, b: B.ags, researched: 0 },
  { a: A.ags, b: B.ags, researched: 1 },
]);

describe('the cooperation index', () => {
  it('lists the cooperations the focal municipality shares with each other one', () => {
    const data = index.dataFor(geography, F, 'it', true, 40);
    expect(data.ties).toEqual([
      { ags: A.ags, id: 'K1', name: 'Kooperation K1', taskAreaIds: ['it'] },
      { ags: B.ags, id: 'K2', name: 'Kooperation K2', taskAreaIds: ['standesamt'] },
    ]);
  });

  it('leaves generated cooperations and links out when asked to', () => {
    const data = index.dataFor(geography, F, 'it', false, 40);
    expect(data.ties.map((t) => t.id)).toEqual(['K1']);
    // B still shares A with F (both links researched); A shares B with F only over the generated F–B link.
    expect(data.sharedPartners).toEqual([{ ags: B.ags, n: 1 }]);
  });

  it('counts shared partners (triadic closure), never the focal municipality itself', () => {
    const data = index.dataFor(geography, F, 'it', true, 40);
    expect(new Map(data.sharedPartners.map((s) => [s.ags, s.n]))).toEqual(
      new Map([
        [A.ags, 1], // via B
        [B.ags, 1], // via A
      ]),
    );
  });

  it('returns the task cooperations with a member in reach or with the own Kreis as member', () => {
    const near = index.dataFor(geography, F, 'it', true, 40).taskCooperations.map((c) => c.id);
    // K4 has its only member 70 km away; K5 is in reach through the Kreis membership despite its far member.
    expect(near).toEqual(['K1', 'K3', 'K5']);
    expect(index.dataFor(geography, F, 'it', true, 100).taskCooperations.map((c) => c.id)).toEqual(['K1', 'K3', 'K4', 'K5']);
    expect(index.dataFor(geography, F, 'standesamt', false, 100).taskCooperations).toEqual([]);
    expect(index.dataFor(geography, F, 'unknown', true, 100).taskCooperations).toEqual([]);
  });

  it('keeps members and roles as they are', () => {
    const k3 = index.dataFor(geography, F, 'it', true, 40).taskCooperations.find((c) => c.id === 'K3')!;
    expect(k3).toEqual({ id: 'K3', name: 'Kooperation K3', legalForm: 'OERV', provenance: 'RESEARCHED', members: [member(A.ags, 'LEAD'), member(B.ags, 'DELEGATING')] });
  });
});
