import type { Driver } from 'neo4j-driver';
import type { BorderRecord, CooperationRecord, DistrictRecord, MunicipalityRecord, RegionRecord, StateRecord, TaskAreaRecord } from '../model';

export type Progress = (stage: string, done: number, total: number) => void;

const BATCH_SIZE = 1000;

/**
 * Idempotent, batched writes: every statement MERGEs on the key and takes a whole batch through UNWIND, so an
 * import is a few dozen transactions however large the data, and running it again yields the same graph.
 */
export class GraphWriter {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly progress: Progress = () => undefined,
  ) {}

  private async batched<T>(stage: string, rows: T[], cypher: string, toParams: (batch: T[]) => Record<string, unknown> = (batch) => ({ rows: batch })): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      this.progress(stage, 0, rows.length);
      for (let start = 0; start < rows.length; start += BATCH_SIZE) {
        const batch = rows.slice(start, start + BATCH_SIZE);
        await session.executeWrite((tx) => tx.run(cypher, toParams(batch)));
        this.progress(stage, Math.min(start + BATCH_SIZE, rows.length), rows.length);
      }
    } finally {
      await session.close();
    }
  }

  async writeStates(states: StateRecord[]): Promise<void> {
    await this.batched('Länder', states, 'UNWIND $rows AS row MERGE (s:State {key: row.key}) SET s.name = row.name');
  }

  async writeRegions(regions: RegionRecord[]): Promise<void> {
    await this.batched(
      'Regierungsbezirke',
      regions,
      `UNWIND $rows AS row
       MERGE (r:Region {key: row.key}) SET r.name = row.name, r.stateKey = row.stateKey
       WITH r, row MATCH (s:State {key: row.stateKey}) MERGE (r)-[:IN_STATE]->(s)`,
    );
  }

  async writeDistricts(districts: DistrictRecord[]): Promise<void> {
    await this.batched(
      'Kreise',
      districts,
      `UNWIND $rows AS row
       MERGE (d:District {key: row.key})
       SET d.name = row.name, d.type = row.type, d.stateKey = row.stateKey, d.regionKey = row.regionKey
       WITH d, row
       OPTIONAL MATCH (r:Region {key: row.regionKey})
       OPTIONAL MATCH (s:State {key: row.stateKey})
       FOREACH (_ IN CASE WHEN r IS NOT NULL THEN [1] ELSE [] END | MERGE (d)-[:IN_REGION]->(r))
       FOREACH (_ IN CASE WHEN r IS NULL AND s IS NOT NULL THEN [1] ELSE [] END | MERGE (d)-[:IN_STATE]->(s))`,
    );
  }

  async writeMunicipalities(municipalities: MunicipalityRecord[]): Promise<void> {
    await this.batched(
      'Kommunen',
      municipalities.map(({ centroid, ...props }) => ({ props, lon: centroid?.longitude ?? null, lat: centroid?.latitude ?? null })),
      `UNWIND $rows AS row
       MERGE (m:Municipality {ags: row.props.ags})
       SET m += row.props,
           m.density = CASE WHEN row.props.areaKm2 > 0 THEN round(row.props.population / row.props.areaKm2, 1) ELSE null END,
           m.centroid = CASE WHEN row.lon IS NULL THEN null ELSE point({longitude: row.lon, latitude: row.lat}) END
       WITH m, row
       MATCH (d:District {key: row.props.districtKey})
       MERGE (m)-[:IN_DISTRICT]->(d)`,
    );
  }

  async writeBorders(borders: BorderRecord[]): Promise<void> {
    await this.batched(
      'Grenzen',
      borders,
      `UNWIND $rows AS row
       MATCH (a:Municipality {ags: row.a}), (b:Municipality {ags: row.b})
       MERGE (a)-[r:BORDERS]->(b)
       SET r.lengthKm = row.lengthKm, r.touch = row.touch`,
    );
  }

  async writeTaskAreas(taskAreas: TaskAreaRecord[]): Promise<void> {
    await this.batched('Aufgabenfelder', taskAreas, 'UNWIND $rows AS row MERGE (t:TaskArea {id: row.id}) SET t += row');
  }

  /**
   * Cooperations with their COVERS and MEMBER_OF relationships. A record never replaces one of another
   * provenance (a generated record cannot overwrite a researched one); the import-managed relationships of
   * a record are replaced as a whole so a re-run leaves exactly what the sources say.
   */
  async writeCooperations(stage: string, cooperations: CooperationRecord[]): Promise<number> {
    let skipped = 0;
    const rows = cooperations.map(({ members, taskAreaIds, ...props }) => ({
      props,
      taskAreaIds,
      members: members.map(({ kind, key, role }) => ({ kind, key, role })),
    }));
    const session = this.driver.session({ database: this.database });
    try {
      this.progress(stage, 0, rows.length);
      for (let start = 0; start < rows.length; start += BATCH_SIZE) {
        const batch = rows.slice(start, start + BATCH_SIZE);
        const result = await session.executeWrite((tx) =>
          tx.run(
            `UNWIND $rows AS row
             MERGE (c:Cooperation {id: row.props.id})
             ON CREATE SET c.provenance = row.props.provenance
             WITH c, row WHERE c.provenance = row.props.provenance
             SET c += row.props, c.importedAt = datetime()
             WITH c, row
             CALL (c) { MATCH (c)<-[old:MEMBER_OF]-() DELETE old }
             CALL (c) { MATCH (c)-[old:COVERS]->() DELETE old }
             CALL (c, row) {
               UNWIND row.taskAreaIds AS taskAreaId
               MATCH (t:TaskArea {id: taskAreaId})
               MERGE (c)-[:COVERS]->(t)
             }
             CALL (c, row) {
               UNWIND row.members AS member
               OPTIONAL MATCH (m:Municipality {ags: member.key}) WHERE member.kind = 'MUNICIPALITY'
               OPTIONAL MATCH (d:District {key: member.key}) WHERE member.kind = 'DISTRICT'
               OPTIONAL MATCH (o:Cooperation {id: member.key}) WHERE member.kind = 'COOPERATION'
               WITH c, member, coalesce(m, d, o) AS node WHERE node IS NOT NULL
               MERGE (node)-[r:MEMBER_OF]->(c) SET r.role = member.role
             }
             RETURN count(c) AS written`,
            { rows: batch },
          ),
        );
        skipped += batch.length - (result.records[0]?.get('written') as number);
        this.progress(stage, Math.min(start + BATCH_SIZE, rows.length), rows.length);
      }
    } finally {
      await session.close();
    }
    return skipped;
  }

  /**
   * A derived projection for fast reads: (a)-[:COOPERATES_WITH {weight, researched}]->(b) for every pair of
   * municipalities sharing cooperations (weight = how many, researched = how many of them are not generated).
   * It is recomputed from MEMBER_OF on every import, so it can never disagree with the cooperations.
   */
  async writeCooperationLinks(): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      // One step whose size is known only afterwards: it ends with the number of pairs written.
      this.progress('Kooperationsbeziehungen', 0, 1);
      await session.run('MATCH ()-[r:COOPERATES_WITH]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS');
      const result = await session.run(`
        MATCH (a:Municipality)-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(b:Municipality)
        WHERE a.ags < b.ags
        WITH a, b, count(DISTINCT c) AS weight, count(DISTINCT CASE WHEN c.provenance <> 'GENERATED' THEN c END) AS researched
        CALL (a, b, weight, researched) { CREATE (a)-[:COOPERATES_WITH {weight: weight, researched: researched}]->(b) } IN TRANSACTIONS OF 20000 ROWS`);
      const pairs = result.summary.counters.updates().relationshipsCreated;
      this.progress('Kooperationsbeziehungen', pairs, pairs);
    } finally {
      await session.close();
    }
  }

  async writeDataset(props: Record<string, unknown>): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      await session.executeWrite((tx) => tx.run('MERGE (d:Dataset {key: "main"}) SET d += $props, d.importedAt = datetime()', { props }));
    } finally {
      await session.close();
    }
  }

  /** Counts per label and relationship type, for the closing summary. */
  async counts(): Promise<Map<string, number>> {
    const session = this.driver.session({ database: this.database });
    try {
      const result = await session.executeRead((tx) =>
        tx.run(`
          CALL { MATCH (n:State) RETURN 'State' AS key, count(n) AS n
                 UNION ALL MATCH (n:Region) RETURN 'Region' AS key, count(n) AS n
                 UNION ALL MATCH (n:District) RETURN 'District' AS key, count(n) AS n
                 UNION ALL MATCH (n:Municipality) RETURN 'Municipality' AS key, count(n) AS n
                 UNION ALL MATCH (n:TaskArea) RETURN 'TaskArea' AS key, count(n) AS n
                 UNION ALL MATCH (n:Cooperation) WHERE n.provenance <> 'GENERATED' RETURN 'Cooperation (researched)' AS key, count(n) AS n
                 UNION ALL MATCH (n:Cooperation {provenance: 'GENERATED'}) RETURN 'Cooperation (generated)' AS key, count(n) AS n
                 UNION ALL MATCH ()-[r:BORDERS]->() RETURN 'BORDERS' AS key, count(r) AS n
                 UNION ALL MATCH ()-[r:MEMBER_OF]->() RETURN 'MEMBER_OF' AS key, count(r) AS n
                 UNION ALL MATCH ()-[r:COVERS]->() RETURN 'COVERS' AS key, count(r) AS n
                 UNION ALL MATCH ()-[r:IN_DISTRICT]->() RETURN 'IN_DISTRICT' AS key, count(r) AS n
                 UNION ALL MATCH ()-[r:COOPERATES_WITH]->() RETURN 'COOPERATES_WITH' AS key, count(r) AS n }
          RETURN key, n`),
      );
      return new Map(result.records.map((r) => [r.get('key') as string, r.get('n') as number]));
    } finally {
      await session.close();
    }
  }
}
