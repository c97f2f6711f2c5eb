import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { RECORD_REGISTER_CHANGE } from '@ka/server/src/modules/register/register-change.queries';
import type { CooperationRecordInput, RegisterWriteMeta } from '@ka/server/src/modules/register/register-write.types';

/** A record of two municipalities in one task, as a service would hand it to the write repository. */
export function recordOf(agsA: string, agsB: string, taskAreaId: string, name = 'Testkooperation'): CooperationRecordInput {
  return {
    name,
    legalForm: 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG',
    status: 'ACTIVE',
    startYear: 2026,
    endDate: null,
    seat: null,
    description: 'Angelegt von einem Test',
    sourceUrl: 'https://example.org/amtsblatt/2026-12',
    sourceReference: null,
    sourceDate: '2026-12',
    evidence: null,
    confidence: 'HIGH',
    taskAreaIds: [taskAreaId],
    members: [
      { kind: 'MUNICIPALITY', key: agsA, role: 'MEMBER' },
      { kind: 'MUNICIPALITY', key: agsB, role: 'MEMBER' },
    ],
  };
}

export const TEST_META: RegisterWriteMeta = { actorId: 'test-staff', reviewerId: 'test-office', provenance: 'USER', contributionId: null, summary: 'Test' };

/**
 * Takes the cooperations a test created out of the shared database again (ADR 004: tests that write remove what they
 * wrote), with their versions, and puts the COOPERATES_WITH pairs they touched back as the importer computes them.
 * The change feed gets an entry naming them, so that servers still running drop them from their snapshots.
 */
export async function removeTestCooperations(driver: Driver, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const session = driver.session();
  try {
    await session.executeWrite(async (tx) => {
      const affected = (
        await tx.run('UNWIND $ids AS id MATCH (m:Municipality)-[:MEMBER_OF]->(:Cooperation {id: id}) RETURN collect(DISTINCT m.ags) AS ags', { ids })
      ).records[0]!.get('ags') as string[];
      await tx.run('UNWIND $ids AS id MATCH (c:Cooperation {id: id}) OPTIONAL MATCH (c)-[:HAS_VERSION]->(v) DETACH DELETE c, v', { ids });
      await relinkPairs(tx, affected);
      await tx.run(RECORD_REGISTER_CHANGE, { cooperationIds: ids });
    });
  } finally {
    await session.close();
  }
}

/** The COOPERATES_WITH pairs among `affected`, recomputed from MEMBER_OF as the importer computes them. */
export async function relinkPairs(tx: ManagedTransaction, affected: string[]): Promise<void> {
  await tx.run('UNWIND $affected AS ags MATCH (a:Municipality {ags: ags})-[r:COOPERATES_WITH]->(b) WHERE b.ags IN $affected DELETE r', { affected });
  await tx.run(
    `UNWIND $affected AS ags MATCH (a:Municipality {ags: ags})-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(b:Municipality)
     WHERE a.ags < b.ags AND b.ags IN $affected WITH a, b, count(DISTINCT c) AS weight CREATE (a)-[:COOPERATES_WITH {weight: weight}]->(b)`,
    { affected },
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true or `timeoutMs` passes; returns the time it took, or null. */
export async function timeUntil(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 10): Promise<number | null> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    if (await check()) return performance.now() - start;
    await sleep(intervalMs);
  }
  return null;
}
