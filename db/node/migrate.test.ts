import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, parseMigration } from './migrate';

describe('parseMigration', () => {
  it('splits statements at line-ending semicolons and drops comment lines', () => {
    const statements = parseMigration('// why\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\nCREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.y);\n');
    expect(statements).toEqual(['CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)', 'CREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.y)']);
  });

  it('finds only idempotent statements in the committed migrations', () => {
    const files = fs.readdirSync(DEFAULT_MIGRATIONS_DIR).filter((f) => f.endsWith('.cypher'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      for (const statement of parseMigration(fs.readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, file), 'utf8'))) {
        expect(statement, `${file}: ${statement}`).toMatch(/IF NOT EXISTS|^MATCH|^MERGE|^CALL/);
      }
    }
  });
});
