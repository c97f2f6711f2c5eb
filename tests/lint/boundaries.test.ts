import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';

/** The import boundaries of ENGINEERING.md, as `pnpm lint` enforces them (rule ka/boundaries in eslint.config.mjs). */
const eslint = new ESLint({ cwd: REPO_ROOT });

async function boundaryMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'ka/boundaries').map((m) => m.message);
}

describe('import boundaries', () => {
  it('no client feature imports another feature', async () => {
    const messages = await boundaryMessages(
      'client/src/features/profile/components/Probe.tsx',
      "import { a } from '../../network/api/network';\nimport { b } from '../api/profile';\nimport { c } from '../../../shared/format';\nexport const x = [a, b, c];\n",
    );
    expect(messages).toEqual([expect.stringMatching(/^profile imports the feature network/)]);
  });

  it('shared never imports features (or app)', async () => {
    const messages = await boundaryMessages(
      'client/src/shared/map/Probe.tsx',
      "import { a } from '../../features/network/api/network';\nimport { b } from '../../app/router';\nimport { c } from '../format';\nexport const x = [a, b, c];\n",
    );
    expect(messages).toEqual([expect.stringMatching(/^shared\/ imports the feature network/), expect.stringMatching(/^shared imports app\//)]);
  });

  it('on the server only repositories, *.queries.ts and db/ reach the database; types may go anywhere', async () => {
    const code = [
      "import neo4j from 'neo4j-driver';",
      "import { Database } from '../../db/database';",
      "import type { QueryCounter } from '../../db/database';",
      "import { migrate, StartupError } from '@ka/db';",
      "import { StartupError as Failure } from '@ka/db';",
      'export const x = [neo4j, Database, migrate, StartupError, Failure];',
      'export type Y = QueryCounter;',
      '',
    ].join('\n');
    expect(await boundaryMessages('server/src/modules/stats/stats.service.ts', code)).toEqual([
      expect.stringMatching(/^neo4j-driver is database access/),
      expect.stringMatching(/^\.\.\/\.\.\/db\/database is database access/),
      expect.stringMatching(/^@ka\/db is database access/),
    ]);
    expect(await boundaryMessages('server/src/modules/stats/stats.repository.ts', code)).toEqual([]);
    expect(await boundaryMessages('server/src/modules/stats/stats.queries.ts', code)).toEqual([]);
    expect(await boundaryMessages('server/src/db/probe.ts', code)).toEqual([]);
  });
});
