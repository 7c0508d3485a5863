import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  drainMemberImports,
  importBatchLines,
  memberImportProgress,
  requestMemberImport,
} from '../../src/domain/members/member-import.js';
import { type Site } from '../../src/main.js';
import { hostileMemberCsv } from '../helpers/member-csv.js';
import { addMembers, aNewsletter } from '../helpers/members.js';
import { dialects } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';
import { bundleChild, type ChildBundle } from '../helpers/child-bundle.js';
import { killSandbox } from '../helpers/kill-sandbox.js';

/*
 * A real process working a member import is killed with SIGKILL inside a batch (its members and
 * report written, not committed). What it had committed stays, whole batches only; the next process
 * carries on from the last committed batch, and the end result has every line once: no member lost
 * or doubled, no report line lost or doubled.
 */

const child = join(import.meta.dirname, 'member-import-kill-child.ts');
// Bundled once for the file: each start of the child then costs no TypeScript compilation.
let bundle: ChildBundle | undefined;
before(async () => {
  bundle = await bundleChild(child);
});
after(() => bundle?.remove());
const lines = 6000;
const batchesBeforeHang = 4;

function runUntilHanging(env: Record<string, string>): Promise<number> {
  const proc = spawn(process.execPath, [bundle!.path], {
    env: { ...process.env, ...env, BATCHES_BEFORE_HANG: String(batchesBeforeHang) },
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
      signal === 'SIGKILL'
        ? resolve(out.split('batch\n').length - 1)
        : reject(new Error(`child ended without hanging: ${stderr}`)),
    );
  });
}

async function countOf(site: Site, table: 'members' | 'member_import_errors') {
  const row = await site.storage.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const dialect of dialects) {
  describe(
    `member import killed mid-batch on ${dialect.name}`,
    { skip: dialect.skip, timeout: 600_000 },
    () => {
      test('a restart carries on from the last committed batch: nothing lost or doubled', async () => {
        const box = await killSandbox(dialect.name, 'import-kill');
        const { env, open } = box;
        let site = await open();
        try {
          const letter = await aNewsletter(site.storage.db, { slug: 'daily' });
          const existing = await addMembers(site.storage.db, letter.id, 50, { prefix: 'old' });
          const file = hostileMemberCsv({
            lines,
            existing: existing.map((m) => m.email),
            newsletter: 'daily',
          });
          const { id } = await requestMemberImport(site.ctx, testAdministrator, {
            csv: file.csv,
            createdBy: null,
          });
          await site.close();

          assert.equal(await runUntilHanging(env), batchesBeforeHang);

          site = await open();
          const killed = (await memberImportProgress(site.ctx, testAdministrator, id)).import;
          assert.equal(killed.status, 'queued');
          assert.equal(killed.linesDone, batchesBeforeHang * importBatchLines, 'whole batches only');
          assert.equal(await countOf(site, 'members'), existing.length + killed.imported);
          assert.equal(await countOf(site, 'member_import_errors'), killed.skipped);

          await drainMemberImports(site.ctx);
          const done = await memberImportProgress(site.ctx, testAdministrator, id, {
            afterLine: 0,
            limit: lines,
          });
          assert.equal(done.import.status, 'done');
          assert.deepEqual(
            [done.import.linesDone, done.import.imported, done.import.updated, done.import.skipped],
            [lines, file.imported, file.updated, file.errors.length],
          );
          assert.deepEqual(
            done.errors.map((e) => [e.line, e.email]),
            file.errors.map((e) => [e.line, e.email]),
            'the report has each bad line once, in order',
          );
          assert.equal(await countOf(site, 'members'), existing.length + file.imported, 'no member doubled');
        } finally {
          await site.close();
          await box.destroy();
        }
      });
    },
  );
}
