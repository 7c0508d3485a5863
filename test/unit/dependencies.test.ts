import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { build, type BuildOptions } from 'esbuild';

/*
 * Every package the server needs at run time is in package.json `dependencies`, not only in
 * `devDependencies` (which a production install leaves out): each bare package a file under src/
 * imports for its values (type-only imports vanish in the build), and each package the built bundle
 * in dist/ still loads from node_modules (its externals, as the build itself resolves them).
 */

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const isPackage = (specifier: string) =>
  !specifier.startsWith('.') && !specifier.startsWith('/') && !isBuiltin(specifier);

type Importers = Record<string, { imports: { path: string; external?: boolean }[] }>;

/** The bare packages an esbuild metafile says its inputs or outputs import from outside the build. */
function externalPackages(importers: Importers) {
  const found = new Map<string, string>();
  for (const [file, { imports }] of Object.entries(importers))
    for (const imported of imports)
      if (imported.external && isPackage(imported.path)) found.set(packageOf(imported.path), file);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const missingFrom = (found: Map<string, string>) =>
  [...found]
    .filter(([name]) => !(name in manifest.dependencies))
    .map(([name, file]) => `${name} (imported by ${relative(root, file)})`);

test('every package src/ imports for its values is in dependencies', async () => {
  const result = await build({
    absWorkingDir: root,
    entryPoints: sourceFiles(join(root, 'src')),
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    splitting: true,
    outdir: join(tmpdir(), 'broadsheet-deps-check'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const found = externalPackages(result.metafile.inputs);
  assert.ok(found.has('fastify') && found.has('kysely'), `the scan found ${[...found.keys()].join(', ')}`);
  assert.ok(!found.has('domhandler'), 'a type-only import does not count');
  assert.deepEqual(missingFrom(found), []);
});

test('every package the built bundle loads from node_modules is in dependencies', async () => {
  const optionsFile = join(root, 'scripts/bundle-options.mjs');
  const { bundleOptions } = (await import(optionsFile)) as { bundleOptions: BuildOptions };
  const result = await build({
    ...bundleOptions,
    absWorkingDir: root,
    outdir: join(tmpdir(), 'broadsheet-deps-check-dist'),
    write: false,
    metafile: true,
    sourcemap: false,
    logLevel: 'silent',
  });
  const found = externalPackages(result.metafile.outputs);
  assert.ok(
    found.has('better-sqlite3') && found.has('sharp'),
    `the bundle loads ${[...found.keys()].join(', ')}`,
  );
  assert.deepEqual(missingFrom(found), []);
});
