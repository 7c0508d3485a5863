import { importGhostExport } from '../src/domain/import/import-ghost.js';
import { reportLines } from '../src/domain/import/import-report.js';
import { systemActor } from '../src/domain/staff/permissions.js';
import { createGhostImportPorts } from '../src/main.js';
import { createTestSite } from './helpers/sites.js';
const site = await createTestSite('sqlite');
const [redirectsFile, ...files] = process.argv.slice(2);
for (const file of files) {
  try {
    const r = await importGhostExport(site.ctx, systemActor('t'), { file, redirectsFile, ports: createGhostImportPorts() });
    console.log(file, '\n' + reportLines(r).join('\n'));
  } catch (e) { console.log(file, 'ERROR', (e as Error).stack); }
}
const { db } = site.storage;
for (const p of await db.selectFrom('posts').select(['slug', 'status', 'body_json', 'excerpt']).execute()) console.log(p.slug, p.status, p.excerpt, p.body_json.slice(0, 3000));
console.log(await db.selectFrom('members').selectAll().execute());
console.log(await db.selectFrom('redirects').select(['from_path','to_url','status_code']).execute());
await site.destroy();
