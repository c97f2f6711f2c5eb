import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

type Names = {
  municipalities: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { ags: string; name: string; population: number } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};
const SEARCH = `query Search($filter: MunicipalityFilter, $orderBy: MunicipalityOrder, $first: Int, $after: String) {
  municipalities(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ags name population } }
  }
}`;

describe('municipalities', () => {
  it.each(['koln', 'Köln', 'Köln, Stadt', 'KOELN'])('search "%s" finds Köln first', async (search) => {
    const { data, errors } = await app.graphql<Names>(SEARCH, { filter: { search } });
    expect(errors).toBeUndefined();
    expect(data!.municipalities.edges[0]!.node.ags).toBe('05315000');
  });

  it('search "muenster" finds Münster', async () => {
    const { data } = await app.graphql<Names>(SEARCH, { filter: { search: 'muenster' } });
    expect(data!.municipalities.edges[0]!.node.name).toBe('Münster, Stadt');
  });

  it('filters by Kreis, type and population and sorts by population', async () => {
    const { data } = await app.graphql<Names>(SEARCH, {
      filter: { districtKey: '05958', type: 'STADT', minPopulation: 10000, maxPopulation: 30000 },
      orderBy: { by: 'POPULATION', direction: 'DESC' },
      first: 50,
    });
    const populations = data!.municipalities.edges.map((e) => e.node.population);
    expect(populations.length).toBeGreaterThan(3);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    expect(populations.every((p) => p >= 10000 && p <= 30000)).toBe(true);
    expect(data!.municipalities.edges.every((e) => e.node.ags.startsWith('05958'))).toBe(true);
  });

  it('pages with cursors through all 396 without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const response: { data?: Names } = await app.graphql<Names>(SEARCH, { first: 100, after });
      const connection: Names['municipalities'] = response.data!.municipalities;
      seen.push(...connection.edges.map((e) => e.node.ags));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(396);
    expect(new Set(seen).size).toBe(396);
  });

  it('returns the profile: key figures, Kreis, region, neighbours and cooperations by task area', async () => {
    const { data, errors } = await app.graphql<{ municipality: Record<string, any> }>(`query Profile {
      municipality(ags: "05515000") {
        name population areaKm2 density type district { name type } region { name }
        neighbours { lengthKm touch municipality { shortName } }
        cooperationsByTaskArea { taskArea { id nameDe } cooperations { id name provenance } }
      }
    }`);
    expect(errors).toBeUndefined();
    const m = data!.municipality;
    expect(m).toMatchObject({ name: 'Münster, Stadt', type: 'KREISFREIE_STADT', district: { name: 'Münster, Stadt' }, region: { name: 'Reg.-Bez. Münster' } });
    expect(m.neighbours).toHaveLength(9);
    expect(m.neighbours[0].lengthKm).toBeGreaterThanOrEqual(m.neighbours[8].lengthKm);
    expect(m.cooperationsByTaskArea.length).toBeGreaterThan(0);
    for (const group of m.cooperationsByTaskArea) expect(group.cooperations.length).toBeGreaterThan(0);
  });
});

describe('cooperations, task areas, stats', () => {
  it('shows a researched cooperation with members, roles, provenance and source', async () => {
    const { data } = await app.graphql<{ cooperation: Record<string, any> }>(`query Coop {
      cooperation(id: "K17") { name legalForm provenance sourceUrl taskAreas { id } members { kind key name role } }
    }`);
    expect(data!.cooperation).toMatchObject({ legalForm: 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG', provenance: 'RESEARCHED', taskAreas: [{ id: 'feuerwehr' }] });
    expect(data!.cooperation.sourceUrl).toMatch(/^https?:\/\//);
    expect(data!.cooperation.members[0].role).toBe('LEAD');
  });

  it('filters the directory by task area, legal form, Kreis and provenance', async () => {
    const { data } = await app.graphql<{ cooperations: { totalCount: number; edges: Array<{ node: { provenance: string; legalForm: string } }> } }>(`query Dir {
      cooperations(filter: { taskArea: "vhs", legalForm: ZWECKVERBAND, provenance: RESEARCHED }, first: 50) { totalCount edges { node { provenance legalForm } } }
    }`);
    expect(data!.cooperations.totalCount).toBeGreaterThanOrEqual(8);
    expect(data!.cooperations.edges.every((e) => e.node.provenance === 'RESEARCHED' && e.node.legalForm === 'ZWECKVERBAND')).toBe(true);
    const byKreis = await app.graphql<{ cooperations: { totalCount: number } }>(`query K { cooperations(filter: { districtKey: "05958" }) { totalCount } }`);
    expect(byKreis.data!.cooperations.totalCount).toBeGreaterThan(10);
  });

  it('lists the task areas and the stats', async () => {
    const { data } = await app.graphql<{ taskAreas: Array<{ id: string }>; stats: { municipalities: number } }>(
      'query T { taskAreas { id nameDe proximity efficientScale } stats { municipalities } }',
    );
    expect(data!.taskAreas).toHaveLength(30);
    expect(data!.stats.municipalities).toBe(396);
  });
});

describe('no N+1', () => {
  it('keeps the number of Cypher queries of a nested operation bounded, whatever the page size', async () => {
    const nested = (first: number) => `query Nested {
      municipalities(first: ${first}) { edges { node {
        district { name region { name } }
        neighbours { lengthKm municipality { shortName district { name } } }
        cooperationsByTaskArea { taskArea { nameDe } cooperations { name members { name role } taskAreas { id } } }
      } } }
    }`;
    const small = await app.graphql(nested(5));
    const large = await app.graphql(nested(60));
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.extensions!.queryCount).toBeLessThanOrEqual(12);
    expect(large.extensions!.queryCount).toBe(small.extensions!.queryCount);
  });
});
