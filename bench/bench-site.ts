import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { openSite } from '../src/main.js';
import { createSchema, dropSchema } from '../src/storage/dialects/postgres.js';

/** The PostgreSQL a bench measures, when one is set. */
export const postgresUrl = process.env.DATABASE_URL ?? process.env.BROADSHEET_TEST_POSTGRES_URL;

/**
 * `BENCH_KEEP=DIR`: archives are built once into DIR (a data folder per database and size, and on
 * PostgreSQL a schema `bench_keep_<name>`) and reused by the next run, so a bench at 100,000 posts
 * can be run again in minutes. Without it every run builds its archive afresh and drops it.
 */
const keepDir = process.env.BENCH_KEEP ? resolve(process.env.BENCH_KEEP) : undefined;
const builtMarker = 'bench-built.json';

/** A site of its own for one bench run: a data folder, and on PostgreSQL a schema of its own. */
export async function openBenchSite(database: string, name: string, keepAs?: string) {
  const isKept = keepDir !== undefined && keepAs !== undefined;
  const dataDir = isKept
    ? join(keepDir, `${database}-${keepAs}`)
    : mkdtempSync(join(tmpdir(), `broadsheet-bench-${name}-`));
  if (isKept) mkdirSync(dataDir, { recursive: true });
  const schema = isKept ? `bench_keep_${keepAs}` : `bench_${name}_${process.pid}_${Date.now().toString(36)}`;
  if (database === 'postgres') await createSchema(postgresUrl!, schema);
  const config = loadConfig({
    BROADSHEET_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(database === 'postgres' ? { DATABASE_URL: postgresUrl! } : {}),
  });
  const site = await openSite(config, database === 'postgres' ? { postgresSchema: schema } : {});
  const marker = join(dataDir, builtMarker);
  const destroy = async () => {
    await site.close();
    if (isKept) return;
    if (database === 'postgres') await dropSchema(postgresUrl!, schema);
    rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    site,
    dataDir,
    schema,
    isKept,
    destroy,
    /** What the kept archive's build recorded (undefined when it must be built). */
    kept: <T>(): T | undefined =>
      isKept && existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as T) : undefined,
    /** Records a finished build, so the next run reuses it. */
    keep: (facts: unknown) => {
      if (isKept) writeFileSync(marker, JSON.stringify(facts));
    },
  };
}
