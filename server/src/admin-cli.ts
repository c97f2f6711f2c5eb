import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { openCliDatabase, StartupError } from '@ka/db';
import { REPO_ROOT } from './config';
import { Database } from './db/database';
import { AccountRepository } from './modules/accounts/account.repository';
import { AccountService } from './modules/accounts/account.service';
import { DEFAULT_AUTH_OPTIONS } from './modules/accounts/auth.options';
import { NO_HTTP } from './modules/accounts/auth.request';
import { AppError } from './shared/errors';

const USAGE = `Usage: pnpm admin:create --email ADDRESS --name "DISPLAY NAME"
Creates an ACTIVE administrator account. The password (at least 12 characters) is read from standard input
(first line) or, on a terminal, asked for twice without echo.
Neo4j: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD; without NEO4J_URI the running app's database on
127.0.0.1:\${NEO4J_BOLT_PORT:-7687} is used, or the embedded one is started on .data/neo4j (like pnpm seed).`;

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          stdin.setRawMode(false);
          reject(new StartupError('cancelled'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await askHidden('Passwort / password: ');
    const second = await askHidden('Noch einmal / again: ');
    if (first !== second) throw new StartupError('the two passwords differ');
    return first;
  }
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.email || !values.name) throw new StartupError(`--email and --name are required\n${USAGE}`);
  const password = await readPassword();

  const { driver, database, close } = await openCliDatabase(REPO_ROOT);
  try {
    const accounts = new AccountService(new AccountRepository(new Database(driver, database)), DEFAULT_AUTH_OPTIONS);
    const account = await accounts.createAdmin(values.email, values.name, password, NO_HTTP);
    console.log(`administrator ${account.email} created (id ${account.id}); sign in with this e-mail and password`);
    return 0;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // AppError messages are "Deutsch / English"; the English half reads best on a console.
    const message = error instanceof AppError ? String(error.extensions.messageEn) : error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`admin:create failed: ${message}`);
    if (!(error instanceof StartupError) && !(error instanceof AppError) && process.env.DEBUG) console.error(error);
    process.exit(1);
  },
);
