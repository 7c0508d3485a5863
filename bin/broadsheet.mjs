#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(built)) {
  console.error('broadsheet: dist/cli.js is missing; run `npm run build` (npm install does it).');
  process.exit(1);
}
await import(built);
