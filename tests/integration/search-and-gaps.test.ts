import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { api } from '../support/browser-checks';

/**
 * The read queries of issue 14: municipality search by AGS and postcode, the directory's text search, the gap
 * analysis narrowed to a Kreis or Regierungsbezirk with its CSV export, a profile's openings for cooperation, and
 * errors that speak one language each. Expected values are read from the database, not written down.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const cypher = async <T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> => {
  const session = app.driver.session();
  try {
    return (await session.run(query, params)).records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
};

type Search = { municipalities: { totalCount: number; edges: Array<{ node: { ags: string; shortName: string; postcode: string | null } }> } };
const SEARCH = `query S($search: String!) { municipalities(filter: { search: $search }, first: 8) { totalCount edges { node { ags shortName postcode } } } }`;

describe('municipality search', () => {
  it('finds a municipality by its 8-digit AGS, first', async () => {
    const [row] = await cypher<{ ags: string; name: string }>(`MATCH (m:Municipality {ags: '05962044'}) RETURN m.ags AS ags, m.shortName AS name`);
    expect(row).toBeDefined();
    const data = await api<Search>(app, SEARCH, { search: '05962044' });
    expect(data.municipalities.edges[0]!.node.ags).toBe('05962044');
    expect(data.municipalities.edges[0]!.node.shortName).toBe(row!.name);
    // Spaces as people write it on paper.
    const spaced = await api<Search>(app, SEARCH, { search: '05 962 044' });
    expect(spaced.municipalities.edges[0]!.node.ags).toBe('05962044');
  });

  it('finds the municipalities with a postcode, an exact one first', async () => {
    const expected = await cypher<{ ags: string }>(`MATCH (m:Municipality) WHERE m.postcode = '58769' RETURN m.ags AS ags`);
    expect(expected.length).toBeGreaterThan(0);
    const data = await api<Search>(app, SEARCH, { search: '58769' });
    expect(data.municipalities.edges[0]!.node.postcode).toBe('58769');
    expect(data.municipalities.edges.map((e) => e.node.ags)).toEqual(expect.arrayContaining(expected.map((e) => e.ags)));
  });

  it('narrows by the start of a key and still searches names', async () => {
    const [{ total }] = (await cypher<{ total: number }>(
      `MATCH (m:Municipality) WHERE NOT m:CrossBorder AND (m.ags STARTS WITH '05962' OR m.postcode STARTS WITH '05962') RETURN count(m) AS total`,
    )) as [{ total: number }];
    const data = await api<Search>(app, SEARCH, { search: '05962' });
    expect(data.municipalities.totalCount).toBe(total);
    const byName = await api<Search>(app, SEARCH, { search: 'Nachrodt' });
    expect(byName.municipalities.edges.map((e) => e.node.ags)).toContain('05962044');
  });
});

type Directory = {
  cooperations: { totalCount: number; edges: Array<{ node: { id: string; name: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
};
const DIRECTORY = `query D($filter: CooperationFilter, $first: Int, $after: String) { cooperations(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }`;

describe('directory text search', () => {
  it('matches the name, forgiving case and umlauts', async () => {
    const expected = await cypher<{ id: string }>(
      `MATCH (c:Cooperation) WHERE toLower(c.name) CONTAINS 'münster' OR toLower(c.name) CONTAINS 'muenster' RETURN c.id AS id`,
    );
    expect(expected.length).toBeGreaterThan(0);
    const umlaut = await api<Directory>(app, DIRECTORY, { filter: { search: 'MÜNSTER' }, first: 100 });
    const spelled = await api<Directory>(app, DIRECTORY, { filter: { search: 'muenster' }, first: 100 });
    expect(umlaut.cooperations.totalCount).toBe(spelled.cooperations.totalCount);
    expect(umlaut.cooperations.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(expected.map((e) => e.id)));
  });

  it('matches a member by name, and pages through all matches', async () => {
    const expected = await cypher<{ id: string }>(`MATCH (:Municipality {ags: '05962044'})-[:MEMBER_OF]->(c:Cooperation) RETURN DISTINCT c.id AS id`);
    expect(expected.length).toBeGreaterThan(0);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const page: Directory = await api<Directory>(app, DIRECTORY, { filter: { search: 'Nachrodt-Wiblingwerde' }, first: 2, after });
      seen.push(...page.cooperations.edges.map((e) => e.node.id));
      if (!page.cooperations.pageInfo.hasNextPage) break;
      after = page.cooperations.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(expected.map((e) => e.id)));
  });

  it('matches a task area by its German and its English name', async () => {
    const [{ total }] = (await cypher<{ total: number }>(
      `MATCH (c:Cooperation) WHERE EXISTS { (c)-[:COVERS]->(:TaskArea {id: 'standesamt'}) } RETURN count(c) AS total`,
    )) as [{ total: number }];
    const [area] = await cypher<{ de: string; en: string }>(`MATCH (t:TaskArea {id: 'standesamt'}) RETURN t.nameDe AS de, t.nameEn AS en`);
    const de = await api<Directory>(app, DIRECTORY, { filter: { search: area!.de } });
    const en = await api<Directory>(app, DIRECTORY, { filter: { search: area!.en } });
    expect(de.cooperations.totalCount).toBeGreaterThanOrEqual(total);
    expect(en.cooperations.totalCount).toBeGreaterThanOrEqual(total);
  });
});

type Gaps = {
  cooperationGaps: {
    gaps: Array<{ share: number; municipality: { ags: string; districtKey?: string; district: { key: string }; region: { key: string } | null } }>;
    hosts: Array<{ municipality: { district: { key: string } } }>;
  };
};
const GAPS = `query G($taskArea: ID!, $filter: GapFilter) { cooperationGaps(taskArea: $taskArea, filter: $filter) { gaps { share municipality { ags district { key } region { key } } } hosts { municipality { district { key } } } } }`;

describe('gap analysis by Kreis and Regierungsbezirk', () => {
  // The task area with the most gaps, read from the data.
  let task = '';
  beforeAll(async () => {
    const { taskAreas } = await api<{ taskAreas: Array<{ id: string }> }>(app, `query { taskAreas { id } }`);
    let most = -1;
    for (const { id } of taskAreas) {
      const data = await api<Gaps>(app, GAPS, { taskArea: id });
      if (data.cooperationGaps.gaps.length > most) [most, task] = [data.cooperationGaps.gaps.length, id];
    }
  });

  it('keeps only gaps and hosts inside the chosen Kreis or Regierungsbezirk', async () => {
    const all = await api<Gaps>(app, GAPS, { taskArea: task });
    expect(all.cooperationGaps.gaps.length).toBeGreaterThan(1);
    const districtKey = all.cooperationGaps.gaps[0]!.municipality.district.key;
    const inDistrict = await api<Gaps>(app, GAPS, { taskArea: task, filter: { districtKey } });
    expect(inDistrict.cooperationGaps.gaps.map((g) => g.municipality.ags)).toEqual(
      all.cooperationGaps.gaps.filter((g) => g.municipality.district.key === districtKey).map((g) => g.municipality.ags),
    );
    for (const h of inDistrict.cooperationGaps.hosts) expect(h.municipality.district.key).toBe(districtKey);
    const regionKey = all.cooperationGaps.gaps[0]!.municipality.region!.key;
    const inRegion = await api<Gaps>(app, GAPS, { taskArea: task, filter: { regionKey } });
    expect(inRegion.cooperationGaps.gaps.map((g) => g.municipality.ags)).toEqual(
      all.cooperationGaps.gaps.filter((g) => g.municipality.region?.key === regionKey).map((g) => g.municipality.ags),
    );
  });

  it('lists the NRW Kreise and kreisfreie Städte for the filter', async () => {
    const data = await api<{ districts: Array<{ key: string; name: string; region: { key: string } | null }> }>(
      app,
      `query { districts { key name region { key } } }`,
    );
    const [{ total }] = (await cypher<{ total: number }>(`MATCH (d:District) WHERE d.key STARTS WITH '05' RETURN count(d) AS total`)) as [{ total: number }];
    expect(data.districts).toHaveLength(total);
    expect(total).toBe(53);
    for (const d of data.districts) expect(d.region?.key).toMatch(/^05\d$/);
  });

  it('exports the gaps as CSV with the same filter, AGS as text, dated', async () => {
    const all = await api<Gaps>(app, GAPS, { taskArea: task });
    const districtKey = all.cooperationGaps.gaps[0]!.municipality.district.key;
    const response = await fetch(`${app.url}/api/export/luecken.csv?aufgabe=${task}&kreis=${districtKey}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`kooperationsatlas-luecken-${task}-${districtKey}-\\d{4}-\\d{2}-\\d{2}\\.csv`));
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('ags,name,districtKey,districtName,regionName,population,taskArea,neighbours,cooperatingNeighbours,share');
    const expected = all.cooperationGaps.gaps.filter((g) => g.municipality.district.key === districtKey).map((g) => g.municipality.ags);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(expected);
    // The leading zero of the AGS is kept: the key is text.
    for (const line of lines.slice(1)) expect(line).toMatch(/^05\d{6},/);

    const excel = await fetch(`${app.url}/api/export/luecken-excel.csv?aufgabe=${task}`);
    const bytes = new Uint8Array(await excel.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain(';');
  });

  it('answers a missing or bad filter with a clear 4xx', async () => {
    expect((await fetch(`${app.url}/api/export/luecken.csv`)).status).toBe(400);
    expect((await fetch(`${app.url}/api/export/luecken.csv?aufgabe=standesamt&kreis=abc`)).status).toBe(400);
    expect((await fetch(`${app.url}/api/export/luecken.csv?aufgabe=zauberei`)).status).toBe(404);
  });
});

describe('openings for cooperation on the profile', () => {
  it('are exactly the task areas the gap analysis lists the municipality for', async () => {
    const taskAreas = await api<{ taskAreas: Array<{ id: string }> }>(app, `query { taskAreas { id } }`);
    const gapsByTask = new Map<string, Set<string>>();
    for (const { id } of taskAreas.taskAreas) {
      const data = await api<Gaps>(app, GAPS, { taskArea: id });
      gapsByTask.set(id, new Set(data.cooperationGaps.gaps.map((g) => g.municipality.ags)));
    }
    // A municipality with at least one gap, and one with none.
    const withGap = [...gapsByTask.values()]
      .find((s) => s.size > 0)!
      .values()
      .next().value as string;
    const data = await api<{
      municipality: { cooperationOpenings: Array<{ taskArea: { id: string }; share: number; neighbours: number; cooperatingNeighbours: number }> };
    }>(app, `query O($ags: ID!) { municipality(ags: $ags) { cooperationOpenings { taskArea { id } share neighbours cooperatingNeighbours } } }`, {
      ags: withGap,
    });
    const expected = [...gapsByTask]
      .filter(([, set]) => set.has(withGap))
      .map(([id]) => id)
      .sort();
    expect(data.municipality.cooperationOpenings.map((o) => o.taskArea.id).sort()).toEqual(expected);
    for (const o of data.municipality.cooperationOpenings) {
      expect(o.share).toBeGreaterThan(0.5);
      expect(o.cooperatingNeighbours).toBeLessThanOrEqual(o.neighbours);
    }
  });
});

describe('errors in one language each', () => {
  it('a missing municipality says so in German and, separately, in English', async () => {
    const response = await app.graphql(`query { municipality(ags: "05999999") { ags } }`);
    const extensions = response.errors![0]!.extensions as { code: string; messageDe: string; messageEn: string };
    expect(extensions.code).toBe('NOT_FOUND');
    expect(extensions.messageDe).toBe('Die Kommune mit dem Gemeindeschlüssel „05999999“ gibt es nicht.');
    expect(extensions.messageEn).toBe('The municipality with the key "05999999" does not exist.');
    expect(extensions.messageDe).not.toMatch(/Municipality|not found/);
    expect(extensions.messageEn).not.toMatch(/Kommune|gefunden/);
  });

  it('a weight out of range is named as a person knows it, never as weights.proximity', async () => {
    const response = await app.graphql(
      `query { partnerSuggestions(ags: "05958004", taskArea: "it", options: { weights: [{ key: PROXIMITY, weight: 11 }], maxDistanceKm: 0 }) { consideredCount } }`,
    );
    const extensions = response.errors![0]!.extensions as { messageDe: string; messageEn: string };
    expect(extensions.messageDe).toContain('Ein Gewicht darf nicht größer als 10 sein.');
    expect(extensions.messageDe).toContain('Der Umkreis (km) darf nicht kleiner als 1 sein.');
    expect(extensions.messageEn).toContain('A weight must not be greater than 10.');
    expect(`${extensions.messageDe} ${extensions.messageEn}`).not.toMatch(/weights\.|maxDistanceKm|„weight“/);
  });
});
