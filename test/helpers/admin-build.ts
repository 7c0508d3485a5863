// The admin app's Vite build (dist/admin/), made once for the test files that need it. The build
// script skips the work when dist/admin is newer than admin/; a lock folder keeps two test processes
// from building into the same folder at once.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../../src/http/project-root.js';

export const adminDist = () => join(projectRoot(), 'dist', 'admin');

export async function ensureAdminBuilt(): Promise<void> {
  const root = projectRoot();
  mkdirSync(join(root, 'dist'), { recursive: true });
  const lock = join(root, 'dist', '.admin-build.lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test process is building; a lock older than three minutes was left by a crash.
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs;
      if (age > 180_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`the admin build lock ${lock} was never released`);
      await sleep(250);
    }
  }
  try {
    const result = spawnSync(process.execPath, ['scripts/build.mjs', '--admin-only'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(`building the admin app failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
