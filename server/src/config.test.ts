import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the embedded Neo4j when NEO4J_URI is not set', () => {
    const config = loadConfig({});
    expect(config.embedded).toBe(true);
    expect(config.PORT).toBe(4000);
    expect(config.NEO4J_BOLT_PORT).toBe(7687);
    expect(config.production).toBe(true);
  });

  it('uses an external Neo4j when NEO4J_URI is set', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://example.databases.neo4j.io', NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'secret' });
    expect(config.embedded).toBe(false);
    expect(config.NEO4J_USER).toBe('neo4j');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NEO4J_EPHEMERAL: 'maybe' }, 'NEO4J_EPHEMERAL'],
  ])('rejects %o naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrowError(new RegExp(`^invalid environment value ${name}=`));
  });
});
