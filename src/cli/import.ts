import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { GhostReadError } from '../domain/import/ghost-export.js';
import { importGhostExport } from '../domain/import/import-ghost.js';
import { importWordPressExport } from '../domain/import/import-wordpress.js';
import { reportLines, type ImportReport } from '../domain/import/import-report.js';
import { WxrReadError } from '../domain/import/wordpress-export.js';
import { drainMediaVariants, pendingVariantsCount } from '../domain/media/media-variants.js';
import { DomainError } from '../domain/shared/errors.js';
import { processClaimer } from '../jobs/newsletter-sending.js';
import { systemActor } from '../domain/staff/permissions.js';
import { createGhostImportPorts, createWordPressImportPorts, openSite, type Site } from '../main.js';

export interface ImportOptions {
  uploads?: string | undefined;
  images?: string | undefined;
  redirects?: string | undefined;
  'fetch-media'?: boolean | undefined;
  'dry-run'?: boolean | undefined;
}

const usage = `Usage:
  broadsheet import wordpress FILE.xml [FILE2.xml …] [--uploads DIR] [--fetch-media] [--dry-run]
  broadsheet import ghost FILE.json [--images DIR|ZIP] [--redirects redirects.yaml] [--dry-run]`;

type Importer = (site: Site, isDryRun: boolean) => Promise<ImportReport>;

/** `broadsheet import wordpress|ghost …`: an old site's export into this one, with a report. */
export async function runImport(config: Config, words: string[], options: ImportOptions): Promise<number> {
  const [kind, ...files] = words;
  const problem =
    kind === 'wordpress' && files.length > 0
      ? checkWordPress(files, options)
      : kind === 'ghost' && files.length === 1
        ? checkGhost(files[0]!, options)
        : '';
  if (problem !== undefined) {
    console.error(problem ? `${problem}\n\n${usage}` : usage);
    return 2;
  }
  const isDryRun = options['dry-run'] === true;
  const importer = kind === 'ghost' ? ghostImporter(files[0]!, options) : wordPressImporter(files, options);
  const site = await openSite(config);
  try {
    console.log(`${isDryRun ? 'Planning' : 'Importing'} ${files.map((f) => basename(f)).join(', ')}…`);
    const report = await importer(site, isDryRun);
    for (const line of reportLines(report)) console.log(line);
    console.log(`Report saved as ${await saveReport(config, report)}`);
    if (!isDryRun) await makeVariants(site);
    return 0;
  } catch (error) {
    if (!(error instanceof WxrReadError || error instanceof GhostReadError || error instanceof DomainError))
      throw error;
    console.error(`The import was refused; nothing was changed.\n${error.message}`);
    return 1;
  } finally {
    await site.close();
  }
}

function wordPressImporter(files: string[], options: ImportOptions): Importer {
  return async (site, isDryRun) => {
    const ports = createWordPressImportPorts({
      ...(options.uploads ? { uploadsDir: resolve(options.uploads) } : {}),
      ...(options['fetch-media'] ? { fetchMedia: true as const } : {}),
    });
    try {
      return await importWordPressExport(site.ctx, systemActor('broadsheet import'), {
        files: files.map((f) => resolve(f)),
        ports,
        isDryRun,
        onProgress: progress('posts and pages'),
        onFetchProgress: progress('images fetched'),
      });
    } finally {
      await ports.fetchMedia?.close();
    }
  };
}

/**
 * The imported images' responsive variants, made now that the import has committed (the job of a
 * running `broadsheet start` shares the work through its claims). Stopping here loses nothing:
 * the next start, or the next import, carries on; the pages show the originals meanwhile.
 */
async function makeVariants(site: Site): Promise<void> {
  const total = await pendingVariantsCount(site.ctx);
  if (total === 0) return;
  console.log(
    `Making the responsive variants of ${total} images (safe to stop: broadsheet start carries on)…`,
  );
  const show = progress('images');
  const done = await drainMediaVariants(site.ctx, {
    claimer: processClaimer(),
    onProgress: ({ made, failed }) => show({ done: made + failed, total }),
  });
  console.log(
    `Variants made for ${done.made} images${done.failed ? `, ${done.failed} failed (their originals stay shown)` : ''}.`,
  );
}

function ghostImporter(file: string, options: ImportOptions): Importer {
  return async (site, isDryRun) => {
    const ports = createGhostImportPorts(options.images ? { imagesPath: resolve(options.images) } : {});
    try {
      return await importGhostExport(site.ctx, systemActor('broadsheet import'), {
        file: resolve(file),
        ...(options.redirects ? { redirectsFile: resolve(options.redirects) } : {}),
        ports,
        isDryRun,
        onProgress: progress('posts and pages'),
      });
    } finally {
      await ports.images?.close();
    }
  };
}

/**
 * A progress bar redrawn in place on a terminal; elsewhere (a log, a pipe) a line at most every
 * second. The first pass, which reads and checks the files, is quiet.
 */
function progress(what: string) {
  const isTerminal = process.stdout.isTTY === true;
  let last = 0;
  return ({ done, total }: { done: number; total: number }) => {
    const isLast = done >= total;
    if (Date.now() - last < (isTerminal ? 100 : 1000) && !isLast) return;
    last = Date.now();
    if (!isTerminal) return console.log(`${done} of ${total} ${what}…`);
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    process.stdout.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${what}${isLast ? '\n' : ''}`,
    );
  };
}

function checkWordPress(files: string[], options: ImportOptions): string | undefined {
  if (options.images !== undefined || options.redirects !== undefined)
    return '--images and --redirects are for a Ghost import (WordPress: --uploads, --fetch-media)';
  const missing = files.find((f) => !isFile(f));
  if (missing) return `No such file: ${missing}`;
  if (options.uploads !== undefined && !isFolder(options.uploads))
    return `No such folder: ${options.uploads}`;
  return undefined;
}

function checkGhost(file: string, options: ImportOptions): string | undefined {
  if (options.uploads !== undefined || options['fetch-media'])
    return '--uploads and --fetch-media are for a WordPress import (Ghost: --images)';
  if (!isFile(file)) return `No such file: ${file}`;
  if (options.images !== undefined && !isFolder(options.images) && !isFile(options.images))
    return `No such folder or ZIP file: ${options.images}`;
  if (options.redirects !== undefined && !isFile(options.redirects))
    return `No such file: ${options.redirects}`;
  return undefined;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
const isFolder = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** The report as JSON beside the data folder: `import-<source>-<time>.json`. */
async function saveReport(config: Config, report: ImportReport): Promise<string> {
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const path = join(
    dirname(resolve(config.dataDir)),
    `import-${report.source}-${stamp}${report.isDryRun ? '-plan' : ''}.json`,
  );
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
