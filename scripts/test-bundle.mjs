// The test files bundled with esbuild, all in one build, so that each test process loads a few
// JavaScript files instead of compiling hundreds of TypeScript modules through tsx's loader (about
// three quarters of a second of CPU per file, paid by every one of the ~90 test processes).
// Packages stay external, resolved from the project's node_modules as under tsx; source maps
// point stack traces back at the .ts files.
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const projectRoot = resolve(import.meta.dirname, '..');

/**
 * A bundle has one `import.meta` for all the modules in it; each source file's own `import.meta.url`
 * and `import.meta.dirname` become string literals of where that file is, as under tsx.
 */
const importMetaOfSource = {
  name: 'import-meta-of-source',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const contents = source
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
        .replaceAll('import.meta.filename', JSON.stringify(path))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href));
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * Bundles `files` (paths relative to the project) into a folder of its own under node_modules/.cache;
 * returns where each file's bundle is and a function that removes the folder.
 */
export async function bundleTests(files) {
  const outdir = join(projectRoot, 'node_modules', '.cache', 'broadsheet-tests', String(process.pid));
  await build({
    absWorkingDir: projectRoot,
    entryPoints: files,
    outdir,
    outbase: projectRoot,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [importMetaOfSource],
  });
  const bundleOf = (file) =>
    join(outdir, relative(projectRoot, resolve(projectRoot, file))).replace(/\.ts$/, '.mjs');
  return {
    bundles: new Map(files.map((file) => [file, bundleOf(file)])),
    remove: () => rm(outdir, { recursive: true, force: true }),
  };
}
