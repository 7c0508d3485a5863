// Runs every *.test.ts file with node:test through tsx. Node 20 has no --test glob, so files are listed here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
// Spec output for people; TAP into a file, from which the closing count line is taken.
const tapFile = join(mkdtempSync(join(tmpdir(), 'broadsheet-tests-')), 'results.tap');
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files.sort(),
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
const failed = count('fail') + count('cancelled');
console.log(`\n${count('pass')} passed, ${failed} failed, ${count('skipped')} skipped`);
process.exit(result.status ?? 1);
