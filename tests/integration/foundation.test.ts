import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('the GraphQL path from the database', () => {
  it('reads stats from Neo4j', async () => {
    const session = app.driver.session();
    const before = await session.run('MATCH (m:Municipality) WHERE NOT m:CrossBorder RETURN count(m) AS n');
    await session.close();
    const response = await app.graphql<{ stats: { municipalities: number; taskAreas: number; cooperations: number } }>(
      'query Stats { stats { municipalities taskAreas cooperations } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.stats.municipalities).toBe(before.records[0]!.get('n'));
    expect(response.data!.stats.municipalities).toBe(396);
  });

  it('reports Neo4j as up on /health', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', neo4j: 'up' });
  });
});

describe('schema migrations', () => {
  it('recorded every migration and created the key constraints and the point index', async () => {
    const session = app.driver.session();
    try {
      const migrations = await session.run('MATCH (m:SchemaMigration) RETURN m.id AS id, m.appliedAt AS at ORDER BY id');
      expect(migrations.records.map((r) => r.get('id'))).toEqual(expect.arrayContaining(['001-core-constraints', '002-search-and-geo-indexes']));
      expect(migrations.records.every((r) => r.get('at') !== null)).toBe(true);
      const constraints = await session.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
      expect(constraints.records[0]!.get('names')).toEqual(expect.arrayContaining(['municipality_ags', 'task_area_id', 'cooperation_id']));
      const indexes = await session.run("SHOW INDEXES YIELD name, type WHERE type = 'POINT' RETURN collect(name) AS names");
      expect(indexes.records[0]!.get('names')).toContain('municipality_centroid');
    } finally {
      await session.close();
    }
  });
});

describe('protection at the API edge', () => {
  it('rejects a query deeper than the limit', async () => {
    const deep = `query Deep { ${'__schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }'} }`;
    const response = await app.graphql(deep);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('counts depth in fields: fragments neither hide a deep query nor make a shallow one too deep', async () => {
    // Eleven levels of fields, hidden in one fragment per level: still rejected.
    const levels = ['types', 'fields', 'type', 'ofType', 'ofType', 'ofType', 'ofType', 'ofType', 'ofType', 'ofType'];
    const fragments = levels.map(
      (field, i) =>
        `fragment F${i} on ${i === 0 ? '__Schema' : i === 1 ? '__Type' : i === 2 ? '__Field' : '__Type'} { ${field} { ${i + 1 < levels.length ? `...F${i + 1}` : 'name'} } }`,
    );
    const deep = await app.graphql(`query Deep { __schema { ...F0 } } ${fragments.join(' ')}`);
    expect(deep.data).toBeUndefined();
    expect(deep.errors?.[0]?.message).toMatch(/depth/i);
    // Two levels of fields behind ten nested fragment spreads (more levels than the limit if spreads counted): accepted.
    const spreads = Array.from({ length: 10 }, (_, i) => `fragment S${i} on Stats { ${i < 9 ? `...S${i + 1}` : 'municipalities'} }`);
    const shallow = await app.graphql(`query Shallow { stats { ...S0 } } ${spreads.join(' ')}`);
    expect(shallow.errors).toBeUndefined();
  });

  it('rejects too many aliases', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: stats { municipalities }`).join(' ');
    const response = await app.graphql(`query Aliases { ${aliases} }`);
    expect(response.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('blocks a GET request that could be a cross-site request (CSRF prevention)', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ stats { municipalities } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('hides field suggestions and introspection in production', async () => {
    const production = await startTestApp({ production: true });
    try {
      const typo = await production.graphql('query Typo { stats { municipalitie } }');
      expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const introspection = await production.graphql('query Intro { __schema { queryType { name } } }');
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await production.close();
    }
  });
});
