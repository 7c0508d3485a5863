// A test's child process, bundled once per test file with esbuild and started with plain node.
// `node --import tsx child.ts` compiles the child's whole import graph at every start (most of a
// second here); a kill test starts its child once per round, so it paid that in every round. The
// bundle is the same source (packages stay external, resolved from the project's node_modules).
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../src/http/project-root.js';

export interface ChildBundle {
  /** The bundled script: spawn `process.execPath` with it as the first argument. */
  path: string;
  remove(): void;
}

let counter = 0;

export async function bundleChild(entry: string): Promise<ChildBundle> {
  // Inside the project, so that node finds the external packages from the bundle's folder.
  const name = `${basename(entry, '.ts')}-${process.pid}-${counter++}.mjs`;
  const path = join(projectRoot(), 'node_modules', '.cache', 'broadsheet-test-children', name);
  await build({
    entryPoints: [entry],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return { path, remove: () => rmSync(path, { force: true }) };
}
