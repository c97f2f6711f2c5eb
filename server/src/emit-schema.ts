import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { REPO_ROOT } from './config';
import { buildAppSchema } from './schema';

/** Writes schema/schema.graphql from the resolvers; with --check, fails when the committed file differs. */
const target = path.join(REPO_ROOT, 'schema', 'schema.graphql');
const header = '# Generated from the server resolvers by `pnpm schema:emit`. Do not edit by hand.\n\n';
const text = header + printSchema(lexicographicSortSchema(await buildAppSchema())) + '\n';

if (process.argv.includes('--check')) {
  const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (committed !== text) {
    console.error('schema/schema.graphql is out of date: run `pnpm schema:emit` and commit the result');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date');
} else {
  fs.writeFileSync(target, text);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
