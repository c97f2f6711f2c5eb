import seedrandom from 'seedrandom';
import { createServices } from '@ka/server/src/context';
import type { CooperationEvidence } from '@ka/server/src/matching/cooperation-index';
import { MatchingRepository, type StaticData } from '@ka/server/src/modules/matching/matching.repository';
import { MatchingService } from '@ka/server/src/modules/matching/matching.service';
import { SnapshotStore } from '@ka/server/src/modules/matching/snapshot.store';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { cooperationEvidenceFromGraph, type GraphEvidence } from '../support/graph-reference';

let app: TestApp;
let snapshot: StaticData;
beforeAll(async () => {
  app = await startTestApp();
  const repository = new MatchingRepository(app.db);
  snapshot = await repository.staticData(await repository.datasetVersion());
});
afterAll(async () => {
  await app?.close();
});

/** Order-free forms of the evidence, so the index and Cypher can be compared as values. */
function fromIndex(evidence: CooperationEvidence) {
  return {
    ties: [...evidence.ties].flatMap(([ags, list]) => list.map((c) => `${ags}|${c.id}|${c.status}|${c.municipalMembers}`)).sort(),
    sharedPartners: [...evidence.sharedPartners].map(([ags, s]) => `${ags}:${s.count}`).sort(),
    taskCooperations: evidence.taskCooperations
      .map(
        (c) =>
          `${c.id}|${c.status}|${c.members
            .map((m) => `${m.kind}:${m.key}:${m.role}`)
            .sort()
            .join(',')}`,
      )
      .sort(),
    existingTaskPartners: [...evidence.existingTaskPartners].sort(),
  };
}
function fromGraph(evidence: GraphEvidence) {
  return {
    ties: evidence.ties.map((t) => `${t.ags}|${t.id}|${t.status}|${t.municipalMembers}`).sort(),
    sharedPartners: evidence.sharedPartners.map((s) => `${s.ags}:${s.n}`).sort(),
    taskCooperations: evidence.taskCooperations
      .map(
        (c) =>
          `${c.id}|${c.status}|${c.members
            .map((m) => `${m.kind}:${m.key}:${m.role}`)
            .sort()
            .join(',')}`,
      )
      .sort(),
    existingTaskPartners: [...evidence.existingTaskPartners].sort(),
  };
}

describe('the in-memory cooperation index', () => {
  it('gives the same evidence as the graph query for random municipalities, task areas and radii', async () => {
    const { geography, taskAreas, cooperations } = snapshot;
    const places = [...geography.places.values()].filter((p) => !p.crossBorder).sort((a, b) => a.ags.localeCompare(b.ags));
    const tasks = [...taskAreas.keys()].sort();
    const random = seedrandom('cooperation-index');
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const cases = Array.from({ length: 60 }, () => ({ focal: pick(places), task: pick(tasks), radiusKm: pick([15, 40, 100]) }));
    // Schmallenberg (Hochsauerlandkreis) and Standesamt, Bestwig and VHS.
    cases.push(
      { focal: geography.places.get('05958040')!, task: 'standesamt', radiusKm: 40 },
      { focal: geography.places.get('05958008')!, task: 'vhs', radiusKm: 40 },
    );

    let compared = 0;
    let nonEmpty = 0;
    for (const { focal, task, radiusKm } of cases) {
      const index = fromIndex(cooperations.evidenceFor(geography, focal, task, radiusKm));
      const graph = fromGraph(await cooperationEvidenceFromGraph(app.db, focal.ags, task, radiusKm));
      expect(index.ties, `ties of ${focal.ags}`).toEqual(graph.ties);
      // The index counts shared partners only for municipalities in reach (the only possible candidates); compare
      // those clearly inside the radius (Neo4j's and the haversine distance differ in the last digits).
      const inside = (entry: string) => {
        const place = geography.places.get(entry.split(':')[0]!);
        return place !== undefined && geography.distanceKm(focal, place) < radiusKm * 0.995;
      };
      expect(index.sharedPartners.filter(inside), `shared partners of ${focal.ags}`).toEqual(graph.sharedPartners.filter(inside));
      expect(index.existingTaskPartners, `existing partners of ${focal.ags} in ${task}`).toEqual(graph.existingTaskPartners);
      // Neo4j and the haversine formula can differ in the last digits: a cooperation whose nearest member lies
      // right on the radius may fall on either side. Anything else must match exactly.
      const onEdge = (entry: string) => {
        const memberAgs = entry
          .split('|')[2]!
          .split(',')
          .filter((m) => m.startsWith('MUNICIPALITY:'))
          .map((m) => m.split(':')[1]!);
        const nearest = Math.min(
          ...memberAgs
            .map((ags) => geography.places.get(ags))
            .filter((p) => p !== undefined)
            .map((p) => geography.distanceKm(focal, p)),
        );
        return Math.abs(nearest - radiusKm) < radiusKm * 0.005;
      };
      const onlyIndex = index.taskCooperations.filter((c) => !graph.taskCooperations.includes(c));
      const onlyGraph = graph.taskCooperations.filter((c) => !index.taskCooperations.includes(c));
      expect(
        [...onlyIndex, ...onlyGraph].filter((c) => !onEdge(c)),
        `task cooperations of ${focal.ags}/${task}`,
      ).toEqual([]);
      compared++;
      if (graph.ties.length > 0 && graph.taskCooperations.length > 0) nonEmpty++;
    }
    expect(compared).toBe(62);
    // The comparison means something only if many cases actually have cooperations to compare.
    expect(nonEmpty).toBeGreaterThan(15);
  });
});

