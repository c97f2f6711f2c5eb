import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';

export const DEFAULT_MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'migrations');

export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

/** Splits a migration file into statements: `;` at a line end separates them, `//` lines are comments. */
export function parseMigration(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Applies schema/migrations/NNN-*.cypher in order, each at most once, and records each in the database as
 * (:SchemaMigration {id, checksum, appliedAt}). Statements are idempotent themselves, so a crash between a
 * statement and its record only repeats harmless work.
 */
export async function migrate(driver: Driver, database: string, dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = fs
    .readdirSync(dir)
    .filter((file) => /^\d{3}-[\w-]+\.cypher$/.test(file))
    .sort();
  const session = driver.session({ database });
  try {
    await session.run('CREATE CONSTRAINT schema_migration_id IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.id IS UNIQUE');
    const done = await session.run('MATCH (m:SchemaMigration) RETURN m.id AS id');
    const appliedBefore = new Set(done.records.map((record) => record.get('id') as string));
    const result: MigrationResult = { applied: [], skipped: [] };
    for (const file of files) {
      const id = file.replace(/\.cypher$/, '');
      if (appliedBefore.has(id)) {
        result.skipped.push(id);
        continue;
      }
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      // Schema changes cannot share a transaction with writes: run each statement on its own.
      for (const statement of parseMigration(text)) await session.run(statement);
      await session.run('MERGE (m:SchemaMigration {id: $id}) SET m.checksum = $checksum, m.appliedAt = datetime()', {
        id,
        checksum: createHash('sha256').update(text).digest('hex').slice(0, 16),
      });
      result.applied.push(id);
    }
    await session.run('CALL db.awaitIndexes(300)');
    return result;
  } finally {
    await session.close();
  }
}
