import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { CooperationIndex, type IndexedCooperation } from './cooperation-index';
import { Geography } from './geography';
import { testPlace } from './test-places';
import type { CooperationStatus } from './types';

// 40 places on a grid in two Kreise, so that radii of 15 and 60 km reach some and most of them.
const places = Array.from({ length: 40 }, (_, i) =>
  testPlace(`05958${String(i).padStart(3, '0')}`, 7 + (i % 8) * 0.1, 51 + Math.floor(i / 8) * 0.1, 5_000 + i * 700, i < 20 ? '05958' : '05974'),
);
const geography = new Geography(places, []);
const TASKS = ['it', 'standesamt', 'vhs', 'bauhof'];
const STATUSES: CooperationStatus[] = ['ACTIVE', 'ENDED', 'PLANNED', 'UNCLEAR'];
const ROLES = ['MEMBER', 'LEAD', 'DELEGATING', 'PARTNER'];

function randomCooperation(random: () => number, id: string): IndexedCooperation {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const members = new Map<string, IndexedCooperation['members'][number]>();
  const size = 1 + Math.floor(random() * 6);
  for (let i = 0; i < size; i++) {
    const ags = pick(places).ags;
    members.set(`M${ags}`, { kind: 'MUNICIPALITY', key: ags, role: pick(ROLES) });
  }
  if (random() < 0.2) members.set('D', { kind: 'DISTRICT', key: pick(['05958', '05974']), role: 'MEMBER' });
  if (random() < 0.1) members.set('C', { kind: 'COOPERATION', key: 'K001', role: 'MEMBER' });
  const tasks = [...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(TASKS)))];
  return {
    id,
    name: `Kooperation ${id} ${Math.floor(random() * 1000)}`,
    legalForm: 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG',
    provenance: 'RESEARCHED',
    status: pick(STATUSES),
    confidence: pick(['HIGH', 'MEDIUM', 'LOW']),
    taskAreaIds: tasks,
    members: [...members.values()],
  };
}

/** Everything a ranking reads from the index, for every focal place, task and two radii, with and without a hidden cooperation. */
function answers(index: CooperationIndex, hide: string | null): string {
  const out: unknown[] = [];
  for (const focal of places)
    for (const task of TASKS)
      for (const radius of [12, 40]) {
        const e = index.evidenceFor(geography, focal, task, radius, hide);
        out.push({
          ties: [...e.ties],
          tieStrength: [...e.tieStrength],
          sharedPartners: [...e.sharedPartners].sort(([a], [b]) => (a < b ? -1 : 1)),
          hosts: [...e.hosts].sort(([a], [b]) => (a < b ? -1 : 1)),
          members: [...e.members].sort(([a], [b]) => (a < b ? -1 : 1)),
          existing: [...e.existingTaskPartners].sort(),
          taskCooperations: e.taskCooperations.map((c) => c.id),
        });
      }
  // Compared as text: deep equality over thousands of nested maps is what would make this test slow.
  return JSON.stringify(out);
}

