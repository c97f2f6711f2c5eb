import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDriver } from '@ka/db';
import { DATA_FILES, DataDirectoryError, DatasetConflictError, IMPORT_VERSION, importData, prepareData, writeData } from '@ka/seed';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DATA_DIR } from '../support/paths';

let driver: Driver;
const query = async <T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> => {
  const session = driver.session();
  try {
    const result = await session.run(cypher, params);
    return result.records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
};
const neighbourNames = async (ags: string) =>
  (await query<{ name: string }>('MATCH (:Municipality {ags: $ags})-[b:BORDERS]-(n) WHERE NOT b.touch RETURN n.shortName AS name', { ags }))
    .map((r) => r.name)
    .sort();
const read = (file: string) => fs.readFileSync(path.join(DATA_DIR, file), 'utf8');
/** Lines of a data file without the final line break (the files end with CRLF). */
const lines = (file: string) =>
  read(file)
    .replace(/\r?\n$/, '')
    .split(/\r?\n/);
/** Everything the import writes, counted, to compare a graph before and after. */
const snapshot = () =>
  query<{ key: string; n: number }>(`
    CALL { MATCH (n) RETURN 'nodes' AS key, count(n) AS n UNION ALL MATCH ()-[r]->() RETURN 'relationships' AS key, count(r) AS n
           UNION ALL MATCH ()-[r:MEMBER_OF]->() RETURN 'members' AS key, count(r) AS n
           UNION ALL MATCH ()-[r:BORDERS]->() RETURN 'borders' AS key, count(r) AS n
           UNION ALL MATCH (m:CrossBorder) RETURN 'cross-border' AS key, count(m) AS n
           UNION ALL MATCH ()-[r:IN_DEVELOPMENT_REGION]->() RETURN 'in region' AS key, count(r) AS n
           UNION ALL MATCH (c:Cooperation) WHERE c.provenance = 'RESEARCHED' RETURN 'researched' AS key, count(c) AS n }
    RETURN key, n`);

beforeAll(() => {
  driver = createDriver({ uri: inject('boltUri') });
});
afterAll(async () => {
  await driver?.close();
});

describe('the NRW graph imported from the official files', () => {
  it('has the 396 NRW municipalities in 53 districts, 5 Regierungsbezirke and 1 Land, with the register population', async () => {
    const [row] = await query<{ m: number; d: number; r: number; s: number; population: number }>(`
      MATCH (m:Municipality) WHERE NOT m:CrossBorder WITH count(m) AS m, sum(m.population) AS population
      RETURN m, population, COUNT { (d:District) WHERE NOT d:CrossBorder } AS d, COUNT { (:Region) } AS r, COUNT { (s:State) WHERE NOT s:CrossBorder } AS s`);
    expect(row).toEqual({ m: 396, population: 18_139_116, d: 53, r: 5, s: 1 });
    const [nrw] = await query<{ m: number; d: number }>(
      "RETURN COUNT { (m:Municipality {stateKey: '05'}) WHERE NOT m:CrossBorder } AS m, COUNT { (d:District {stateKey: '05'}) } AS d",
    );
    expect(nrw).toEqual({ m: 396, d: 53 });
    const perRegion = await query<{ name: string; n: number }>(
      'MATCH (m:Municipality)-[:IN_DISTRICT]->(:District)-[:IN_REGION]->(r:Region) RETURN r.name AS name, count(m) AS n ORDER BY name',
    );
    expect(Object.fromEntries(perRegion.map((r) => [r.name, r.n]))).toEqual({
      'Reg.-Bez. Arnsberg': 83,
      'Reg.-Bez. Detmold': 70,
      'Reg.-Bez. Düsseldorf': 66,
      'Reg.-Bez. Köln': 99,
      'Reg.-Bez. Münster': 78,
    });
  });

  it('stores key figures, type, postcode and a centroid point inside NRW for Köln', async () => {
    const [koeln] = await query<Record<string, unknown>>(
      `MATCH (m:Municipality {ags: '05315000'}) RETURN m.name AS name, m.shortName AS shortName, m.type AS type, m.population AS population,
              m.populationDate AS populationDate, m.areaKm2 AS area, m.density AS density, m.postcode AS postcode,
              m.centroid.longitude AS lon, m.centroid.latitude AS lat, m.searchName AS searchName, m.associationName AS associationName`,
    );
    expect(koeln).toMatchObject({
      name: 'Köln, Stadt',
      shortName: 'Köln',
      type: 'KREISFREIE_STADT',
      population: 1_084_831,
      populationDate: '2022-12-31',
      area: 405.02,
      postcode: '50667',
      searchName: 'koln',
      associationName: null,
    });
    expect(koeln!.density).toBeCloseTo(1_084_831 / 405.02, 0);
    expect(koeln!.lon as number).toBeGreaterThan(6.8);
    expect(koeln!.lon as number).toBeLessThan(7.2);
    expect(koeln!.lat as number).toBeGreaterThan(50.8);
    expect(koeln!.lat as number).toBeLessThan(51.1);
    const [aachen] = await query<{ type: string }>("MATCH (d:District {key: '05334'}) RETURN d.type AS type");
    expect(aachen!.type).toBe('STAEDTEREGION');
    // No NRW municipality belongs to a Gemeindeverband (Amt, Samtgemeinde, …): GV100AD lists all 396 as verbandsfrei.
    const [associations] = await query<{ n: number }>('MATCH (m:Municipality) WHERE NOT m:CrossBorder AND m.associationName IS NOT NULL RETURN count(m) AS n');
    expect(associations!.n).toBe(0);
  });

  it("computes Köln's 12 and Münster's 9 neighbours from the polygons", async () => {
    expect(await neighbourNames('05315000')).toEqual(
      [
        'Bergisch Gladbach',
        'Brühl',
        'Dormagen',
        'Frechen',
        'Hürth',
        'Leverkusen',
        'Monheim am Rhein',
        'Niederkassel',
        'Pulheim',
        'Rösrath',
        'Troisdorf',
        'Wesseling',
      ].sort(),
    );
    expect(await neighbourNames('05515000')).toEqual(
      ['Altenberge', 'Ascheberg', 'Drensteinfurt', 'Everswinkel', 'Greven', 'Havixbeck', 'Senden', 'Sendenhorst', 'Telgte'].sort(),
    );
  });

  it('does not connect Köln and Bonn, gives every municipality a neighbour and marks point touches', async () => {
    const [koelnBonn] = await query<{ n: number }>(
      "MATCH (:Municipality {ags: '05315000'})-[b:BORDERS]-(:Municipality {ags: '05314000'}) RETURN count(b) AS n",
    );
    expect(koelnBonn!.n).toBe(0);
    const [isolated] = await query<{ n: number }>('MATCH (m:Municipality) WHERE NOT (m)-[:BORDERS]-() RETURN count(m) AS n');
    expect(isolated!.n).toBe(0);
    const touches = await query<{ lengthKm: number }>('MATCH ()-[b:BORDERS {touch: true}]->() RETURN b.lengthKm AS lengthKm');
    expect(touches.length).toBeGreaterThan(0);
    expect(touches.every((t) => t.lengthKm === 0)).toBe(true);
    const [lengths] = await query<{ min: number; max: number }>(
      'MATCH ()-[b:BORDERS {touch: false}]->() RETURN min(b.lengthKm) AS min, max(b.lengthKm) AS max',
    );
    expect(lengths!.min).toBeGreaterThan(0);
    expect(lengths!.max).toBeLessThan(100);
  });

  it('holds the project taxonomy of task areas', async () => {
    const areas = await query<{ id: string; proximity: number; scale: number; nameEn: string; productArea: string | null }>(
      'MATCH (t:TaskArea) RETURN t.id AS id, t.proximity AS proximity, t.efficientScale AS scale, t.nameEn AS nameEn, t.productArea AS productArea',
    );
    expect(areas.length).toBeGreaterThanOrEqual(25);
    expect(areas.length).toBeLessThanOrEqual(35);
    for (const area of areas) {
      expect(area.proximity).toBeGreaterThanOrEqual(0);
      expect(area.proximity).toBeLessThanOrEqual(1);
      expect(area.scale).toBeGreaterThan(0);
      expect(area.nameEn).toBeTruthy();
    }
    expect(areas.find((a) => a.id === 'bauhof')!.proximity).toBeGreaterThan(areas.find((a) => a.id === 'it')!.proximity);
  });
});

describe('the register of real cooperations', () => {
  it('imports all 356 records as RESEARCHED, with a source, a confidence and a last-verified date, and nothing generated', async () => {
    const [row] = await query<{ all: number; researched: number; generated: number; withSource: number; startDate: number }>(`
      MATCH (c:Cooperation)
      RETURN count(c) AS all, count(CASE WHEN c.provenance = 'RESEARCHED' THEN 1 END) AS researched,
             count(CASE WHEN c.provenance = 'GENERATED' THEN 1 END) AS generated,
             count(CASE WHEN c.sourceUrl STARTS WITH 'http' AND c.confidence IS NOT NULL AND c.verifiedAt IS NOT NULL THEN 1 END) AS withSource,
             count(c.startDate) AS startDate`);
    expect(row).toEqual({ all: 356, researched: 356, generated: 0, withSource: 356, startDate: 0 });
    const [dataset] = await query<Record<string, unknown>>(
      "MATCH (d:Dataset {key: 'main'}) RETURN d.kind AS kind, d.scope AS scope, d.importVersion AS version, d.generatorSeed AS seed, d.neighbourPairShare AS share",
    );
    expect(dataset).toEqual({ kind: 'REGISTER', scope: 'nrw', version: IMPORT_VERSION, seed: null, share: null });
  });

  it('maps status, confidence and legal form of every record', async () => {
    const count = async (property: string) =>
      Object.fromEntries(
        (await query<{ value: string; n: number }>(`MATCH (c:Cooperation) RETURN c.${property} AS value, count(*) AS n`)).map((r) => [r.value, r.n]),
      );
    expect(await count('status')).toEqual({ ACTIVE: 210, UNCLEAR: 97, ENDED: 29, PLANNED: 20 });
    expect(await count('confidence')).toEqual({ HIGH: 185, MEDIUM: 142, LOW: 29 });
    expect(await count('legalForm')).toEqual({
      ZWECKVERBAND: 117,
      OEFFENTLICH_RECHTLICHE_VEREINBARUNG: 114,
      OTHER: 66,
      ARBEITSGEMEINSCHAFT: 26,
      GMBH: 15,
      VERWALTUNGSVEREINBARUNG: 11,
      AOER: 7,
    });
    const [k01] = await query<Record<string, unknown>>(
      "MATCH (c:Cooperation {id: 'K01'}) RETURN c.sourceDate AS sourceDate, c.startYear AS startYear, c.seat AS seat, c.status AS status, c.confidence AS confidence",
    );
    expect(k01).toEqual({ sourceDate: '2018-11-27', startYear: null, seat: 'Düsseldorf (KDVZ)', status: 'ACTIVE', confidence: 'HIGH' });
    const [years] = await query<{ n: number; min: number; max: number }>(
      'MATCH (c:Cooperation) WHERE c.startYear IS NOT NULL RETURN count(c) AS n, min(c.startYear) AS min, max(c.startYear) AS max',
    );
    expect(years!.n).toBe(356 - 160);
    expect(years!.min).toBeGreaterThanOrEqual(1800);
    expect(years!.max).toBeLessThanOrEqual(2100);
  });

  it('links all 1,518 member rows by type, external ones by name across the Land border or to ExternalPartner nodes', async () => {
    const perType = await query<{ type: string; n: number }>('MATCH (x)-[:MEMBER_OF]->(:Cooperation) RETURN labels(x)[0] AS type, count(*) AS n');
    // 39 external rows: Diemelsee and Hatzfeld (Eder) (Hessen) and the Eifelkreis Bitburg-Prüm and Landkreis Vulkaneifel
    // (Rheinland-Pfalz) are imported as neighbours across the border and linked by their unambiguous names.
    expect(Object.fromEntries(perType.map((r) => [r.type, r.n]))).toEqual({ Municipality: 1181, District: 291, Cooperation: 11, ExternalPartner: 35 });
    const [land] = await query<{ partners: number; cooperations: number }>(
      "MATCH (p:ExternalPartner {name: 'Land Nordrhein-Westfalen'}) RETURN count(p) AS partners, COUNT { (p)-[:MEMBER_OF]->(:Cooperation) } AS cooperations",
    );
    expect(land).toEqual({ partners: 1, cooperations: 6 });
    const [partners] = await query<{ n: number; orphans: number }>(
      'RETURN COUNT { (:ExternalPartner) } AS n, COUNT { (p:ExternalPartner) WHERE NOT (p)-[:MEMBER_OF]->() } AS orphans',
    );
    expect(partners).toEqual({ n: 26, orphans: 0 });
    const outside = await query<{ key: string; id: string }>(
      'MATCH (m)-[:MEMBER_OF]->(c:Cooperation) WHERE (m:Municipality OR m:District) AND m:CrossBorder RETURN coalesce(m.ags, m.key) AS key, c.id AS id ORDER BY key',
    );
    expect(outside.map((r) => `${r.id}:${r.key}`).sort()).toEqual(['A104:06635007', 'B070:07232', 'B070:07233', 'D027:06635014']);
    // An ambiguous name stays external: "Stadt Osnabrück" could be the city or the Landkreis.
    const [osnabrueck] = await query<{ n: number }>("MATCH (p:ExternalPartner) WHERE p.name STARTS WITH 'Stadt Osnabrück' RETURN count(p) AS n");
    expect(osnabrueck!.n).toBe(1);
  });

  it('keeps roles, task areas, a cooperation as member, and a record without members (K18)', async () => {
    const k01 = await query<{ key: string; role: string }>(
      "MATCH (x)-[r:MEMBER_OF]->(:Cooperation {id: 'K01'}) RETURN coalesce(x.ags, x.key, x.id) AS key, r.role AS role",
    );
    expect(k01).toContainEqual({ key: '05111000', role: 'MEMBER' });
    expect(k01).toContainEqual({ key: '05162', role: 'MEMBER' });
    expect(k01).toContainEqual({ key: 'K07', role: 'MEMBER' });
    const [k17] = await query<{ roles: string[] }>("MATCH (m)-[r:MEMBER_OF]->(:Cooperation {id: 'K17'}) RETURN collect(r.role) AS roles");
    expect(k17!.roles.sort()).toEqual(['DELEGATING', 'LEAD']);
    const [covers] = await query<{ tasks: string[] }>("MATCH (:Cooperation {id: 'K11'})-[:COVERS]->(t) RETURN collect(t.id) AS tasks");
    expect(covers!.tasks.sort()).toEqual(['rechnungspruefung', 'vergabe']);
    const withoutMembers = await query<{ id: string }>('MATCH (c:Cooperation) WHERE NOT (c)<-[:MEMBER_OF]-() RETURN c.id AS id ORDER BY id');
    expect(withoutMembers.map((r) => r.id)).toEqual(['K18', 'K19', 'K20', 'K21']);
    const [k18] = await query<{ name: string; tasks: number }>("MATCH (c:Cooperation {id: 'K18'}) RETURN c.name AS name, COUNT { (c)-[:COVERS]->() } AS tasks");
    expect(k18!.name).toMatch(/Rhein-Erft-Rur/);
    expect(k18!.tasks).toBeGreaterThan(0);
  });
});

describe('administrative history and development regions', () => {
  it('writes the Altkreis and its confidence on every NRW municipality', async () => {
    const altkreis = async (ags: string) =>
      (
        await query<{ altkreis: string; confidence: string }>(
          'MATCH (m:Municipality {ags: $ags}) RETURN m.altkreis AS altkreis, m.altkreisConfidence AS confidence',
          { ags },
        )
      )[0];
    expect(await altkreis('05958036')).toEqual({ altkreis: 'Kreis Brilon', confidence: 'HIGH' }); // Olsberg
    expect(await altkreis('05958040')).toEqual({ altkreis: 'Kreis Meschede', confidence: 'HIGH' }); // Schmallenberg
    expect(await altkreis('05111000')).toEqual({ altkreis: 'kreisfreie Stadt Düsseldorf', confidence: 'HIGH' });
    expect(await altkreis('05162022')).toEqual({ altkreis: 'Kreis Grevenbroich', confidence: 'MEDIUM' }); // Meerbusch
    const [counts] = await query<{ high: number; medium: number; crossBorder: number }>(`
      RETURN COUNT { (m:Municipality) WHERE NOT m:CrossBorder AND m.altkreisConfidence = 'HIGH' AND m.altkreis IS NOT NULL } AS high,
             COUNT { (m:Municipality) WHERE NOT m:CrossBorder AND m.altkreisConfidence = 'MEDIUM' AND m.altkreis IS NOT NULL } AS medium,
             COUNT { (m:CrossBorder) WHERE m.altkreis IS NOT NULL } AS crossBorder`);
    expect(counts).toEqual({ high: 387, medium: 9, crossBorder: 0 });
  });

  it('imports the 88 development regions with their kind and members, partial ones marked', async () => {
    const kinds = await query<{ kind: string; n: number }>('MATCH (r:DevelopmentRegion) RETURN r.kind AS kind, count(*) AS n');
    // regionen.csv says "other" for the 7 areas SOURCES.md counts as VITAL.NRW; the kind is kept as the file says.
    expect(Object.fromEntries(kinds.map((r) => [r.kind, r.n]))).toEqual({ 'LEADER 2023-2027': 45, 'LEADER 2014-2020': 28, other: 7, ILEK: 4, REGIONALE: 4 });
    const [region] = await query<{ name: string; kind: string; confidence: string; url: string; members: string[] }>(`
      MATCH (r:DevelopmentRegion {id: 'L001'})
      RETURN r.name AS name, r.kind AS kind, r.confidence AS confidence, r.sourceUrl AS url,
             COLLECT { MATCH (m:Municipality)-[x:IN_DEVELOPMENT_REGION {partial: false}]->(r) RETURN m.shortName ORDER BY m.shortName } AS members`);
    expect(region).toEqual({
      name: '3-Länder-Eck',
      kind: 'LEADER 2023-2027',
      confidence: 'MEDIUM',
      url: 'https://leader-3le.de/projekte/',
      members: ['Burbach', 'Neunkirchen', 'Wilnsdorf'],
    });
    const [memberships] = await query<{ all: number; partial: number; empty: number }>(`
      RETURN COUNT { ()-[:IN_DEVELOPMENT_REGION]->() } AS all, COUNT { ()-[:IN_DEVELOPMENT_REGION {partial: true}]->() } AS partial,
             COUNT { (r:DevelopmentRegion) WHERE NOT (r)<-[:IN_DEVELOPMENT_REGION]-() } AS empty`);
    expect(memberships).toEqual({ all: lines(DATA_FILES.regionMembers).length - 1, partial: 30, empty: 0 });
  });
});

describe('neighbours across the Land border', () => {
  it('imports municipalities of Niedersachsen, Hessen and Rheinland-Pfalz with population, district, Land, centroid and web shape', async () => {
    const perState = await query<{ state: string; n: number; complete: number }>(`
      MATCH (m:Municipality:CrossBorder)-[:IN_DISTRICT]->(d:District:CrossBorder)-[:IN_STATE]->(s:State:CrossBorder)
      RETURN s.name AS state, count(m) AS n,
             count(CASE WHEN m.population > 0 AND m.areaKm2 > 0 AND m.centroid IS NOT NULL AND m.boundary STARTS WITH '{' AND m.searchName <> ''
                             AND m.stateKey = s.key AND m.districtKey = d.key AND m.regionKey IS NULL THEN 1 END) AS complete`);
    expect(perState.map((r) => r.state).sort()).toEqual(['Hessen', 'Niedersachsen', 'Rheinland-Pfalz']);
    for (const row of perState) {
      expect(row.n).toBeGreaterThan(20);
      expect(row.complete).toBe(row.n);
    }
    const [all] = await query<{ n: number }>('MATCH (m:CrossBorder) WHERE m:Municipality RETURN count(m) AS n');
    expect(all!.n).toBe(perState.reduce((sum, r) => sum + r.n, 0));
    // Kreise of the neighbours hang below their Land, not below one of NRW's Regierungsbezirke.
    const [inRegion] = await query<{ n: number }>('MATCH (:District:CrossBorder)-[:IN_REGION]->() RETURN count(*) AS n');
    expect(inRegion!.n).toBe(0);
    // Their Gemeindeverband is named: Verbandsgemeinden in Rheinland-Pfalz, Samtgemeinden in Niedersachsen, none in Hessen.
    const associations = await query<{ state: string; type: string | null; n: number; named: number }>(`
      MATCH (m:CrossBorder:Municipality)
      RETURN m.stateKey AS state, m.associationType AS type, count(*) AS n, count(CASE WHEN m.associationName <> '' THEN 1 END) AS named`);
    const byType = (state: string, type: string | null) => associations.find((r) => r.state === state && r.type === type);
    expect(byType('07', 'VERBANDSGEMEINDE')!.n).toBeGreaterThan(100);
    expect(byType('03', 'SAMTGEMEINDE')!.n).toBeGreaterThan(10);
    expect(associations.filter((r) => r.state === '06').map((r) => r.type)).toEqual([null]);
    for (const row of associations) expect(row.named).toBe(row.type === null ? 0 : row.n);
  });

  it('lets Bad Berleburg, Hallenberg and Medebach border Hessen and Kreis Minden-Lübbecke border Niedersachsen', async () => {
    const hessian = await query<{ name: string; n: number }>(`
      MATCH (m:Municipality)-[b:BORDERS]-(h:CrossBorder {stateKey: '06'}) WHERE m.ags IN ['05970004', '05958020', '05958028'] AND NOT b.touch
      RETURN m.shortName AS name, count(h) AS n ORDER BY name`);
    expect(hessian.map((r) => r.name)).toEqual(['Bad Berleburg', 'Hallenberg', 'Medebach']);
    const [korbach] = await query<{ km: number }>(
      "MATCH (:Municipality {ags: '05958028'})-[b:BORDERS]-(:Municipality {shortName: 'Korbach'}) RETURN b.lengthKm AS km",
    );
    expect(korbach!.km).toBeGreaterThan(1);
    const lowerSaxon = await query<{ name: string }>(`
      MATCH (m:Municipality)-[b:BORDERS]-(:CrossBorder {stateKey: '03'}) WHERE m.districtKey = '05770' AND NOT b.touch RETURN DISTINCT m.shortName AS name`);
    expect(lowerSaxon.map((r) => r.name)).toEqual(expect.arrayContaining(['Petershagen', 'Stemwede', 'Porta Westfalica']));
  });

  it('keeps each neighbour within reach of NRW over borders, and borders among the neighbours for hops', async () => {
    const [reach] = await query<{ all: number; oneHop: number; twoHops: number; threeHops: number; among: number }>(`
      RETURN COUNT { (m:Municipality:CrossBorder) } AS all,
             COUNT { (m:Municipality:CrossBorder) WHERE EXISTS { (m)-[:BORDERS]-(n:Municipality) WHERE NOT n:CrossBorder } } AS oneHop,
             COUNT { (m:Municipality:CrossBorder) WHERE EXISTS { (m)-[:BORDERS*1..2]-(n:Municipality) WHERE NOT n:CrossBorder } } AS twoHops,
             COUNT { (m:Municipality:CrossBorder) WHERE EXISTS { (m)-[:BORDERS*1..3]-(n:Municipality) WHERE NOT n:CrossBorder } } AS threeHops,
             COUNT { (:CrossBorder)-[:BORDERS]->(:CrossBorder) } AS among`);
    expect(reach!.oneHop).toBeGreaterThan(50);
    expect(reach!.oneHop).toBeLessThan(reach!.all);
    // Two borders away in the 2016 topology; a few are three away in the graph because the way leads across an
    // unincorporated forest or a municipality merged since 2016, which are left out.
    expect(reach!.threeHops).toBe(reach!.all);
    expect(reach!.all - reach!.twoHops).toBeLessThanOrEqual(3);
    expect(reach!.among).toBeGreaterThan(reach!.all);
  });
});

describe('the COOPERATES_WITH projection', () => {
  it('links exactly the municipality pairs that share cooperations, weighted by how many', async () => {
    const [pairs] = await query<{ n: number; total: number }>(`
      MATCH (a:Municipality)-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(b:Municipality) WHERE a.ags < b.ags
      WITH a, b, count(DISTINCT c) AS weight RETURN count(*) AS n, sum(weight) AS total`);
    const [links] = await query<{ n: number; total: number }>('MATCH ()-[r:COOPERATES_WITH]->() RETURN count(r) AS n, sum(r.weight) AS total');
    expect(links).toEqual(pairs);
    expect(links!.n).toBeGreaterThan(0);
    const [properties] = await query<{ keys: string[] }>('MATCH ()-[r:COOPERATES_WITH]->() RETURN collect(DISTINCT keys(r)) AS keys');
    expect(properties!.keys).toEqual([['weight']]);
  });
});

describe('re-running the import', () => {
  it('yields the same graph (idempotent) and keeps researched records', async () => {
    const before = await snapshot();
    const finalProgress = new Map<string, string>();
    const report = await importData({
      driver,
      dataDir: DATA_DIR,
      scope: 'nrw',
      progress: (stage, done, total) => finalProgress.set(stage, `${done}/${total}`),
    });
    expect(report.problems).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // What the user reads at the end of each stage: the pairs written, not a step counter.
    const [links] = await query<{ n: number; crossBorder: number }>(
      'RETURN COUNT { ()-[:COOPERATES_WITH]->() } AS n, COUNT { (:Municipality:CrossBorder) } AS crossBorder',
    );
    expect(finalProgress.get('Kooperationsbeziehungen')).toBe(`${links!.n}/${links!.n}`);
    expect(finalProgress.get('Kommunen')).toBe('396/396');
    expect(finalProgress.get('Kommunen (Nachbarländer)')).toBe(`${links!.crossBorder}/${links!.crossBorder}`);
    expect(finalProgress.get('Kooperationen (Register)')).toBe('356/356');
    // Polygons of 2016 that no longer exist are a note, not a bad row.
    expect(report.notes.some((note) => /merged since/.test(note))).toBe(true);
  });
});

describe('bad input', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-broken-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const relative = (line: string) => line.replace(/^.*?([\w-]+\.(?:txt|geojson|csv))/, '$1');
  const counts = async () =>
    (
      await query<{ m: number; c: number; r: number; d: number }>(
        'RETURN COUNT { (:Municipality) } AS m, COUNT { (:Cooperation) } AS c, COUNT { ()-[:MEMBER_OF]->() } AS r, COUNT { ()-[:IN_DEVELOPMENT_REGION]->() } AS d',
      )
    )[0]!;

  it('reports each bad row as file:line: reason, imports the good rows and changes nothing else', async () => {
    const register = read(DATA_FILES.register).replace(/\n$/, '').split('\n');
    const koelnLine = register.find((l) => l.startsWith('60') && l.slice(10, 18) === '05315000')!;
    const brokenRegister = [...register, 'this line is too short', koelnLine].join('\n') + '\n';
    const boundaries = JSON.parse(read(DATA_FILES.boundaries.nrw));
    const template = boundaries.features[0];
    boundaries.features.push(
      { ...template, properties: { ...template.properties, AGS: '05999999', GEN: 'Nirgendwo' } },
      { ...template, properties: { ...template.properties, AGS: '05998888', GEN: 'Kaputt' }, geometry: { type: 'Polygon', coordinates: [[[7, 51], 'x']] } },
    );
    const source = 'https://example.org/satzung';
    const cooperations =
      read(DATA_FILES.cooperations).trimEnd() +
      `\nK01,Doppelt,Zweckverband,it,,,,aktiv,,${source},,sicher,\nK90,Unbekannte Form,Genossenschaft,it,,,,aktiv,,${source},,sicher,\n`;
    const members = read(DATA_FILES.members).trimEnd() + '\nK02,gemeinde,05999998,Gibt es nicht,mitglied\nK02,gemeinde,123,Kaputt,mitglied\n';
    const files = {
      register: path.join(dir, 'GV100AD.txt'),
      boundaries: path.join(dir, 'gemeinden.geojson'),
      cooperations: path.join(dir, 'kooperationen.csv'),
      members: path.join(dir, 'mitglieder.csv'),
    };
    fs.writeFileSync(files.register, brokenRegister);
    fs.writeFileSync(files.boundaries, JSON.stringify(boundaries));
    fs.writeFileSync(files.cooperations, cooperations);
    fs.writeFileSync(files.members, members);

    const before = await counts();
    const report = await importData({ driver, dataDir: DATA_DIR, scope: 'nrw', files });
    const problems = report.problemLines().map(relative);
    const registerLines = register.length;
    const coopLines = lines(DATA_FILES.cooperations).length;
    const memberLines = lines(DATA_FILES.members).length;
    expect(problems).toEqual([
      `GV100AD.txt:${registerLines + 1}: malformed line: 22 characters instead of 220`,
      `GV100AD.txt:${registerLines + 2}: duplicate AGS 05315000`,
      `gemeinden.geojson:feature 397: unknown AGS 05999999 (Nirgendwo): no entry in the register, e.g. merged since 2016`,
      `gemeinden.geojson:feature 398: Polygon coordinates do not parse (AGS 05998888)`,
      `kooperationen.csv:${coopLines + 1}: duplicate cooperation id K01`,
      `kooperationen.csv:${coopLines + 2}: unknown legal form "Genossenschaft"`,
      `mitglieder.csv:${memberLines + 1}: member 05999998 of K02 does not exist (unknown AGS)`,
      `mitglieder.csv:${memberLines + 2}: malformed key "123" for a member of type gemeinde`,
    ]);
    expect(await counts()).toEqual(before);
    const [k01] = await query<{ name: string }>("MATCH (c:Cooperation {id: 'K01'}) RETURN c.name AS name");
    expect(k01!.name).toMatch(/^Zweckverband IT-Kooperation Rheinland/);
  });

  it('reports bad rows of the register, the Altkreise and the regions, and keeps everything good', async () => {
    const source = 'https://example.org/satzung';
    const row = (id: string, status: string, konfidenz: string) => `${id},Testverband ${id},Zweckverband,it,,,,${status},,${source},,${konfidenz},`;
    const cooperations = [
      ...lines(DATA_FILES.cooperations),
      'K91,Zu wenige Felder,Zweckverband,it',
      row('K92', 'ruhend', 'sicher'),
      row('K93', 'aktiv', 'ziemlich'),
      row('K94', 'aktiv', ''),
      `K95,Schlechte Quelle,Zweckverband,it,,,,aktiv,,www.example.org,,sicher,`,
    ].join('\r\n');
    const members = [
      ...lines(DATA_FILES.members),
      'K02,gemeinde,05999998,Gibt es nicht,mitglied',
      'K02,kreis,05999,Kein Kreis,mitglied',
      'K01,gemeinde,05111000,"Düsseldorf, Stadt",partner',
      'K03,extern,,,partner',
      'K03,extern,,Land Nordrhein-Westfalen,partner',
      'K03,extern,,Land Nordrhein-Westfalen,mitglied',
      'K03,zweckverband,K999,Unbekannt,mitglied',
      'K92,gemeinde,05111000,Düsseldorf,mitglied',
    ].join('\r\n');
    const altkreise = [...lines(DATA_FILES.altkreise), '05999999,Nirgendwo,Kreis X,X,https://example.org,sicher,,', lines(DATA_FILES.altkreise)[1]!].join(
      '\r\n',
    );
    const regionMembers = [...lines(DATA_FILES.regionMembers), 'L001,05999999,Nirgendwo,nein', lines(DATA_FILES.regionMembers)[1]!].join('\r\n');
    const files = {
      cooperations: path.join(dir, 'register_kooperationen.csv'),
      members: path.join(dir, 'register_mitglieder.csv'),
      altkreise: path.join(dir, 'altkreise.csv'),
      regionMembers: path.join(dir, 'region_mitglieder.csv'),
    };
    fs.writeFileSync(files.cooperations, cooperations);
    fs.writeFileSync(files.members, members);
    fs.writeFileSync(files.altkreise, altkreise);
    fs.writeFileSync(files.regionMembers, regionMembers);

    const before = await counts();
    const report = await importData({ driver, dataDir: DATA_DIR, scope: 'nrw', files });
    const c = lines(DATA_FILES.cooperations).length;
    const m = lines(DATA_FILES.members).length;
    const a = lines(DATA_FILES.altkreise).length;
    const r = lines(DATA_FILES.regionMembers).length;
    expect(report.problemLines().map(relative)).toEqual([
      `altkreise.csv:${a + 1}: unknown AGS 05999999`,
      `altkreise.csv:${a + 2}: duplicate AGS 05111000`,
      `region_mitglieder.csv:${r + 1}: unknown AGS 05999999 in region L001`,
      `region_mitglieder.csv:${r + 2}: duplicate member ${lines(DATA_FILES.regionMembers)[1]!.split(',')[1]} of region L001`,
      `register_kooperationen.csv:${c + 1}: malformed line: 4 fields instead of 13`,
      `register_kooperationen.csv:${c + 2}: unknown status "ruhend" (aktiv, beendet, geplant or unklar)`,
      `register_kooperationen.csv:${c + 3}: unknown konfidenz "ziemlich" (sicher, mittel or unsicher)`,
      `register_kooperationen.csv:${c + 4}: unknown konfidenz "" (sicher, mittel or unsicher)`,
      `register_kooperationen.csv:${c + 5}: source URL is not an http(s) URL`,
      `register_mitglieder.csv:${m + 1}: member 05999998 of K02 does not exist (unknown AGS)`,
      `register_mitglieder.csv:${m + 2}: member 05999 of K02 does not exist (unknown Kreis key)`,
      `register_mitglieder.csv:${m + 3}: duplicate member 05111000 of K01`,
      `register_mitglieder.csv:${m + 4}: extern member without a name`,
      `register_mitglieder.csv:${m + 6}: duplicate member "Land Nordrhein-Westfalen" of K03`,
      `register_mitglieder.csv:${m + 7}: member K999 of K03 is not a known cooperation`,
      `register_mitglieder.csv:${m + 8}: member of unknown cooperation "K92"`,
    ]);
    // The one good new row: Land NRW as a partner of K03.
    const after = await counts();
    expect(after).toEqual({ ...before, r: before.r + 1 });
    const [k03] = await query<{ n: number }>(
      "MATCH (:ExternalPartner {name: 'Land Nordrhein-Westfalen'})-[:MEMBER_OF {role: 'PARTNER'}]->(c:Cooperation {id: 'K03'}) RETURN count(c) AS n",
    );
    expect(k03!.n).toBe(1);
    // Back to the real register (the memberships of a record are replaced as a whole).
    expect((await importData({ driver, dataDir: DATA_DIR, scope: 'nrw' })).problems).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('names the missing files when the data directory is incomplete', async () => {
    await expect(importData({ driver, dataDir: path.join(dir, 'nothing-here'), scope: 'nrw' })).rejects.toThrow(
      /data files missing: .*GV100AD_301123\.txt.*KA_DATA_DIR/,
    );
  });

  it('stops with one clear error naming a missing regions file, before writing anything', async () => {
    const before = await snapshot();
    const missing = path.join(dir, 'regionen-fehlt.csv');
    const attempt = importData({ driver, dataDir: DATA_DIR, scope: 'nrw', files: { regions: missing } });
    await expect(attempt).rejects.toBeInstanceOf(DataDirectoryError);
    await expect(attempt).rejects.toThrow(new RegExp(`^data files missing: ${missing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} — `));
    expect(await snapshot()).toEqual(before);
  });
});

describe('a synthetic dataset (benchmarks only)', () => {
  // This block replaces the shared graph; it restores the register for the test files that follow (ADR 004).
  afterAll(async () => {
    const report = await importData({ driver, dataDir: DATA_DIR, scope: 'nrw', wipe: true });
    if (report.problems.length > 0) throw new Error(report.problemLines().join('\n'));
  });

  it('is refused in a database holding the register, and nothing is written', async () => {
    const before = await snapshot();
    const synthetic = prepareData({ dataDir: DATA_DIR, scope: 'nrw', synthetic: true });
    await expect(writeData({ driver }, synthetic)).rejects.toBeInstanceOf(DatasetConflictError);
    await expect(writeData({ driver }, synthetic)).rejects.toThrow(/holds 356 real \(non-generated\) cooperations.*--wipe/);
    expect(await snapshot()).toEqual(before);
  });

  it('is entirely generated and calibrated once the database is wiped, and then refuses the register', async () => {
    const report = await importData({ driver, dataDir: DATA_DIR, scope: 'nrw', synthetic: true, wipe: true });
    expect(report.problems).toEqual([]);
    expect(report.notes.some((note) => /^wipe: deleted \d+ nodes/.test(note))).toBe(true);
    const perForm = await query<{ form: string; n: number }>('MATCH (c:Cooperation) RETURN c.legalForm AS form, count(c) AS n');
    const forms = Object.fromEntries(perForm.map((r) => [r.form, r.n]));
    // The full NRW totals: no researched record counts towards them any more.
    expect(forms.OEFFENTLICH_RECHTLICHE_VEREINBARUNG).toBeGreaterThan(1400);
    expect(forms.OEFFENTLICH_RECHTLICHE_VEREINBARUNG).toBeLessThanOrEqual(1500);
    expect(forms.ZWECKVERBAND).toBeGreaterThan(225);
    expect(forms.ZWECKVERBAND).toBeLessThanOrEqual(250);
    const [provenance] = await query<{ other: number; externals: number; crossBorderMembers: number }>(`
      RETURN COUNT { (c:Cooperation) WHERE c.provenance <> 'GENERATED' } AS other, COUNT { (:ExternalPartner) } AS externals,
             COUNT { (:CrossBorder)-[:MEMBER_OF]->(:Cooperation) } AS crossBorderMembers`);
    expect(provenance).toEqual({ other: 0, externals: 0, crossBorderMembers: 0 });
    const [dataset] = await query<{ kind: string; seed: number; share: number }>(
      "MATCH (d:Dataset {key: 'main'}) RETURN d.kind AS kind, d.generatorSeed AS seed, d.neighbourPairShare AS share",
    );
    expect(dataset).toMatchObject({ kind: 'SYNTHETIC', seed: 2024 });
    expect(dataset!.share).toBeGreaterThan(0.35);
    expect(dataset!.share).toBeLessThan(0.65);
    // Hosts are larger than the municipalities that delegate to them.
    const [hosts] = await query<{ larger: number; total: number }>(`
      MATCH (h:Municipality)-[:MEMBER_OF {role: 'LEAD'}]->(c:Cooperation)<-[:MEMBER_OF {role: 'DELEGATING'}]-(d:Municipality)
      RETURN count(CASE WHEN h.population > d.population THEN 1 END) AS larger, count(*) AS total`);
    expect(hosts!.larger / hosts!.total).toBeGreaterThan(0.8);

    const before = await snapshot();
    await expect(importData({ driver, dataDir: DATA_DIR, scope: 'nrw' })).rejects.toThrow(/holds \d+ generated cooperations.*never mixed.*--wipe/);
    expect(await snapshot()).toEqual(before);
  });
});
