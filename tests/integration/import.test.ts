import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDriver } from '@ka/db';
import { DATA_FILES, importData } from '@ka/seed';
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
  (await query<{ name: string }>('MATCH (:Municipality {ags: $ags})-[b:BORDERS]-(n) WHERE NOT b.touch RETURN n.shortName AS name', { ags })).map((r) => r.name).sort();

beforeAll(() => {
  driver = createDriver({ uri: inject('boltUri') });
});
afterAll(async () => {
  await driver?.close();
});

describe('the NRW graph imported from the official files', () => {
  it('has the 396 municipalities in 53 districts, 5 Regierungsbezirke and 1 Land, with the register population', async () => {
    const [row] = await query<{ m: number; d: number; r: number; s: number; population: number }>(`
      MATCH (m:Municipality) WITH count(m) AS m, sum(m.population) AS population
      RETURN m, population, COUNT { (:District) } AS d, COUNT { (:Region) } AS r, COUNT { (:State) } AS s`);
    expect(row).toEqual({ m: 396, population: 18_139_116, d: 53, r: 5, s: 1 });
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
              m.centroid.longitude AS lon, m.centroid.latitude AS lat, m.searchName AS searchName`,
    );
    expect(koeln).toMatchObject({ name: 'Köln, Stadt', shortName: 'Köln', type: 'KREISFREIE_STADT', population: 1_084_831, populationDate: '2022-12-31', area: 405.02, postcode: '50667', searchName: 'koln' });
    expect(koeln!.density).toBeCloseTo(1_084_831 / 405.02, 0);
    expect(koeln!.lon as number).toBeGreaterThan(6.8);
    expect(koeln!.lon as number).toBeLessThan(7.2);
    expect(koeln!.lat as number).toBeGreaterThan(50.8);
    expect(koeln!.lat as number).toBeLessThan(51.1);
    const [aachen] = await query<{ type: string }>("MATCH (d:District {key: '05334'}) RETURN d.type AS type");
    expect(aachen!.type).toBe('STAEDTEREGION');
  });

  it("computes Köln's 12 and Münster's 9 neighbours from the polygons", async () => {
    expect(await neighbourNames('05315000')).toEqual(
      ['Bergisch Gladbach', 'Brühl', 'Dormagen', 'Frechen', 'Hürth', 'Leverkusen', 'Monheim am Rhein', 'Niederkassel', 'Pulheim', 'Rösrath', 'Troisdorf', 'Wesseling'].sort(),
    );
    expect(await neighbourNames('05515000')).toEqual(['Altenberge', 'Ascheberg', 'Drensteinfurt', 'Everswinkel', 'Greven', 'Havixbeck', 'Senden', 'Sendenhorst', 'Telgte'].sort());
  });

  it('does not connect Köln and Bonn, gives every municipality a neighbour and marks point touches', async () => {
    const [koelnBonn] = await query<{ n: number }>("MATCH (:Municipality {ags: '05315000'})-[b:BORDERS]-(:Municipality {ags: '05314000'}) RETURN count(b) AS n");
    expect(koelnBonn!.n).toBe(0);
    const [isolated] = await query<{ n: number }>('MATCH (m:Municipality) WHERE NOT (m)-[:BORDERS]-() RETURN count(m) AS n');
    expect(isolated!.n).toBe(0);
    const touches = await query<{ lengthKm: number }>('MATCH ()-[b:BORDERS {touch: true}]->() RETURN b.lengthKm AS lengthKm');
    expect(touches.length).toBeGreaterThan(0);
    expect(touches.every((t) => t.lengthKm === 0)).toBe(true);
    const [lengths] = await query<{ min: number; max: number }>('MATCH ()-[b:BORDERS {touch: false}]->() RETURN min(b.lengthKm) AS min, max(b.lengthKm) AS max');
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

  it('imports the 31 real NRW cooperations as RESEARCHED with their sources, members and roles', async () => {
    const researched = await query<{ id: string; url: string }>("MATCH (c:Cooperation {provenance: 'RESEARCHED'}) RETURN c.id AS id, c.sourceUrl AS url");
    expect(researched).toHaveLength(31);
    expect(researched.every((c) => /^https?:\/\//.test(c.url))).toBe(true);
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
  });

  it('generates a calibrated set of cooperations, every one marked GENERATED', async () => {
    const perForm = await query<{ form: string; n: number }>('MATCH (c:Cooperation) RETURN c.legalForm AS form, count(c) AS n');
    const forms = Object.fromEntries(perForm.map((r) => [r.form, r.n]));
    expect(forms.OEFFENTLICH_RECHTLICHE_VEREINBARUNG).toBeGreaterThan(1400);
    expect(forms.OEFFENTLICH_RECHTLICHE_VEREINBARUNG).toBeLessThan(1600);
    expect(forms.ZWECKVERBAND).toBeGreaterThan(225);
    expect(forms.ZWECKVERBAND).toBeLessThan(275);
    const [unmarked] = await query<{ n: number }>("MATCH (c:Cooperation) WHERE NOT c.provenance IN ['RESEARCHED', 'GENERATED'] RETURN count(c) AS n");
    expect(unmarked!.n).toBe(0);
    const [dataset] = await query<{ share: number }>("MATCH (d:Dataset {key: 'main'}) RETURN d.neighbourPairShare AS share");
    expect(dataset!.share).toBeGreaterThan(0.35);
    expect(dataset!.share).toBeLessThan(0.65);
    // Hosts are larger than the municipalities that delegate to them.
    const [hosts] = await query<{ larger: number; total: number }>(`
      MATCH (h:Municipality)-[:MEMBER_OF {role: 'LEAD'}]->(c:Cooperation {provenance: 'GENERATED'})<-[:MEMBER_OF {role: 'DELEGATING'}]-(d:Municipality)
      RETURN count(CASE WHEN h.population > d.population THEN 1 END) AS larger, count(*) AS total`);
    expect(hosts!.larger / hosts!.total).toBeGreaterThan(0.8);
    const [kreisWide] = await query<{ n: number }>("MATCH (:District)-[:MEMBER_OF]->(c:Cooperation {provenance: 'GENERATED'}) RETURN count(DISTINCT c) AS n");
    expect(kreisWide!.n).toBeGreaterThan(10);
  });
});

describe('the COOPERATES_WITH projection', () => {
  it('links exactly the municipality pairs that share cooperations, with their counts', async () => {
    const [pairs] = await query<{ n: number; total: number }>(`
      MATCH (a:Municipality)-[:MEMBER_OF]->(c:Cooperation)<-[:MEMBER_OF]-(b:Municipality) WHERE a.ags < b.ags
      WITH a, b, count(DISTINCT c) AS weight RETURN count(*) AS n, sum(weight) AS total`);
    const [links] = await query<{ n: number; total: number }>('MATCH ()-[r:COOPERATES_WITH]->() RETURN count(r) AS n, sum(r.weight) AS total');
    expect(links).toEqual(pairs);
  });
});

describe('re-running the import', () => {
  it('yields the same graph (idempotent) and keeps researched records', async () => {
    const snapshot = () =>
      query<{ key: string; n: number }>(`
        CALL { MATCH (n) RETURN 'nodes' AS key, count(n) AS n UNION ALL MATCH ()-[r]->() RETURN 'relationships' AS key, count(r) AS n
               UNION ALL MATCH ()-[r:MEMBER_OF]->() RETURN 'members' AS key, count(r) AS n
               UNION ALL MATCH (c:Cooperation {provenance: 'RESEARCHED'}) RETURN 'researched' AS key, count(c) AS n }
        RETURN key, n`);
    const before = await snapshot();
    const finalProgress = new Map<string, string>();
    const report = await importData({ driver, dataDir: DATA_DIR, scope: 'nrw', progress: (stage, done, total) => finalProgress.set(stage, `${done}/${total}`) });
    expect(report.problems).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // What the user reads at the end of each stage: the pairs written, not a step counter.
    const [links] = await query<{ n: number }>('MATCH ()-[r:COOPERATES_WITH]->() RETURN count(r) AS n');
    expect(finalProgress.get('Kooperationsbeziehungen')).toBe(`${links!.n}/${links!.n}`);
    expect(finalProgress.get('Kommunen')).toBe('396/396');
  });
});

describe('bad input', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-broken-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports each bad row as file:line: reason, imports the good rows and changes nothing else', async () => {
    const read = (file: string) => fs.readFileSync(path.join(DATA_DIR, file), 'utf8');
    const register = read(DATA_FILES.register).replace(/\n$/, '').split('\n');
    const koelnLine = register.find((l) => l.startsWith('60') && l.slice(10, 18) === '05315000')!;
    const brokenRegister = [...register, 'this line is too short', koelnLine].join('\n') + '\n';
    const boundaries = JSON.parse(read(DATA_FILES.boundaries.nrw));
    const template = boundaries.features[0];
    boundaries.features.push(
      { ...template, properties: { ...template.properties, AGS: '05999999', GEN: 'Nirgendwo' } },
      { ...template, properties: { ...template.properties, AGS: '05998888', GEN: 'Kaputt' }, geometry: { type: 'Polygon', coordinates: [[[7, 51], 'x']] } },
    );
    const cooperations = read(DATA_FILES.cooperations).trimEnd() + '\nK01,Doppelt,Zweckverband,it,,,,,,,,\nK90,Unbekannte Form,Genossenschaft,it,,,,,,,,\n';
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

    const [before] = await query<{ m: number; c: number; r: number }>('RETURN COUNT { (:Municipality) } AS m, COUNT { (:Cooperation) } AS c, COUNT { ()-[:MEMBER_OF]->() } AS r');
    const report = await importData({ driver, dataDir: DATA_DIR, scope: 'nrw', files });
    const lines = report.problemLines().map((line) => line.replace(/^.*?(GV100AD\.txt|gemeinden\.geojson|kooperationen\.csv|mitglieder\.csv)/, '$1'));
    const registerLines = register.length;
    const coopLines = read(DATA_FILES.cooperations).trimEnd().split('\n').length;
    const memberLines = read(DATA_FILES.members).trimEnd().split('\n').length;
    expect(lines).toEqual(
      expect.arrayContaining([
        `GV100AD.txt:${registerLines + 1}: malformed line: 22 characters instead of 220`,
        `GV100AD.txt:${registerLines + 2}: duplicate AGS 05315000`,
        `gemeinden.geojson:feature 397: unknown AGS 05999999 (Nirgendwo): no entry in the register, e.g. merged since 2016`,
        `gemeinden.geojson:feature 398: Polygon coordinates do not parse (AGS 05998888)`,
        `kooperationen.csv:${coopLines + 1}: duplicate cooperation id K01`,
        `kooperationen.csv:${coopLines + 2}: unknown legal form "Genossenschaft"`,
        `mitglieder.csv:${memberLines + 1}: member 05999998 of K02 does not exist (unknown AGS)`,
        `mitglieder.csv:${memberLines + 2}: malformed key "123" for a member of type gemeinde`,
      ]),
    );
    expect(lines).toHaveLength(8);
    const [after] = await query<{ m: number; c: number; r: number }>('RETURN COUNT { (:Municipality) } AS m, COUNT { (:Cooperation) } AS c, COUNT { ()-[:MEMBER_OF]->() } AS r');
    expect(after).toEqual(before);
    const [k01] = await query<{ name: string }>("MATCH (c:Cooperation {id: 'K01'}) RETURN c.name AS name");
    expect(k01!.name).toMatch(/^Zweckverband IT-Kooperation Rheinland/);
  });

  it('names the missing files when the data directory is incomplete', async () => {
    await expect(importData({ driver, dataDir: path.join(dir, 'nothing-here'), scope: 'nrw' })).rejects.toThrow(/data files missing: .*GV100AD_301123\.txt.*KA_DATA_DIR/);
  });
});
