import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBulkMailer } from './adapters/mail/bulk-mailer.js';
import { DiskBlobStore } from './adapters/blobs/disk-blob-store.js';
import { createPageReader, readMainText } from './adapters/archive/page-reader.js';
import { createSafeFetcher, type SafeFetcherOptions } from './adapters/fetch/safe-fetcher.js';
import { argon2Hasher } from './adapters/passwords/argon2-hasher.js';
import { sharpImageProcessor } from './adapters/images/sharp-image-processor.js';
import { createLogMailer } from './adapters/mail/log-mailer.js';
import { createSmtpMailer } from './adapters/mail/smtp-mailer.js';
import type { Config } from './config/config.js';
import { ContentEventHub } from './domain/content-events.js';
import { systemClock, type DomainContext } from './domain/context.js';
import type {
  BlobStore,
  BulkMailer,
  Clock,
  Mailer,
  PasswordHasher,
  SourceArchivePorts,
} from './domain/ports.js';
import type { ImportJobPorts } from './domain/import/import-job-ports.js';
import { importWorkspace } from './adapters/import-jobs/import-workspace.js';
import { zipUploads } from './adapters/import-jobs/zip-uploads.js';
import { renderDocument } from './rendering/document-html.js';
import type { Theme } from './rendering/theme.js';
import { defaultTheme } from '../themes/default/index.js';
import { blocksFromGhost } from './adapters/import/ghost-content.js';
import { readGhostExportFile, readGhostRedirectsFile } from './adapters/import/ghost-files.js';
import { ghostImages } from './adapters/import/ghost-images.js';
import { splitCredit } from './adapters/import/image-credit.js';
import { uploadsFolder } from './adapters/import/uploads-folder.js';
import { createMediaFetch } from './adapters/import/fetched-media.js';
import type { OutboundFetcher } from './domain/fetch-ports.js';
import { maxImageBytes } from './domain/media/import-image.js';
import { blocksFromWordPress } from './adapters/import/wordpress-content.js';
import { readWxrFile } from './adapters/import/wxr-reader.js';
import type { GhostImportPorts, WordPressImportPorts } from './domain/import/import-ports.js';
import { probeBlobStore, ReadinessProblem, type ReadinessCheck } from './domain/health/readiness.js';
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
  /** Sources' archive: the safe fetcher, the page reader and the snapshots' own blob store (never served as files). */
  sourceArchive: SourceArchivePorts;
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
  /** The outbound fetcher's resolver and address rule; tests alone pass a stub resolver and loopback. */
  fetcher?: Pick<SafeFetcherOptions, 'resolve' | 'isAllowedAddress' | 'allowedPorts' | 'timeoutMs'>;
}

/**
 * What archiving sources uses: pages up to 5 MB, their images up to 512 KB each, both through the
 * safe fetcher; snapshot bodies in `<dataDir>/archive`, which no route serves as files.
 */
function createSourceArchive(config: Config, options: OpenSiteOptions): SourceArchivePorts {
  const userAgent = `Broadsheet source archiver (+${config.siteUrl})`;
  const fetcher = createSafeFetcher({
    maxBytes: 5 * 1024 * 1024,
    timeoutMs: 20_000,
    userAgent,
    ...options.fetcher,
  });
  const images = createSafeFetcher({
    maxBytes: 512 * 1024,
    timeoutMs: 10_000,
    userAgent,
    ...options.fetcher,
  });
  return {
    fetcher,
    snapshots: new DiskBlobStore(join(config.dataDir, 'archive')),
    readPage: createPageReader({ images }),
    readMainText,
  };
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

/**
 * What a WordPress import reads with: the streaming export reader, the content converter, an uploads
 * folder, and (`fetchMedia`) images fetched by URL through the safe outbound fetcher: `true` for
 * the production policy, or a fetcher of its own (tests: a stub resolver letting a loopback server through).
 */
export function createWordPressImportPorts(
  options: { uploadsDir?: string; fetchMedia?: true | OutboundFetcher } = {},
): WordPressImportPorts {
  const fetcher =
    options.fetchMedia === true ? createSafeFetcher({ maxBytes: maxImageBytes }) : options.fetchMedia;
  return {
    readExport: (path) => readWxrFile(path),
    contentToBlocks: blocksFromWordPress,
    splitCredit,
    ...(options.uploadsDir ? { readUpload: uploadsFolder(options.uploadsDir) } : {}),
    ...(fetcher ? { fetchMedia: createMediaFetch({ fetcher }) } : {}),
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

/**
 * What the import job reads with: the stored uploads copied into `<dataDir>/tmp/imports/<job>` (the
 * store keeps the originals, so a restart copies them again), and each importer's ports with the
 * uploaded ZIP as WordPress's uploads folder or Ghost's images.
 */
export function createImportJobPorts(config: Config, files: BlobStore): ImportJobPorts {
  return {
    openFiles: importWorkspace(files, join(config.dataDir, 'tmp', 'imports')),
    wordPress: (archivePath) => {
      const uploads = archivePath ? zipUploads(archivePath) : undefined;
      return {
        ...createWordPressImportPorts(),
        ...(uploads ? { readUpload: (path: string) => uploads.read(path) } : {}),
        close: async () => uploads?.close(),
      };
    },
    ghost: (archivePath) => createGhostImportPorts(archivePath ? { imagesPath: archivePath } : {}),
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
    privateFiles: new DiskBlobStore(join(config.dataDir, 'private')),
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
    sourceArchive: createSourceArchive(config, options),
    readinessChecks: readinessChecksFor(storage, schema, blobs),
    close,
  };
}
