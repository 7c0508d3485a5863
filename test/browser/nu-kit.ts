// The Nu HTML Checker (vnu.jar) over a set of pages in one run, as the browser suites use it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { TestContext } from 'node:test';

export interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  message: string;
  extract?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
}

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

export const javaMissing = ((): string | undefined => {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return probe.error || probe.status !== 0
    ? '`java` is not on PATH (install a Java 11+ runtime, e.g. Debian default-jre-headless)'
    : undefined;
})();

/** A page to check: `name` (unique, safe as a file name) and its HTML. */
export interface CheckedDocument {
  name: string;
  html: string;
}

/** Runs the checker once over all documents; returns its messages grouped by document name. */
export function checkAll(documents: CheckedDocument[]): Map<string, NuMessage[]> {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-vnu-'));
  try {
    const files = documents.map((document) => {
      const file = join(dir, `${document.name}.html`);
      writeFileSync(file, document.html);
      return file;
    });
    const run = spawnSync(
      'java',
      ['-jar', vnuJar, '--format', 'json', '--stdout', '--exit-zero-always', ...files],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (run.error || run.status !== 0)
      throw new Error(`vnu.jar failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}`);
    const { messages } = JSON.parse(run.stdout) as { messages: NuMessage[] };
    const byName = new Map<string, NuMessage[]>(documents.map((document) => [document.name, []]));
    for (const message of messages) {
      const file = message.url ? basename(decodeURIComponent(new URL(message.url).pathname)) : '';
      const list = byName.get(file.replace(/\.html$/, ''));
      if (list) list.push(message);
      else throw new Error(`vnu.jar reported a message for no checked page: ${JSON.stringify(message)}`);
    }
    return byName;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function describeMessage(path: string, m: NuMessage): string {
  const where = m.lastLine === undefined ? '' : `:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? 0}`;
  const extract = m.extract ? `\n      ${JSON.stringify(m.extract)}` : '';
  return `  ${path}${where} [${m.subType ?? m.type}] ${m.message}${extract}`;
}

/** Fails with every error the checker found on the page; warnings are shown as diagnostics. */
export function assertNoNuErrors(t: TestContext, path: string, messages: NuMessage[]): void {
  const errors = messages.filter((m) => m.type !== 'info');
  const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning');
  const infos = messages.length - errors.length - warnings.length;
  t.diagnostic(`${path}: ${errors.length} error(s), ${warnings.length} warning(s), ${infos} info message(s)`);
  for (const m of warnings) t.diagnostic(describeMessage(path, m));
  if (errors.length > 0)
    throw new Error(
      `${errors.length} HTML error(s) on ${path}:\n${errors.map((m) => describeMessage(path, m)).join('\n')}`,
    );
}
