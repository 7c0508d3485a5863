#!/usr/bin/env -S node --max-semi-space-size=2
// --max-semi-space-size=2: a serving process allocates little per request (pages come from the
// cache); the default young generation only lets resident memory grow. `npm start` passes it too.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(built)) {
  console.error('broadsheet: dist/cli.js is missing; run `npm run build` (npm install does it).');
  process.exit(1);
}
await import(built);
