import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArgon2Hasher } from '../../src/adapters/passwords/argon2-hasher.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import type { Clock } from '../../src/domain/ports.js';
import { migrateDatabase, openSite, type OpenSiteOptions, type Site } from '../../src/main.js';
import { createSchema, dropSchema } from '../../src/storage/dialects/postgres.js';

export const postgresUrl = process.env.BROADSHEET_TEST_POSTGRES_URL;

export interface DialectUnderTest {
  name: 'sqlite' | 'postgres';
  /** Why this dialect's tests are skipped, printed by the runner; undefined when they run. */
  skip: string | undefined;
}

const allDialects: DialectUnderTest[] = [
  { name: 'sqlite', skip: undefined },
  {
    name: 'postgres',
    // In CI the PostgreSQL run is required: without a URL its tests fail instead of skipping.
    skip:
      postgresUrl || process.env.CI
        ? undefined
        : 'PostgreSQL tests skipped: set BROADSHEET_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them',
  },
];

/**
 * The databases a test file runs its tests on: both, or the one BROADSHEET_TEST_DIALECT names (the
 * runner runs a slow file once per database, as two processes side by side; see scripts/test.mjs).
 */
export const dialects = dialectsNamed(process.env.BROADSHEET_TEST_DIALECT);

function dialectsNamed(name: string | undefined): DialectUnderTest[] {
  if (!name) return allDialects;
  const named = allDialects.filter((dialect) => dialect.name === name);
  if (named.length === 0) throw new Error(`BROADSHEET_TEST_DIALECT is sqlite or postgres, not ${name}`);
  return named;
}

export interface TestSite extends Site {
  dataDir: string;
  /** Another process's view of the same database (its own connections, caches and queues). */
  openTwin(): Promise<Site>;
  /** Emails the log mailer wrote (a site without `smtpPort` sends nothing and logs here instead). */
  mailLog: string[];
  destroy(): Promise<void>;
}

export interface TestSiteOptions {
  /** Send email through the SMTP server on 127.0.0.1 at this port (see helpers/smtp.ts). */
  smtpPort?: number;
  /** The site's clock (default: the system's). */
  clock?: Clock;
  /** The outbound fetcher's stub resolver and address rule (loopback servers stand for the web). */
  fetcher?: OpenSiteOptions['fetcher'];
}

export const testMailFrom = 'Fjord Post <newsroom@news.example>';

let counter = 0;

/**
 * argon2id at a cost of 1 MiB and 1 pass: a test site makes and checks hundreds of hashes, each a
 * millisecond at this cost instead of tens. test/unit/passwords.test.ts holds the site's own cost.
 */
export const testPasswordHasher = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });

const sqliteFileIn = (dataDir: string) => join(dataDir, 'data', 'broadsheet.db');
let sqliteTemplate: Promise<string> | undefined;

/**
 * A SQLite database that has run every migration, made once per process: each SQLite test site
 * starts as a copy of it (a copy takes a millisecond, the migrations most of a second on a busy machine).
 */
function migratedSqliteTemplate(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'broadsheet-template-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    await migrateDatabase(loadConfig({ BROADSHEET_DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    return sqliteFileIn(dir);
  })();
  return sqliteTemplate;
}

/** Puts a copy of the migrated template where a SQLite site's config will open its database. */
async function startFromSqliteTemplate(config: Config): Promise<void> {
  const template = await migratedSqliteTemplate();
  const file = sqliteFileIn(config.dataDir);
  mkdirSync(join(config.dataDir, 'data'), { recursive: true });
  copyFileSync(template, file);
  if (existsSync(`${template}-wal`)) copyFileSync(`${template}-wal`, `${file}-wal`);
}

/** A real site on a real database: a fresh SQLite file, or a fresh schema in the test PostgreSQL. */
export async function createTestSite(
  dialect: DialectUnderTest['name'],
  env: Record<string, string> = {},
  options: TestSiteOptions = {},
): Promise<TestSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-test-'));
  if (dialect === 'postgres' && !postgresUrl)
    throw new Error('CI must run the PostgreSQL tests: set BROADSHEET_TEST_POSTGRES_URL');
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  if (dialect === 'postgres') await createSchema(postgresUrl!, schema);
  const config = loadConfig({
    BROADSHEET_DATA_DIR: dataDir,
    PORT: '2368',
    LOG_LEVEL: 'silent',
    BROADSHEET_CHECK_ANSWERS: '1',
    ...(dialect === 'postgres' ? { DATABASE_URL: postgresUrl! } : {}),
    ...(options.smtpPort
      ? { SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`, MAIL_FROM: testMailFrom }
      : {}),
    ...env,
  });
  if (!config.databaseUrl) await startFromSqliteTemplate(config);
  const mailLog: string[] = [];
  const site = await openSite(config, {
    logMail: (text) => mailLog.push(text),
    passwords: testPasswordHasher,
    ...(dialect === 'postgres' ? { postgresSchema: schema } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.fetcher ? { fetcher: options.fetcher } : {}),
  });
  return {
    ...site,
    dataDir,
    mailLog,
    openTwin: () =>
      openSite(config, {
        logMail: (text) => mailLog.push(text),
        passwords: testPasswordHasher,
        ...(dialect === 'postgres' ? { postgresSchema: schema } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.fetcher ? { fetcher: options.fetcher } : {}),
      }),
    async destroy() {
      await site.close();
      if (dialect === 'postgres') await dropSchema(postgresUrl!, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
