// Runs every *.test.ts file with node:test, each file in its own process, a few at once, slowest
// first. The files are bundled first (scripts/test-bundle.mjs), and each process runs its file's
// bundle; BROADSHEET_TEST_TSX=1 runs the .ts files through tsx instead. Each file's output is printed
// whole when it ends, then the slowest files' wall times.
// `node scripts/test.mjs <substring…>` runs the files whose path contains one of the substrings.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleTests } from './test-bundle.mjs';

const roots = ['src', 'test', 'themes'];
const only = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const files = roots.flatMap(findTests).filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
// Slowest first. A slow file that starts late keeps the run going after the rest are done. Wall
// times of each file in a whole run, before the files marked † below ran as one process per database
// (seconds, this tree, December 2026, 2 cores at load 5-6): re-measure with the table printed at the
// end and re-order when a file grows slow. Unlisted files follow in name order.
const slowFirst = [
  'test/browser/imported-pages.test.ts', // new, December 2026
  'test/browser/admin-accessibility.test.ts', // 51
  'test/http/bad-input.test.ts', // 79 †
  'test/domain/save-kill.test.ts', // 71 †
  'test/cli/newsletter-kill.test.ts', // 53 †
  'test/browser/accessibility.test.ts', // 31
  'test/domain/import-wordpress.test.ts', // 27 †
  'test/browser/admin-editor.test.ts', // 26
  'test/browser/admin-logo-promotions.test.ts', // 20
  'test/http/admin-roles.test.ts', // 19 †
  'test/browser/admin-xss.test.ts', // 18
  'test/browser/first-day-journey.test.ts', // 17
  'test/domain/related-job.test.ts', // 16 †
  'test/jobs/newsletter-sending.test.ts', // 14
  'test/http/admin-setup.test.ts', // 12
  'test/http/members-signup.test.ts', // 12
  'test/search/search-contract.test.ts', // 11
  'test/cli/cli.test.ts', // 11
  'test/http/staff-mail.test.ts', // 10
  'test/jobs/newsletter-claims.test.ts', // 10
  'test/cli/import-wordpress.test.ts', // 10
  'test/http/site-search.test.ts', // 10
  'test/browser/newsletter-preview.test.ts', // 9
  'test/http/site.test.ts', // 9
  'test/http/admin-sign-in-steps.test.ts', // 9
];
const rank = (file) => {
  const i = slowFirst.findIndex((slow) => file.split('\\').join('/').endsWith(slow));
  return i === -1 ? slowFirst.length : i;
};
files.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));

// Files at once: 2, for the 2-core machines this runs on; BROADSHEET_TEST_CONCURRENCY overrides it (a
// bigger machine, or 1 to tell a file that fails only beside another).
const concurrency = Number(process.env.BROADSHEET_TEST_CONCURRENCY) || 2;
// The files' temporary folders (test sites' SQLite databases, uploads, browser profiles) go into one
// scratch folder, in memory when the machine has room there: still real files and real SQLite
// databases, but a commit's fsync no longer waits on the disk (a quarter of the SQLite-heavy files'
// wall time). BROADSHEET_TEST_ON_DISK=1 keeps them in the system's temporary folder.
const memoryFolder = '/dev/shm';
const hasRoomInMemory = () => {
  try {
    const { bavail, bsize } = statfsSync(memoryFolder);
    return bavail * bsize > 4 * 1024 ** 3;
  } catch {
    return false;
  }
};
const onDisk = process.env.BROADSHEET_TEST_ON_DISK === '1' || !hasRoomInMemory();
const scratch = mkdtempSync(join(onDisk ? tmpdir() : memoryFolder, 'broadsheet-tests-'));
const tapDir = mkdtempSync(join(scratch, 'tap-'));
const isThroughTsx = process.env.BROADSHEET_TEST_TSX === '1';
const bundleStartedAt = performance.now();
const bundled = isThroughTsx ? undefined : await bundleTests(files);
if (bundled)
  console.log(
    `Bundled ${files.length} test files in ${((performance.now() - bundleStartedAt) / 1000).toFixed(1)} s`,
  );

/** What node runs for a file: its bundle (with source maps for stack traces), or the .ts through tsx. */
const entryArgs = (file) =>
  bundled ? ['--enable-source-maps', bundled.bundles.get(file)] : ['--import', 'tsx', file];

// † Slow files whose every test runs once per database: each runs as two processes, one per database
// (BROADSHEET_TEST_DIALECT, read by test/helpers/sites.ts), so that its two halves run side by side.
const splitByDatabase = [
  'test/http/bad-input.test.ts',
  'test/cli/newsletter-kill.test.ts',
  'test/domain/save-kill.test.ts',
  'test/domain/import-wordpress.test.ts',
  'test/http/admin-roles.test.ts',
  'test/domain/related-job.test.ts',
];
const isSplit = (file) => splitByDatabase.some((split) => file.split('\\').join('/').endsWith(split));
/** What runs as one process: a file, or a file's tests on one database. */
const jobs = files.flatMap((file) =>
  isSplit(file) ? ['sqlite', 'postgres'].map((dialect) => ({ file, dialect })) : [{ file }],
);
const nameOf = (job) => (job.dialect ? `${job.file} (${job.dialect})` : job.file);

/** Runs one job in its own process: spec output kept for printing, TAP into a file for the counts. */
function runJob(job, index) {
  const tapFile = join(tapDir, `${index}.tap`);
  const args = [
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...entryArgs(job.file),
  ];
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    TMPDIR: scratch,
    ...(job.dialect ? { BROADSHEET_TEST_DIALECT: job.dialect } : {}),
  };
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      resolve({
        name: nameOf(job),
        code,
        signal,
        seconds,
        output: Buffer.concat(output).toString(),
        tapFile,
      });
    });
  });
}

/** The `# pass 3` style counts at the end of a file's TAP (zeros when the file wrote none). */
function countsOf(tapFile) {
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  return {
    pass: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped'),
    finished: /^# tests \d+$/m.test(tap),
  };
}

function printResult(result) {
  const status = result.code === 0 ? 'ok' : `FAILED (exit ${result.code ?? result.signal})`;
  console.log(`\n▶ ${result.name} — ${status}, ${result.seconds.toFixed(1)} s`);
  process.stdout.write(result.output);
}

const results = [];
const queue = jobs.map((job, index) => ({ job, index }));
async function worker() {
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const result = await runJob(next.job, next.index);
    printResult(result);
    results.push(result);
  }
}
const startedAt = performance.now();
await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
const wallSeconds = (performance.now() - startedAt) / 1000;
await bundled?.remove();

const slowest = [...results].sort((a, b) => b.seconds - a.seconds).slice(0, 20);
console.log(`\nSlowest files (wall seconds, ${concurrency} at once):`);
for (const result of slowest) console.log(`${result.seconds.toFixed(1).padStart(7)}  ${result.name}`);

const totals = { pass: 0, failed: 0, skipped: 0 };
const failedFiles = [];
for (const result of results) {
  const counts = countsOf(result.tapFile);
  totals.pass += counts.pass;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (result.code !== 0 || counts.failed > 0 || !counts.finished) failedFiles.push(result.name);
}
console.log(
  `\n${totals.pass} passed, ${totals.failed} failed, ${totals.skipped} skipped in ${files.length} files (${jobs.length} processes), ` +
    `${wallSeconds.toFixed(1)} s`,
);
if (failedFiles.length > 0) console.log(`Files that failed: ${failedFiles.join(', ')}`);
rmSync(scratch, { recursive: true, force: true });
process.exit(failedFiles.length > 0 ? 1 : 0);
