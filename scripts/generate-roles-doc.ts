// `npm run docs:roles`: rewrites docs/roles.md from the permission matrix in the code.
import { permissionTable } from '../src/domain/staff/permissions.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
const path = new URL('../docs/roles.md', import.meta.url);
const end = '<!-- generated from permissionMatrix: end -->\n';
// What follows the generated tables is written by hand ("Rules beyond the matrix") and kept as it is.
const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
const handWritten = existing.includes(end) ? existing.slice(existing.indexOf(end) + end.length) : '';
const doc = `# Roles and permissions

Five roles, from most to least trusted. The tables below are the rules the code enforces
(\`src/domain/staff/permissions.ts\`); a test fails when this file and the code disagree.

- **owner**: everything an administrator can do, and the only one who can transfer ownership.
- **administrator**: manages staff, settings, integrations (API tokens) and redirects, and all content.
- **editor**: publishes and edits everyone's posts and pages, manages tags and media.
- **author**: writes, edits and publishes their own posts.
- **contributor**: writes drafts; cannot publish, and can only change or delete their own posts
  while they have never been published; uploads media for their own posts.

In the tables: **yes**, allowed on anything; **own**, only on what they authored (posts) or uploaded
(media); **own-draft**, only their own and only while never published; **no**, not allowed. The Admin
API (next to be built) is to apply the same rule to lists as a query filter, so that a contributor's
post list holds only their own posts.

<!-- generated from permissionMatrix: begin -->
${permissionTable()}${end}${handWritten}`;
writeFileSync(path, doc);
