// Every page type is valid HTML5 according to the Nu HTML Checker (vnu.jar, run once over all pages).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import {
  fetchPages,
  pageTypes,
  skipUnlessCi,
  startDemoServer,
  type FetchedPage,
  type RunningServer,
} from './page-types.js';

interface NuMessage {
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

const javaMissing = ((): string | undefined => {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return probe.error || probe.status !== 0
    ? '`java` is not on PATH (install a Java 11+ runtime, e.g. Debian default-jre-headless)'
    : undefined;
})();

const fileName = (page: FetchedPage) => `${page.page.name}.html`;

/** Runs the checker once over all pages; returns its messages grouped by file name. */
function checkAll(pages: FetchedPage[]): Map<string, NuMessage[]> {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-vnu-'));
  try {
    const files = pages.map((page) => {
      const file = join(dir, fileName(page));
      writeFileSync(file, page.html);
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
    const byFile = new Map<string, NuMessage[]>(pages.map((page) => [fileName(page), []]));
    for (const message of messages) {
      const name = message.url ? basename(decodeURIComponent(new URL(message.url).pathname)) : '';
      const list = byFile.get(name);
      if (list) list.push(message);
      else throw new Error(`vnu.jar reported a message for no checked page: ${JSON.stringify(message)}`);
    }
    return byFile;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function describeMessage(path: string, m: NuMessage): string {
  const where = m.lastLine === undefined ? '' : `:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? 0}`;
  const extract = m.extract ? `\n      ${JSON.stringify(m.extract)}` : '';
  return `  ${path}${where} [${m.subType ?? m.type}] ${m.message}${extract}`;
}

describe('HTML validity (Nu HTML Checker)', { skip: skipUnlessCi(javaMissing) }, () => {
  let server: RunningServer | undefined;
  let pages: FetchedPage[] = [];
  let results = new Map<string, NuMessage[]>();

  before(async () => {
    if (javaMissing) throw new Error(`CI must run this suite, but: ${javaMissing}`);
    server = await startDemoServer();
    pages = await fetchPages(server);
    results = checkAll(pages);
  });

  after(async () => {
    await server?.close();
  });

  test('every page type answers with the status it should', () => {
    const wrong = pages.filter((p) => p.status !== p.page.status);
    assert.deepEqual(
      wrong.map((p) => `${p.page.path}: ${p.status}`),
      [],
      'pages with an unexpected HTTP status',
    );
    assert.ok(pages.length >= pageTypes.length);
  });

  const assertValid = (t: TestContext, page: FetchedPage) => {
    const { path } = page.page;
    const messages = results.get(fileName(page)) ?? [];
    const errors = messages.filter((m) => m.type !== 'info');
    const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning');
    const infos = messages.length - errors.length - warnings.length;
    t.diagnostic(
      `${path}: ${errors.length} error(s), ${warnings.length} warning(s), ${infos} info message(s)`,
    );
    for (const m of warnings) t.diagnostic(describeMessage(path, m));
    assert.equal(
      errors.length,
      0,
      `${errors.length} HTML error(s) on ${path}:\n${errors.map((m) => describeMessage(path, m)).join('\n')}`,
    );
  };

  for (const type of pageTypes) {
    test(`${type.name} (${type.path}) has no validation errors`, (t) => {
      const page = pages.find((p) => p.page.name === type.name);
      assert.ok(page, `${type.path} was not fetched`);
      assertValid(t, page);
    });
  }
});
