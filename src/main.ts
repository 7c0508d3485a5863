import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBulkMailer } from './adapters/mail/bulk-mailer.js';
import { DiskBlobStore } from './adapters/blobs/disk-blob-store.js';
import { argon2Hasher } from './adapters/passwords/argon2-hasher.js';
import { sharpImageProcessor } from './adapters/images/sharp-image-processor.js';
import { createLogMailer } from './adapters/mail/log-mailer.js';
import { createSmtpMailer } from './adapters/mail/smtp-mailer.js';
import type { Config } from './config/config.js';
import { ContentEventHub } from './domain/content-events.js';
import { systemClock, type DomainContext } from './domain/context.js';
import type { BulkMailer, Clock, Mailer, PasswordHasher } from './domain/ports.js';
import { renderDocument } from './rendering/document-html.js';
import type { Theme } from './rendering/theme.js';
import { defaultTheme } from '../themes/default/index.js';
import { blocksFromGhost } from './adapters/import/ghost-content.js';
import { readGhostExportFile, readGhostRedirectsFile } from './adapters/import/ghost-files.js';
import { ghostImages } from './adapters/import/ghost-images.js';
import { splitCredit } from './adapters/import/image-credit.js';
import { uploadsFolder } from './adapters/import/uploads-folder.js';
import { blocksFromWordPress } from './adapters/import/wordpress-content.js';
import { readWxrFile } from './adapters/import/wxr-reader.js';
import type { GhostImportPorts, WordPressImportPorts } from './domain/import/import-ports.js';
import { probeBlobStore, ReadinessProblem, type ReadinessCheck } from './domain/health/readiness.js';
import type { BlobStore } from './domain/ports.js';
import {
  currentSchema,
  migrateToLatest,
  migrationStatus,
  openStorage,
  pingDatabase,
  type Storage,
} from './storage/storage.js';
import { createRepositories } from './storage/repositories/index.js';

export interface Site {
  config: Config;
  storage: Storage;
  ctx: DomainContext;
  events: ContentEventHub;
  blobs: DiskBlobStore;
  /** Public media files: the folder they are served from and their URL paths (what HTTP needs of the blob store). */
  media: { root: string; publicPath(key: string): string };
  /** The newsletter sender's SMTP pool for this config (undefined without SMTP_URL). */
  createNewsletterMailer(): BulkMailer | undefined;
  /** The theme the public site renders with. */
  theme: Theme;
  /** What `/readyz` checks: the database answers, its schema is this code's, the blob store works. */
  readinessChecks: ReadinessCheck[];
  close(): Promise<void>;
}

export interface OpenSiteOptions {
  clock?: Clock;
  postgresSchema?: string;
  /** Where the log mailer writes emails when no SMTP_URL is set (default: standard error). */
  logMail?: (text: string) => void;
  /** How passwords are hashed and checked (default: argon2id at the OWASP minimum). */
  passwords?: PasswordHasher;
}

function createMailer(config: Config, logMail?: (text: string) => void): Mailer {
  return config.smtpUrl && config.mailFrom
    ? createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom })
    : createLogMailer(logMail);
}

/** The newsletter sender's SMTP pool (DKIM-signed when configured); undefined without SMTP_URL. */
export function createNewsletterMailer(config: Config): BulkMailer | undefined {
  if (!config.smtpUrl) return undefined;
  return createBulkMailer({
    url: config.smtpUrl,
    connections: config.newsletterConnections,
    dkim: config.dkim
      ? {
          domainName: config.dkim.domain,
          keySelector: config.dkim.selector,
          privateKey: readFileSync(config.dkim.privateKeyFile, 'utf8'),
        }
      : undefined,
  });
}

/** What a WordPress import reads with: the streaming export reader, the content converter, an uploads folder. */
export function createWordPressImportPorts(options: { uploadsDir?: string } = {}): WordPressImportPorts {
  return {
    readExport: (path) => readWxrFile(path),
    contentToBlocks: blocksFromWordPress,
    splitCredit,
    ...(options.uploadsDir ? { readUpload: uploadsFolder(options.uploadsDir) } : {}),
  };
}

