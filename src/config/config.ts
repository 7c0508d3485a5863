import { readFileSync } from 'node:fs';
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
  /** `smtp://user:pass@host:587` or `smtps://…`; unset: emails are written to the log. */
  smtpUrl: string | undefined;
  /** The From of every email, `newsroom@news.example` or `Fjord Post <newsroom@news.example>`. */
  mailFrom: string | undefined;
  /** DKIM signing of newsletters: all three set, or none. */
  dkim: { domain: string; selector: string; privateKeyFile: string } | undefined;
  /** SMTP connections the newsletter sender keeps busy at once. */
  newsletterConnections: number;
  /** Seconds after which a recipient claimed by a process that stopped renewing it is sent again. */
  newsletterLeaseSeconds: number;
  /** Check every Admin API answer against its declared schema (the test suite turns this on). */
  checkAnswers: boolean;
  /** Seconds a shutdown waits for requests in flight before it closes their connections. */
  drainSeconds: number;
  /** The bearer token `/metrics` asks for; unset: there is no `/metrics`. */
  metricsToken: string | undefined;
}

function isAddressOrRange(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^[0-9]{1,3}$/.test(bits) && n <= (version === 4 ? 32 : 128);
}

const mailbox = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+\.[^\s@<>()[\],;:"\\]+$/;

/** A plain address, or a display name and an address in angle brackets; never two, never a line break. */
export function isMailFrom(value: string): boolean {
  if (/[\r\n]/.test(value)) return false;
  const named = /^([^<>"\r\n,;]*)<([^<>]*)>$/.exec(value.trim());
  return mailbox.test(named ? named[2]! : value.trim());
}

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
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
  // The messages never repeat the value: an SMTP URL carries a password.
  SMTP_URL: z
    .string()
    .refine(isSmtpUrl, 'must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example:587')
    .optional(),
  MAIL_FROM: z
    .string()
    .refine(isMailFrom, 'must be one address such as newsroom@news.example or Name <newsroom@news.example>')
    .optional(),
  DKIM_DOMAIN: z
    .string()
    .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, 'must be a domain name such as news.example')
    .optional(),
  DKIM_SELECTOR: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, 'must be a DKIM selector such as broadsheet')
    .optional(),
  DKIM_PRIVATE_KEY_FILE: z
    .string()
    .refine(isReadablePrivateKey, 'must be a readable PEM private key file')
    .optional(),
  NEWSLETTER_SMTP_CONNECTIONS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1–50')
    .max(50, 'must be 1–50')
    .default(8),
  BROADSHEET_CHECK_ANSWERS: z.enum(['0', '1'], { message: 'must be 0 or 1' }).default('0'),
  NEWSLETTER_LEASE_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1–3600')
    .max(3600, 'must be 1–3600')
    .default(60),
  BROADSHEET_DRAIN_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0–600')
    .max(600, 'must be 0–600')
    .default(10),
  // The message never repeats the value: it is a secret.
  METRICS_TOKEN: z
    .string()
    .regex(
      /^[\x21-\x7e]{24,256}$/,
      'must be 24–256 visible ASCII characters, such as the output of openssl rand -hex 32',
    )
    .optional(),
});

function isReadablePrivateKey(file: string): boolean {
  try {
    return /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

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
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (blankToUndefined.SMTP_URL && !blankToUndefined.MAIL_FROM)
    problems.push('MAIL_FROM: must be set when SMTP_URL is set (the address emails come from)');
  const dkimKeys = ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY_FILE'] as const;
  const dkimSet = dkimKeys.filter((k) => blankToUndefined[k]);
  if (dkimSet.length > 0 && dkimSet.length < dkimKeys.length)
    problems.push(
      `${dkimKeys.filter((k) => !blankToUndefined[k]).join(', ')}: must be set with ${dkimSet.join(', ')} (DKIM needs all three)`,
    );
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
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
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM?.trim(),
    dkim:
      e.DKIM_DOMAIN && e.DKIM_SELECTOR && e.DKIM_PRIVATE_KEY_FILE
        ? {
            domain: e.DKIM_DOMAIN,
            selector: e.DKIM_SELECTOR,
            privateKeyFile: resolve(e.DKIM_PRIVATE_KEY_FILE),
          }
        : undefined,
    newsletterConnections: e.NEWSLETTER_SMTP_CONNECTIONS,
    newsletterLeaseSeconds: e.NEWSLETTER_LEASE_SECONDS,
    checkAnswers: e.BROADSHEET_CHECK_ANSWERS === '1',
    drainSeconds: e.BROADSHEET_DRAIN_SECONDS,
    metricsToken: e.METRICS_TOKEN,
  };
}
