// The esbuild options of the server bundle (dist/cli.js), shared by the build and by the test that
// checks every package the bundle loads at run time is a dependency (test/unit/dependencies.test.ts).

/** Native addons and what is only loaded on demand: the bundle imports these from node_modules at run time. */
export const bundleExternals = [
  'better-sqlite3',
  'sharp',
  'pg',
  'pg-native',
  'sanitize-html',
  '@node-rs/argon2',
];

export const bundleOptions = {
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'node20',
  external: bundleExternals,
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
};
