import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { drainImportJobs } from '../../src/domain/import/import-job-work.js';
import {
  addImportFile,
  createImportJob,
  importJobView,
  requestImportPlan,
  requestImportRun,
} from '../../src/domain/import/import-jobs.js';
import { createImportJobPorts, type Site } from '../../src/main.js';
import { testAdministrator } from '../helpers/actors.js';
import { bundleChild, type ChildBundle } from '../helpers/child-bundle.js';
import { killSandbox } from '../helpers/kill-sandbox.js';
import { dialects } from '../helpers/sites.js';

/*
 * A real process running an import from the admin is killed with SIGKILL halfway through it (5
 * posts written in its one transaction, not committed). The site is as it was before, the job is
 * still due, and the next process runs the whole import once: the report is the plan, and every post
 * is there once.
 */

const child = join(import.meta.dirname, 'import-job-kill-child.ts');
let bundle: ChildBundle | undefined;
before(async () => {
  bundle = await bundleChild(child);
});
after(() => bundle?.remove());
const smallExport = 'test/fixtures/wxr/wordpress-importer/phpunit-data/small-export.xml';

function runUntilHanging(env: Record<string, string>): Promise<string> {
  const proc = spawn(process.execPath, [bundle!.path], {
    env: { ...process.env, ...env, POSTS_BEFORE_HANG: '5' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('hanging\n')) proc.kill('SIGKILL');
    });
    proc.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child ended without hanging: ${out}${stderr}`)),
    );
  });
}

async function footprint(site: Site) {
  const counts: Record<string, number> = {};
  for (const table of ['posts', 'tags', 'staff_users', 'redirects', 'imported_items'] as const)
    counts[table] = Number(
      (
        await site.storage.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return counts;
}

for (const dialect of dialects) {
  describe(
    `an import from the admin killed halfway on ${dialect.name}`,
    { skip: dialect.skip, timeout: 600_000 },
    () => {
      test('the site stays as it was, and the next process runs the whole import once', async () => {
        const box = await killSandbox(dialect.name, 'import-job-kill');
        let site = await box.open();
        try {
          const ports = createImportJobPorts(site.config, site.ctx.privateFiles);
          const { job } = await createImportJob(site.ctx, testAdministrator, { source: 'wordpress' });
          await addImportFile(site.ctx, testAdministrator, job.id, {
            bytes: readFileSync(smallExport),
            filename: 'small-export.xml',
          });
          await requestImportPlan(site.ctx, testAdministrator, job.id);
          await drainImportJobs(site.ctx, { ports });
          const plan = (await importJobView(site.ctx, testAdministrator, job.id)).job.plan!;
          assert.ok(plan.posts.created + plan.pages.created > 5, JSON.stringify([plan.posts, plan.pages]));
          await requestImportRun(site.ctx, testAdministrator, job.id);
          const before = await footprint(site);
          await site.close();

          const out = await runUntilHanging(box.env);
          assert.match(out, /^import\n/, 'the child took the import up');

          site = await box.open();
          const killed = (await importJobView(site.ctx, testAdministrator, job.id)).job;
          assert.equal(killed.status, 'running', 'the job is still due');
          assert.equal(killed.attempts, 1);
          assert.deepEqual(await footprint(site), before, 'nothing of the killed import was committed');

          // On PostgreSQL the killed backend may hold the job's row for a moment: the job skips it meanwhile.
          let done = killed;
          while (done.status === 'running') {
            await drainImportJobs(site.ctx, {
              ports: createImportJobPorts(site.config, site.ctx.privateFiles),
              onError: (error) => assert.fail(error as Error),
            });
            done = (await importJobView(site.ctx, testAdministrator, job.id)).job;
          }
          assert.equal(done.status, 'done', done.error ?? '');
          assert.equal(done.attempts, 2);
          assert.deepEqual(done.report!.posts, plan.posts, 'the report is the plan');
          assert.deepEqual(done.report!.pages, plan.pages);
          const after = await footprint(site);
          assert.equal(
            after.posts! - before.posts!,
            plan.posts.created + plan.pages.created,
            'every post once',
          );
        } finally {
          await site.close();
          await box.destroy();
        }
      });
    },
  );
}
