import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { importWordPressExport } from '../domain/import/import-wordpress.js';
import { reportLines, type ImportReport } from '../domain/import/import-report.js';
import { WxrReadError } from '../domain/import/wordpress-export.js';
import { DomainError } from '../domain/shared/errors.js';
import { systemActor } from '../domain/staff/permissions.js';
import { createWordPressImportPorts, openSite } from '../main.js';

export interface ImportOptions {
  uploads?: string | undefined;
  'dry-run'?: boolean | undefined;
}

const usage = `Usage:
  broadsheet import wordpress FILE.xml [FILE2.xml …] [--uploads DIR] [--dry-run]`;

/** `broadsheet import wordpress …`: one or more WordPress exports into the site, with a report. */
export async function runImport(config: Config, words: string[], options: ImportOptions): Promise<number> {
  const [kind, ...files] = words;
  if (kind !== 'wordpress' || files.length === 0) {
    console.error(usage);
    return 2;
  }
  const problem = checkInputs(files, options.uploads);
  if (problem) {
    console.error(`${problem}\n\n${usage}`);
    return 2;
  }
  const isDryRun = options['dry-run'] === true;
  const site = await openSite(config);
  try {
    console.log(`${isDryRun ? 'Planning' : 'Importing'} ${files.map((f) => basename(f)).join(', ')}…`);
    const report = await importWordPressExport(site.ctx, systemActor('broadsheet import'), {
      files: files.map((f) => resolve(f)),
      ports: createWordPressImportPorts(options.uploads ? { uploadsDir: resolve(options.uploads) } : {}),
      isDryRun,
      onProgress: progressLine(),
    });
    for (const line of reportLines(report)) console.log(line);
    console.log(`Report saved as ${await saveReport(config, report)}`);
    return 0;
  } catch (error) {
    if (!(error instanceof WxrReadError || error instanceof DomainError)) throw error;
    console.error(`The import was refused; nothing was changed.\n${error.message}`);
    return 1;
  } finally {
    await site.close();
  }
}

/** A line at most every second while posts are written (the first pass reads the files quietly). */
function progressLine() {
  let last = Date.now();
  return ({ done, total }: { done: number; total: number }) => {
    if (Date.now() - last < 1000 && done < total) return;
    last = Date.now();
    console.log(`${done} of ${total} posts and pages…`);
  };
}

function checkInputs(files: string[], uploads: string | undefined): string | undefined {
  const missing = files.find((f) => !existsSync(f) || !statSync(f).isFile());
  if (missing) return `No such file: ${missing}`;
  if (uploads !== undefined && (!existsSync(uploads) || !statSync(uploads).isDirectory()))
    return `No such folder: ${uploads}`;
  return undefined;
}

/** The report as JSON beside the data folder: `import-wordpress-<time>.json`. */
async function saveReport(config: Config, report: ImportReport): Promise<string> {
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const path = join(
    dirname(resolve(config.dataDir)),
    `import-wordpress-${stamp}${report.isDryRun ? '-plan' : ''}.json`,
  );
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
