import type { Driver } from 'neo4j-driver';
import type {
  BorderRecord,
  CooperationRecord,
  DevelopmentRegionRecord,
  DistrictRecord,
  MunicipalityRecord,
  RegionRecord,
  StateRecord,
  TaskAreaRecord,
} from '../model';

export type Progress = (stage: string, done: number, total: number) => void;

const BATCH_SIZE = 1000;

/** What the closing summary counts (fixed patterns, no input). */
const COUNTS: Array<[key: string, pattern: string]> = [
  ['State', '(:State)'],
  ['Region', '(:Region)'],
  ['District', '(:District)'],
  ['Municipality', '(:Municipality)'],
  ['Municipality (cross-border)', '(:Municipality:CrossBorder)'],
  ['TaskArea', '(:TaskArea)'],
  ['Cooperation (researched)', "(n:Cooperation) WHERE n.provenance <> 'GENERATED'"],
  ['Cooperation (generated)', "(n:Cooperation) WHERE n.provenance = 'GENERATED'"],
  ['ExternalPartner', '(:ExternalPartner)'],
  ['DevelopmentRegion', '(:DevelopmentRegion)'],
  ['BORDERS', '()-[:BORDERS]->()'],
  ['MEMBER_OF', '()-[:MEMBER_OF]->()'],
  ['COVERS', '()-[:COVERS]->()'],
  ['IN_DISTRICT', '()-[:IN_DISTRICT]->()'],
  ['IN_DEVELOPMENT_REGION', '()-[:IN_DEVELOPMENT_REGION]->()'],
  ['COOPERATES_WITH', '()-[:COOPERATES_WITH]->()'],
];

/** Sets or removes the CrossBorder label of `variable` from `row.crossBorder` (labels cannot be parameters). */
const CROSS_BORDER_LABEL = (variable: string) =>
  `FOREACH (_ IN CASE WHEN row.crossBorder THEN [1] ELSE [] END | SET ${variable}:CrossBorder)
   FOREACH (_ IN CASE WHEN row.crossBorder THEN [] ELSE [1] END | REMOVE ${variable}:CrossBorder)`;

/**
 * Idempotent, batched writes: every statement MERGEs on the key and takes a whole batch through UNWIND, so an
 * import is a few dozen transactions however large the data, and running it again yields the same graph.
 * Nodes of the neighbouring Länder imported only as partner candidates carry the label CrossBorder; a write sets
 * or removes it, so a node never keeps a stale one.
 */
