import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  siteUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  pageCacheEntries: number;
  /** HTTP worker processes; 1 serves from this process. */
  workers: number;
  /** Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed. */
  trustedProxies: string[];
}

function isAddressOrRange(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^[0-9]{1,3}$/.test(bits) && n <= (version === 4 ? 32 : 128);
}

const envSchema = z.object({
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0–65535')
    .max(65535, 'must be 0–65535')
    .default(2368),
  BROADSHEET_DATA_DIR: z.string().min(1, 'must not be empty').default('./content'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// URL (leave it unset for SQLite)')
    .optional(),
  BROADSHEET_URL: z
    .string()
    .refine(
      (u) => /^https?:\/\/[^/\s]+/.test(u) && URL.canParse(u),
      'must be an absolute http(s) URL such as https://news.example',
    )
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  BROADSHEET_PAGE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(2000),
  BROADSHEET_WORKERS: z
    .string()
    .regex(/^(auto|[1-9][0-9]?)$/, 'must be auto or a number of processes from 1 to 99')
    .default('1'),
  BROADSHEET_TRUSTED_PROXIES: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every(isAddressOrRange),
      'must be a comma-separated list of IP addresses or CIDR ranges, such as 127.0.0.1,10.0.0.0/8',
    )
    .default([]),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the deployment config from the environment; throws a ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === '' ? undefined : value]),
  );
  const parsed = envSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const publicHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: resolve(e.BROADSHEET_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    siteUrl: (e.BROADSHEET_URL ?? `http://${publicHost}:${e.PORT}`).replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    pageCacheEntries: e.BROADSHEET_PAGE_CACHE_ENTRIES,
    workers: e.BROADSHEET_WORKERS === 'auto' ? availableParallelism() : Number(e.BROADSHEET_WORKERS),
    trustedProxies: e.BROADSHEET_TRUSTED_PROXIES,
  };
}
