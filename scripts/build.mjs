// Bundles the TypeScript sources and their pure-JavaScript dependencies into dist/, so `npm start`
// loads one file instead of hundreds of modules (cold start well under a second). Native addons and
// what is only loaded on demand stay external. Then builds the admin app (admin/, Vite) into
// dist/admin/, skipped when that build is newer than every file it is made from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';

// `--admin-only`: the admin app alone (the tests use it, so they never rewrite a bundle in use).
const isAdminOnly = process.argv.includes('--admin-only');

/** The newest modification time of a file under `path` (or of `path` itself). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

// `npm start` runs this first: when the bundle is newer than everything it is made from, there is
// nothing to do, and the site starts without waiting for esbuild.
const bundle = 'dist/cli.js';
const isBundleCurrent =
  !process.argv.includes('--force') &&
  existsSync(bundle) &&
  statSync(bundle).mtimeMs >
    Math.max(
      newest('src'),
      newest('themes'),
      newest('package-lock.json'),
      newest('scripts/build.mjs'),
      newest('scripts/bundle-options.mjs'),
    );

if (!isAdminOnly && !isBundleCurrent) await build(bundleOptions);

const adminIndex = 'dist/admin/index.html';
const isAdminCurrent =
  !process.argv.includes('--force') &&
  existsSync(adminIndex) &&
  statSync(adminIndex).mtimeMs >
    Math.max(newest('admin'), newest('package-lock.json'), newest('scripts/build.mjs'));

if (!isAdminCurrent) {
  let vite;
  try {
    vite = await import('vite');
  } catch {
    // A production install without dev dependencies: the server answers /admin/ with a 503 that says so.
    console.warn('vite is not installed: the admin app (dist/admin/) was not built');
  }
  if (vite)
    await vite.build({
      configFile: false,
      root: 'admin',
      base: '/admin/',
      logLevel: 'warn',
      clearScreen: false,
      esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
      build: {
        outDir: '../dist/admin',
        emptyOutDir: true,
        target: 'es2022',
        // No data: URLs and no inline scripts: the admin's CSP allows files from its own origin only.
        assetsInlineLimit: 0,
        modulePreload: { polyfill: false },
        cssCodeSplit: false,
        chunkSizeWarningLimit: 1024,
        reportCompressedSize: false,
      },
    });
}