export class GraphWriter {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly progress: Progress = () => undefined,
  ) {}

  private async batched<T>(
    stage: string,
    rows: T[],
    cypher: string,
    toParams: (batch: T[]) => Record<string, unknown> = (batch) => ({ rows: batch }),
  ): Promise<void> {
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

  async writeStates(states: StateRecord[], crossBorder = false): Promise<void> {
    await this.batched(
      crossBorder ? 'Länder (Nachbarländer)' : 'Länder',
      states.map((props) => ({ props, crossBorder })),
      `UNWIND $rows AS row MERGE (s:State {key: row.props.key}) SET s.name = row.props.name
       ${CROSS_BORDER_LABEL('s')}`,
    );
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

  async writeDistricts(districts: DistrictRecord[], crossBorder = false): Promise<void> {
    await this.batched(
      crossBorder ? 'Kreise (Nachbarländer)' : 'Kreise',
      districts.map((props) => ({ props, crossBorder })),
      `UNWIND $rows AS row
       MERGE (d:District {key: row.props.key})
       SET d.name = row.props.name, d.type = row.props.type, d.stateKey = row.props.stateKey, d.regionKey = row.props.regionKey
       ${CROSS_BORDER_LABEL('d')}
       WITH d, row
       OPTIONAL MATCH (r:Region {key: row.props.regionKey})
       OPTIONAL MATCH (s:State {key: row.props.stateKey})
       FOREACH (_ IN CASE WHEN r IS NOT NULL THEN [1] ELSE [] END | MERGE (d)-[:IN_REGION]->(r))
       FOREACH (_ IN CASE WHEN r IS NULL AND s IS NOT NULL THEN [1] ELSE [] END | MERGE (d)-[:IN_STATE]->(s))`,
    );
  }

  async writeMunicipalities(stage: string, municipalities: MunicipalityRecord[], crossBorder = false): Promise<void> {
    await this.batched(
      stage,
      municipalities.map(({ centroid, ...props }) => ({ props, crossBorder, lon: centroid?.longitude ?? null, lat: centroid?.latitude ?? null })),
      `UNWIND $rows AS row
       MERGE (m:Municipality {ags: row.props.ags})
       SET m += row.props,
           m.density = CASE WHEN row.props.areaKm2 > 0 THEN round(row.props.population / row.props.areaKm2, 1) ELSE null END,
           m.centroid = CASE WHEN row.lon IS NULL THEN null ELSE point({longitude: row.lon, latitude: row.lat}) END
       ${CROSS_BORDER_LABEL('m')}
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
   * a record are replaced as a whole so a re-run leaves exactly what the sources say. All nodes are written
   * before any membership, so a cooperation that is a member of another is found whatever the order of the file.
   * External partners are merged on their name and removed once no cooperation names them any more.
   */
  async writeCooperations(stage: string, cooperations: CooperationRecord[]): Promise<number> {
    const rows = cooperations.map(({ members, taskAreaIds, verifiedAt, ...props }) => ({
      props,
      verifiedAt,
      taskAreaIds,
      members: members.map(({ kind, key, role }) => ({ kind, key, role })),
    }));
    const written = new Set<string>();
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
             SET c += row.props, c.importedAt = datetime(),
                 // Last verified (docs/decisions/012): the date the file gives, else when the import first wrote the
                 // record (the register is checked against its sources as it is compiled); a re-run keeps it.
                 c.verifiedAt = CASE WHEN row.props.provenance = 'GENERATED' THEN null
                                     WHEN row.verifiedAt IS NOT NULL THEN datetime(row.verifiedAt)
                                     ELSE coalesce(c.verifiedAt, datetime()) END
             REMOVE c.startDate
             WITH c, row
             CALL (c) { MATCH (c)-[old:COVERS]->() DELETE old }
             CALL (c, row) {
               UNWIND row.taskAreaIds AS taskAreaId
               MATCH (t:TaskArea {id: taskAreaId})
               MERGE (c)-[:COVERS]->(t)
             }
             RETURN collect(c.id) AS written`,
            { rows: batch },
          ),
        );
        for (const id of result.records[0]?.get('written') as string[]) written.add(id);
        this.progress(stage, Math.min(start + BATCH_SIZE, rows.length), rows.length);
      }
      const members = rows.filter((row) => written.has(row.props.id)).map((row) => ({ id: row.props.id, members: row.members }));
      for (let start = 0; start < members.length; start += BATCH_SIZE) {
        await session.executeWrite((tx) =>
          tx.run(
            `UNWIND $rows AS row
             MATCH (c:Cooperation {id: row.id})
             CALL (c) { MATCH (c)<-[old:MEMBER_OF]-() DELETE old }
             CALL (c, row) {
               UNWIND [m IN row.members WHERE m.kind = 'MUNICIPALITY'] AS member
               MATCH (x:Municipality {ags: member.key})
               MERGE (x)-[r:MEMBER_OF]->(c) SET r.role = member.role
             }
             CALL (c, row) {
               UNWIND [m IN row.members WHERE m.kind = 'DISTRICT'] AS member
               MATCH (x:District {key: member.key})
               MERGE (x)-[r:MEMBER_OF]->(c) SET r.role = member.role
             }
             CALL (c, row) {
               UNWIND [m IN row.members WHERE m.kind = 'COOPERATION'] AS member
               MATCH (x:Cooperation {id: member.key})
               MERGE (x)-[r:MEMBER_OF]->(c) SET r.role = member.role
             }
             CALL (c, row) {
               UNWIND [m IN row.members WHERE m.kind = 'EXTERNAL'] AS member
               MERGE (x:ExternalPartner {name: member.key})
               MERGE (x)-[r:MEMBER_OF]->(c) SET r.role = member.role
             }`,
            { rows: members.slice(start, start + BATCH_SIZE) },
          ),
        );
      }
      await session.executeWrite((tx) => tx.run('MATCH (p:ExternalPartner) WHERE NOT (p)-[:MEMBER_OF]->() DELETE p'));
    } finally {
      await session.close();
    }
    return rows.length - written.size;
  }

  /** Development regions (LEADER, VITAL.NRW, ILEK, REGIONALE) and their municipalities, replaced as a whole. */
  async writeDevelopmentRegions(regions: DevelopmentRegionRecord[]): Promise<void> {
    await this.batched(
      'Entwicklungsregionen',
      regions.map(({ members, ...props }) => ({ props, members: members.map(({ ags, partial }) => ({ ags, partial })) })),
      `UNWIND $rows AS row
       MERGE (r:DevelopmentRegion {id: row.props.id})
       SET r += row.props
       WITH r, row
       CALL (r) { MATCH (r)<-[old:IN_DEVELOPMENT_REGION]-() DELETE old }
       CALL (r, row) {
         UNWIND row.members AS member
         MATCH (m:Municipality {ags: member.ags})
         MERGE (m)-[rel:IN_DEVELOPMENT_REGION]->(r) SET rel.partial = member.partial
       }`,
    );
  }

  /**
   * A derived projection for fast reads: (a)-[:COOPERATES_WITH {weight}]->(b) for every pair of municipalities
   * sharing cooperations (weight = how many). It is recomputed from MEMBER_OF on every import, so it can never
   * disagree with the cooperations.
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
        WITH a, b, count(DISTINCT c) AS weight
        CALL (a, b, weight) { CREATE (a)-[:COOPERATES_WITH {weight: weight}]->(b) } IN TRANSACTIONS OF 20000 ROWS`);
      const pairs = result.summary.counters.updates().relationshipsCreated;
      this.progress('Kooperationsbeziehungen', pairs, pairs);
    } finally {
      await session.close();
    }
  }

  /** What the database holds already, to refuse mixing datasets before anything is written. */
  async existingDataset(): Promise<{ kind: string | null; scope: string | null; generated: number; other: number; municipalities: number }> {
    const session = this.driver.session({ database: this.database });
    try {
      const result = await session.executeRead((tx) =>
        tx.run(`
          OPTIONAL MATCH (d:Dataset {key: 'main'})
          RETURN d.kind AS kind, d.scope AS scope,
                 COUNT { (c:Cooperation) WHERE c.provenance = 'GENERATED' } AS generated,
                 COUNT { (c:Cooperation) WHERE c.provenance IS NULL OR c.provenance <> 'GENERATED' } AS other,
                 COUNT { (:Municipality) } AS municipalities`),
      );
      const record = result.records[0]!;
      return {
        kind: record.get('kind') as string | null,
        scope: record.get('scope') as string | null,
        generated: record.get('generated') as number,
        other: record.get('other') as number,
        municipalities: record.get('municipalities') as number,
      };
    } finally {
      await session.close();
    }
  }

  /**
   * What users entered through the app and a wipe would lose: records of provenance USER, kept versions,
   * contributions, contact persons and imported-row keys (docs/decisions/012).
   */
  async userData(): Promise<Record<string, number>> {
    const session = this.driver.session({ database: this.database });
    try {
      const result = await session.executeRead((tx) =>
        tx.run(`RETURN COUNT { (c:Cooperation {provenance: 'USER'}) } AS userCooperations, COUNT { (:CooperationVersion) } AS versions,
                       COUNT { (:Contribution) } AS contributions, COUNT { (:ContactPerson) } AS contactPersons, COUNT { (:ImportedRecord) } AS importedRows`),
      );
      const record = result.records[0]!;
      return Object.fromEntries(record.keys.map((key) => [key as string, Number(record.get(key))]));
    } finally {
      await session.close();
    }
  }

  /** Deletes every node but the migration records; returns how many. */
  async wipe(): Promise<number> {
    const session = this.driver.session({ database: this.database });
    try {
      const result = await session.run('MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS RETURN count(*) AS n');
      return result.records[0]?.get('n') as number;
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
      // One row of COUNT subqueries: a MATCH … RETURN count(…) branch can come back without a row when nothing matches.
      const result = await session.executeRead((tx) => tx.run(`RETURN ${COUNTS.map(([, pattern], i) => `COUNT { ${pattern} } AS c${i}`).join(', ')}`));
      const record = result.records[0]!;
      return new Map(COUNTS.map(([key], i) => [key, record.get(`c${i}`) as number]));
    } finally {
      await session.close();
    }
  }
}
