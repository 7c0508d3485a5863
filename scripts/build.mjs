// Bundles the TypeScript sources and their pure-JavaScript dependencies into dist/, so `npm start`
// loads one file instead of hundreds of modules (cold start well under a second). Native addons and
// what is only loaded on demand stay external.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'node20',
  external: ['better-sqlite3', 'sharp', 'pg', 'pg-native', 'sanitize-html', '@node-rs/argon2'],
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});
