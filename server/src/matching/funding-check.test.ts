import { describe, expect, it } from 'vitest';
import { CooperationIndex, type IndexedCooperation } from './cooperation-index';
import { GRANT_BASE_EUR, GRANT_CROSS_BORDER_EUR, GRANT_PER_FURTHER_PARTNER_EUR, estimateFunding } from './funding';
import { checkFunding, taskCooperationsOfGroup } from './funding-check';
import { testPlace } from './test-places';
import type { CooperationStatus } from './types';

const F = testPlace('05958001', 7.0, 51.0);
const A = testPlace('05958002', 7.1, 51.0);
const B = testPlace('05958003', 6.9, 51.0);
const C = testPlace('05958004', 7.0, 51.1);
const H = testPlace('06635001', 7.0, 50.92, 9_000, '06635', { name: 'Diemelsee' });
const H2 = testPlace('06635002', 7.05, 50.9, 5_000, '06635', { name: 'Korbach' });
const task = { id: 'standesamt', nameDe: 'Standesamt', nameEn: 'Registry office' };

const cooperation = (
  id: string,
  members: string[],
  status: CooperationStatus = 'ACTIVE',
  taskAreaIds = ['standesamt'],
  extra: Partial<IndexedCooperation> = {},
): IndexedCooperation => ({
  id,
  name: `Kooperation ${id}`,
  legalForm: 'OERV',
  provenance: 'RESEARCHED',
  status,
  confidence: 'HIGH',
  taskAreaIds,
  members: members.map((key) => ({ kind: 'MUNICIPALITY' as const, key, role: 'MEMBER' })),
  ...extra,
});

const check = (partners = [A], cooperations: IndexedCooperation[] = [], projectCostEur: number | null = null) =>
  checkFunding({ owner: F, partners, task, cooperations: new CooperationIndex(cooperations), projectCostEur });

const state = (result: ReturnType<typeof check>, key: string) => result.items.find((i) => i.key === key)?.state;

describe('the funding check (Förderrichtlinie IKZ NRW)', () => {
  it('lists the four conditions in order; the five-year commitment and the 15 % are declarations, never computed', () => {
    const result = check();
    expect(result.items.map((i) => [i.key, i.state])).toEqual([
      ['NEW_COOPERATION', 'MET'],
      ['PARTNERS', 'MET'],
      ['FIVE_YEAR_COMMITMENT', 'TO_DECLARE'],
      ['SAVING_OR_IMPROVEMENT', 'TO_DECLARE'],
    ]);
    expect(result.items[2]!.reasonDe).toMatch(/Erklärung der Kommunen/);
    expect(result.eligibleOnceDeclared).toBe(true);
    expect(result.estimate).toEqual(estimateFunding({ nrwPartners: 2, otherPartners: 0, alreadyCooperateInTask: false }));
    expect(result.estimate.maxGrantEur).toBe(GRANT_BASE_EUR);
  });

  it('is not new when two of the group already cooperate in the task (active or unclear), also between two partners', () => {
    const active = check([A], [cooperation('k1', [F.ags, A.ags, C.ags])]);
    expect(state(active, 'NEW_COOPERATION')).toBe('NOT_MET');
    expect(active.items[0]!.reasonDe).toContain('„Kooperation k1“ (Ort 001 und Ort 002; aktiv)');
    expect(active.existingCooperations).toEqual([expect.objectContaining({ id: 'k1', memberAgs: [F.ags, A.ags], blocks: true })]);
    expect(active.estimate.eligible).toBe(false);
    expect(active.estimate.maxGrantEur).toBe(0);
    expect(active.eligibleOnceDeclared).toBe(false);

    const betweenPartners = check([A, B], [cooperation('k2', [A.ags, B.ags], 'UNCLEAR', ['standesamt'], { confidence: 'LOW' })]);
    expect(state(betweenPartners, 'NEW_COOPERATION')).toBe('NOT_MET');
    expect(betweenPartners.items[0]!.reasonDe).toContain('Status unklar, unbestätigt');
  });

  it('does not count ended cooperations, other task areas, or a group with only one member in the cooperation', () => {
    const result = check(
      [A],
      [cooperation('ended', [F.ags, A.ags], 'ENDED'), cooperation('other-task', [F.ags, A.ags], 'ACTIVE', ['it']), cooperation('only-f', [F.ags, C.ags])],
    );
    expect(state(result, 'NEW_COOPERATION')).toBe('MET');
    expect(result.existingCooperations.map((c) => [c.id, c.blocks])).toEqual([['ended', false]]);
    expect(result.estimate.maxGrantEur).toBe(GRANT_BASE_EUR);
  });

  it('names a planned cooperation of the partners but lets it pass (it is most likely the project itself)', () => {
    const result = check([A], [cooperation('plan', [F.ags, A.ags], 'PLANNED')]);
    expect(state(result, 'NEW_COOPERATION')).toBe('MET');
    expect(result.items[0]!.reasonDe).toContain('Als geplant erfasst: „Kooperation plan“');
    expect(result.existingCooperations).toEqual([expect.objectContaining({ id: 'plan', blocks: false })]);
    expect(result.eligibleOnceDeclared).toBe(true);
  });

  it('funds a cross-border project with a single NRW partner, and does not count partners outside NRW beside two NRW ones', () => {
    const crossBorder = check([H]);
    expect(state(crossBorder, 'PARTNERS')).toBe('MET');
    expect(crossBorder.items[1]!.reasonDe).toBe('Länderübergreifend: Ort 001 als einziger NRW-Partner mit Diemelsee (Hessen).');
    expect(crossBorder.estimate.maxGrantEur).toBe(GRANT_CROSS_BORDER_EUR);
    expect(crossBorder.estimate.crossBorder).toBe(true);

    const mixed = check([A, B, H, H2]);
    expect(mixed.nrwPartners).toBe(3);
    expect(mixed.otherPartners).toBe(2);
    expect(mixed.items[1]!.reasonDe).toContain('Diemelsee (Hessen) und Korbach (Hessen) zählen für die Förderung nicht mit');
    expect(mixed.estimate.maxGrantEur).toBe(GRANT_BASE_EUR + GRANT_PER_FURTHER_PARTNER_EUR);
  });

  it('caps the grant at 90 % of the project cost entered', () => {
    expect(check([A], [], 100_000).estimate.maxGrantEur).toBe(90_000);
    expect(check([A, B, C], [], 10_000_000).estimate.maxGrantEur).toBe(GRANT_BASE_EUR + 2 * GRANT_PER_FURTHER_PARTNER_EUR);
    expect(check([H], [], 50_000).estimate.maxGrantEur).toBe(45_000);
  });

  it('fails the partner condition for a group without a second NRW partner or a cross-border one', () => {
    // The service never builds such a group (the owner is in NRW, a partner is required); the rule still says why.
    const result = checkFunding({ owner: H, partners: [H2], task, cooperations: new CooperationIndex([]), projectCostEur: null });
    expect(state(result, 'PARTNERS')).toBe('NOT_MET');
    expect(result.eligibleOnceDeclared).toBe(false);
  });

  it('finds each cooperation of the group once, with the group’s members in the group’s order', () => {
    const index = new CooperationIndex([cooperation('z', [C.ags, A.ags, F.ags]), cooperation('a', [B.ags, C.ags])]);
    expect(taskCooperationsOfGroup(index, 'standesamt', [F, A, B, C]).map((c) => [c.id, c.memberAgs])).toEqual([
      ['a', [B.ags, C.ags]],
      ['z', [F.ags, A.ags, C.ags]],
    ]);
  });
});