describe('the matching snapshot', () => {
  const SCHMALLENBERG = '05958040';
  const TEST_ID = 'TEST-RELOAD-1';

  afterEach(async () => {
    await app.db.write('MATCH (c:Cooperation {id: $id}) DETACH DELETE c', { id: TEST_ID });
  });

  it('reloads the whole snapshot when an import stamps the Dataset, at its next poll of the change feed (ADR 013)', async () => {
    // The store's own timer is set far out, so that this test decides when it polls.
    const snapshots = new SnapshotStore(new MatchingRepository(app.db), { pollMs: 3_600_000, staleAfterMs: 3_600_000 });
    const matching = new MatchingService(snapshots, createServices(app.db).taskAreas);
    const before = await matching.partnerSuggestions(SCHMALLENBERG, 'standesamt', { limit: 5 }, { count: 0 });
    const top = before.candidates[0]!.municipality.ags;

    // What an import does: a new cooperation in the graph (without a change feed entry) and a new Dataset stamp.
    const { records } = await app.db.read("MATCH (d:Dataset {key: 'main'}) RETURN d.importedAt AS importedAt");
    const importedAt = records[0]!.get('importedAt');
    await app.db.write(
      `MATCH (a:Municipality {ags: $a}), (b:Municipality {ags: $b}), (t:TaskArea {id: 'standesamt'})
       CREATE (c:Cooperation {id: $id, name: 'Test-Standesamt', legalForm: 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG', provenance: 'RESEARCHED', status: 'ACTIVE', confidence: 'HIGH'})
       CREATE (a)-[:MEMBER_OF {role: 'MEMBER'}]->(c), (b)-[:MEMBER_OF {role: 'MEMBER'}]->(c), (c)-[:COVERS]->(t)
       WITH c MATCH (d:Dataset {key: 'main'}) SET d.importedAt = datetime()`,
      { a: SCHMALLENBERG, b: top, id: TEST_ID },
    );
    try {
      // Until the store polls, rankings come from the snapshot in memory: a request never waits for the database.
      const cached = await matching.partnerSuggestions(SCHMALLENBERG, 'standesamt', { limit: 5 }, { count: 0 });
      expect(cached.candidates[0]!.municipality.ags).toBe(top);

      await snapshots.poll();
      const after = await matching.partnerSuggestions(SCHMALLENBERG, 'standesamt', { limit: 5 }, { count: 0 });
      // Now a partner in the task: excluded from the candidates and listed as an existing partner.
      expect(after.candidates.map((c) => c.municipality.ags)).not.toContain(top);
      expect(after.existingPartners.map((m) => m.ags)).toContain(top);
    } finally {
      snapshots.close();
      await app.db.write("MATCH (d:Dataset {key: 'main'}) SET d.importedAt = $importedAt", { importedAt });
    }
  });
});