describe('updating the cooperation index incrementally', () => {
  it('answers exactly as an index built anew over the same cooperations, for random changes', () => {
    const random = seedrandom('index-updates');
    let records = Array.from({ length: 60 }, (_, i) => randomCooperation(random, `K${String(i * 10).padStart(3, '0')}`));
    let index = new CooperationIndex(records);
    // Use the caches (tie weights per municipality) before changing anything, so stale ones would show.
    answers(index, null);
    let newIds = 0;
    for (let round = 0; round < 25; round++) {
      const before = index;
      const beforeAnswers = answers(before, null);
      const changed: IndexedCooperation[] = [];
      const removed: string[] = [];
      const count = 1 + Math.floor(random() * 4);
      for (let i = 0; i < count; i++) {
        const r = random();
        if (r < 0.45) {
          // Changed in place: other members, tasks or status.
          const target = records[Math.floor(random() * records.length)]!;
          changed.push(randomCooperation(random, target.id));
        } else if (r < 0.85) {
          // New: ids that sort anywhere, between register ids and after them ('U-' ids of the write path).
          const id = random() < 0.5 ? `K${String(Math.floor(random() * 600)).padStart(3, '0')}x${newIds++}` : `U-${newIds++}`;
          changed.push(randomCooperation(random, id));
        } else {
          removed.push(records[Math.floor(random() * records.length)]!.id);
        }
      }
      index = before.withChanges(changed, removed);
      const updates = new Map<string, IndexedCooperation | null>([...removed.map((id) => [id, null] as const), ...changed.map((c) => [c.id, c] as const)]);
      records = [...records.filter((c) => !updates.has(c.id)), ...[...updates.values()].filter((c): c is IndexedCooperation => c !== null)];
      const rebuilt = new CooperationIndex(records);

      expect(index.all().map((c) => c.id)).toEqual(rebuilt.all().map((c) => c.id));
      expect(answers(index, null)).toBe(answers(rebuilt, null));
      const hidden = records[Math.floor(random() * records.length)]!.id;
      expect(answers(index, hidden)).toBe(answers(rebuilt, hidden));
      // The index a running request may still hold is untouched.
      expect(answers(before, null)).toBe(beforeAnswers);
    }
  }, 60_000);

  it('gives every ranking the same evidence from its per-task and per-municipality parts as from collecting it afresh', () => {
    // Without a hidden cooperation the index answers from parts it keeps per task and per municipality; hiding one
    // that does not exist collects everything around the focal place. They must agree on every municipality in reach
    // (the only ones the engine looks up), and entirely on the rest.
    const random = seedrandom('evidence-paths');
    const index = new CooperationIndex(Array.from({ length: 80 }, (_, i) => randomCooperation(random, `K${String(i).padStart(3, '0')}`)));
    let compared = 0;
    for (let pass = 0; pass < 2; pass++)
      for (const focal of places)
        for (const task of TASKS)
          for (const radius of [12, 40]) {
            const kept = index.evidenceFor(geography, focal, task, radius);
            const fresh = index.evidenceFor(geography, focal, task, radius, 'no-such-cooperation');
            for (const key of ['ties', 'tieStrength', 'sharedPartners'] as const) expect([...kept[key]]).toEqual([...fresh[key]]);
            expect([...kept.existingTaskPartners].sort()).toEqual([...fresh.existingTaskPartners].sort());
            expect(kept.taskCooperations.map((c) => c.id)).toEqual(fresh.taskCooperations.map((c) => c.id));
            for (const ags of [focal.ags, ...geography.within(focal, radius).map((x) => x.place.ags)]) {
              expect(kept.hosts.get(ags) ?? []).toEqual(fresh.hosts.get(ags) ?? []);
              expect(kept.members.get(ags) ?? []).toEqual(fresh.members.get(ags) ?? []);
              compared += (kept.hosts.get(ags)?.length ?? 0) + (kept.members.get(ags)?.length ?? 0);
            }
          }
    expect(compared).toBeGreaterThan(1000);
  });

  it('keeps the order of many new cooperations squeezed between the same two neighbours', () => {
    const base = [randomCooperation(seedrandom('a'), 'K1'), randomCooperation(seedrandom('b'), 'K2')];
    let index = new CooperationIndex(base);
    const all = [...base];
    const random = seedrandom('squeeze');
    // Each new id sorts just before K2: their orders halve the same gap until a double cannot split it (then the
    // index numbers everything afresh).
    // Two at a time, so that the renumbering also happens in the middle of a batch.
    for (let i = 0; i < 80; i += 2) {
      // K1~, K1}, K1|, …: each sorts after K1 and before the one added before it.
      const batch = [i, i + 1].map((k) => randomCooperation(random, `K1${String.fromCharCode(0x7e - k)}`));
      all.push(...batch);
      index = index.withChanges(batch);
    }
    const rebuilt = new CooperationIndex(all);
    expect(index.all().map((c) => c.id)).toEqual(rebuilt.all().map((c) => c.id));
    expect(answers(index, null)).toBe(answers(rebuilt, null));
  });
});