/**
 * What a Ghost import reads with: the safe JSON reader, the lexical/mobiledoc/html converter, the
 * redirects file reader, and the site's images from a folder or a ZIP.
 */
export function createGhostImportPorts(options: { imagesPath?: string } = {}): GhostImportPorts {
  return {
    readExport: readGhostExportFile,
    contentToBlocks: blocksFromGhost,
    readRedirects: readGhostRedirectsFile,
    ...(options.imagesPath ? { images: ghostImages(options.imagesPath) } : {}),
  };
}

/** `broadsheet migrate`: brings the schema up to date without starting anything; returns what it applied. */
export async function migrateDatabase(config: Config): Promise<string[]> {
  const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const schema = storage.capabilities.name === 'postgres' ? await currentSchema(storage.db) : undefined;
    return await migrateToLatest(storage.db, schema);
  } finally {
    await storage.close();
  }
}

function describeMigrations(status: { pending: string[]; unknown: string[] }): string | undefined {
  if (status.pending.length > 0)
    return `${status.pending.length} migration(s) not applied: ${status.pending.join(', ')}`;
  if (status.unknown.length > 0)
    return `the database ran ${status.unknown.length} migration(s) this version does not know (a newer version?)`;
  return undefined;
}

/** The readiness checks of one opened site (the storage it opened, its schema, its blob store). */
export function readinessChecksFor(
  storage: Storage,
  schema: string | undefined,
  blobs: BlobStore,
): ReadinessCheck[] {
  return [
    {
      name: 'database',
      run: () =>
        pingDatabase(storage.db).catch((error: unknown) => {
          throw new ReadinessProblem('the database did not answer', { cause: error });
        }),
    },
    {
      name: 'migrations',
      run: async () => {
        const problem = describeMigrations(await migrationStatus(storage.db, schema));
        if (problem) throw new ReadinessProblem(problem);
      },
    },
    {
      name: 'storage',
      run: () => probeBlobStore(blobs, `health/probe-${process.pid}-${randomUUID()}.txt`),
    },
  ];
}

/** Composition root: opens storage, brings the schema up to date and wires the domain's ports. */
export async function openSite(config: Config, options: OpenSiteOptions = {}): Promise<Site> {
  const storage = await openStorage({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    ...(options.postgresSchema ? { postgresSchema: options.postgresSchema } : {}),
  });
  const isPostgres = storage.capabilities.name === 'postgres';
  const schema = options.postgresSchema ?? (isPostgres ? await currentSchema(storage.db) : undefined);
  await migrateToLatest(storage.db, schema);
  const blobs = new DiskBlobStore(join(config.dataDir, 'media'));
  const events = new ContentEventHub();
  const publicPath = (key: string) => blobs.publicPath(key);
  const ctx: DomainContext = {
    repos: createRepositories(storage.db, false, storage.capabilities),
    clock: options.clock ?? systemClock,
    events,
    images: sharpImageProcessor,
    blobs,
    renderBody: (doc, pictures) => renderDocument(doc, { pictures, publicPath }),
    passwords: options.passwords ?? argon2Hasher,
    mail: createMailer(config, options.logMail),
    siteUrl: config.siteUrl,
  };
  const notifier =
    storage.capabilities.hasNotify && config.databaseUrl
      ? await (
          await import('./adapters/notify/postgres-content-notifier.js')
        ).startPostgresContentNotifier({
          url: config.databaseUrl,
          schema,
          hub: events,
          onError: (error) => console.error('content notifications:', error),
        })
      : undefined;
  const close = async () => {
    await notifier?.close();
    await storage.close();
  };
  const media = { root: blobs.root, publicPath };
  return {
    config,
    storage,
    ctx,
    events,
    blobs,
    media,
    createNewsletterMailer: () => createNewsletterMailer(config),
    theme: defaultTheme,
    readinessChecks: readinessChecksFor(storage, schema, blobs),
    close,
  };
}
