import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { openSite, type Site } from '../../src/main.js';
import { createSchema, dropSchema } from '../../src/storage/dialects/postgres.js';
import { addMembers, aNewsletter } from '../helpers/members.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { dialects, postgresUrl } from '../helpers/sites.js';

/*
 * The real `broadsheet newsletter send` process, killed with SIGKILL at several points (during the
 * snapshot, mid-send several times, near the end) and started again. After each kill the rows left
 * `sending` are the messages that were in flight: at most one per SMTP connection, and every message
 * the sink accepted is either recorded sent or among them. At the end every member has the email,
 * only those ever in flight at a kill got a second copy, and the report lists exactly them.
 */

const bin = join(import.meta.dirname, '..', '..', 'bin', 'broadsheet.mjs');
const memberCount = 2000;
const connections = 4;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sandbox {
  env: Record<string, string>;
  site: Site;
  destroy(): Promise<void>;
}

async function sandbox(dialect: 'sqlite' | 'postgres', smtpPort: number): Promise<Sandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-kill-'));
  const env: Record<string, string> = {
    BROADSHEET_DATA_DIR: dataDir,
    BROADSHEET_URL: 'https://news.example',
    LOG_LEVEL: 'silent',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'newsroom@news.example',
    NEWSLETTER_SMTP_CONNECTIONS: String(connections),
    NEWSLETTER_LEASE_SECONDS: '1',
  };
  const schema = `t_kill_${process.pid}_${Date.now().toString(36)}`;
  if (dialect === 'postgres') {
    await createSchema(postgresUrl!, schema);
    const url = new URL(postgresUrl!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    env.DATABASE_URL = url.toString();
  }
  const site = await openSite(loadConfig(env), dialect === 'postgres' ? { postgresSchema: schema } : {});
  await createPost(site.ctx, {
    title: 'Storm warning',
    slug: 'storm-warning',
    status: 'published',
    body: documentFromText('Winds of 30 m/s tonight.'),
  });
  const letter = await aNewsletter(site.storage.db, { slug: 'daily' });
  await addMembers(site.storage.db, letter.id, memberCount, { prefix: 'k' });
  return {
    env,
    site,
    async destroy() {
      await site.close();
      if (dialect === 'postgres') await dropSchema(postgresUrl!, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function spawnSend(env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    [bin, 'newsletter', 'send', '--post', 'storm-warning', '--newsletter', 'daily'],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.resume();
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGKILL') console.error(`send exited ${code} ${signal}: ${stderr}`);
  });
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });

async function killWhen(child: ChildProcess, condition: () => Promise<boolean>, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await condition()) break;
    await sleep(25);
  }
  child.kill('SIGKILL');
  await exited(child);
}

async function recipientCounts(site: Site) {
  const rows = await site.storage.db
    .selectFrom('send_recipients')
    .select(['state'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) as Record<string, number>;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

const emailsIn = async (site: Site, state: string) =>
  new Set(
    (
      await site.storage.db.selectFrom('send_recipients').select('email').where('state', '=', state).execute()
    ).map((r) => r.email),
  );

/**
 * Runs one sending process until `condition`, kills it, and checks what it left: the rows still
 * `sending` (returned) are at most one per connection; each message the sink took whole in this
 * round is recorded sent or among them; each message cut off on a connection is among them.
 */
async function killRound(box: Sandbox, smtp: TestSmtpServer, condition: () => Promise<boolean>) {
  const receivedBefore = smtp.received.length;
  const interruptedBefore = smtp.interrupted.length;
  // On PostgreSQL an earlier round's rows stay `sending` until its lease runs out, which can be
  // after this round's kill: only rows this round put in flight count against its connections.
  const inFlightBefore = await emailsIn(box.site, 'sending');
  await killWhen(spawnSend(box.env), condition);
  await smtp.waitForNoConnections();
  const [inFlight, sent] = [await emailsIn(box.site, 'sending'), await emailsIn(box.site, 'sent')];
  const newInFlight = [...inFlight].filter((email) => !inFlightBefore.has(email));
  assert.ok(
    newInFlight.length <= connections,
    `${newInFlight.length} put in flight, at most one per connection`,
  );
  for (const mail of smtp.received.slice(receivedBefore))
    for (const to of mail.envelopeTo)
      assert.ok(sent.has(to) || inFlight.has(to), `${to} was accepted: recorded sent or in flight`);
  for (const to of smtp.interrupted.slice(interruptedBefore))
    assert.ok(inFlight.has(to), `${to} was cut off mid-message: in flight`);
  return inFlight;
}

/** Every member has the email; a second copy only for those in flight at a kill, and the report lists exactly them. */
async function assertOnceExceptInFlight(site: Site, smtp: TestSmtpServer, inFlightAtKills: Set<string>) {
  const [send] = await site.ctx.repos.newsletterSends.listSends({});
  const report = await site.ctx.repos.newsletterSends.report(send!.id, memberCount);
  const totals = (await site.ctx.repos.newsletterSends.totals([send!.id])).get(send!.id)!;
  assert.equal(send!.status, 'done');
  assert.deepEqual(
    [totals.total, totals.sent, totals.failed, totals.skipped],
    [memberCount, memberCount, 0, 0],
  );
  const counts = new Map<string, number>();
  for (const mail of smtp.received)
    for (const to of mail.envelopeTo) counts.set(to, (counts.get(to) ?? 0) + 1);
  assert.equal(counts.size, memberCount, 'every member got the email');
  for (const [email, n] of counts)
    if (n > 1) assert.ok(inFlightAtKills.has(email), `${email} got ${n} copies: it was in flight at a kill`);
  assert.deepEqual(
    report.possiblyDuplicated,
    [...inFlightAtKills].sort(),
    'the report lists exactly those in flight',
  );
  return {
    duplicates: [...counts.values()].filter((n) => n > 1).length,
    listed: report.possiblyDuplicated.length,
  };
}

for (const dialect of dialects) {
  describe(
    `newsletter send survives kill -9 (${dialect.name})`,
    { skip: dialect.skip, timeout: 900_000 },
    () => {
      let smtp: TestSmtpServer;
      before(async () => {
        smtp = await startSmtpServer(undefined, { delayMs: 3 });
      });
      after(() => smtp.close());

      test('killed during the snapshot, mid-send and near the end: only messages in flight are sent twice, and listed', async () => {
        smtp.received.length = 0;
        const box = await sandbox(dialect.name, smtp.port);
        try {
          const inFlightAtKills = new Set<string>();
          const sentAtLeast = (n: number) => async () => ((await recipientCounts(box.site)).sent ?? 0) >= n;
          // 1. During the snapshot: as soon as the send exists. The snapshot is whole or absent.
          for (const email of await killRound(box, smtp, async () => {
            const sends = await box.site.storage.db.selectFrom('newsletter_sends').select('id').execute();
            return sends.length > 0;
          }))
            inFlightAtKills.add(email);
          const afterSnapshotKill = total(await recipientCounts(box.site));
          assert.ok(
            afterSnapshotKill === 0 || afterSnapshotKill === memberCount,
            `the snapshot is all or nothing (${afterSnapshotKill})`,
          );
          // 2. Mid-send, four times; 3. near the end.
          for (const n of [300, 700, 1100, 1500, memberCount - 100])
            for (const email of await killRound(box, smtp, sentAtLeast(n))) inFlightAtKills.add(email);
          assert.equal(total(await recipientCounts(box.site)), memberCount);
          // 4. To the end.
          assert.equal(await exited(spawnSend(box.env)), 0);
          const { listed } = await assertOnceExceptInFlight(box.site, smtp, inFlightAtKills);
          assert.ok(listed <= 6 * connections);
          // `newsletter status`: the list, then one send with its report.
          const status = (...args: string[]) =>
            spawnSync(process.execPath, [bin, 'newsletter', 'status', ...args], {
              env: { ...process.env, ...box.env },
              encoding: 'utf8',
            });
          const list = status();
          assert.equal(list.status, 0, list.stderr);
          const id = new RegExp(`^(\\S+)\\s+done\\s+total ${memberCount} {2}sent ${memberCount} `, 'm').exec(
            list.stdout,
          )?.[1];
          assert.ok(id, list.stdout);
          const one = status(id);
          assert.equal(one.status, 0, one.stderr);
          assert.equal(one.stdout.match(/^possibly duplicated: /gm)?.length ?? 0, listed);
        } finally {
          await box.destroy();
        }
      });

      // Several processes on one database are a PostgreSQL deployment; SQLite serves one process.
      if (dialect.name === 'postgres')
        test('two processes share one send without sending anyone twice', async () => {
          smtp.received.length = 0;
          const box = await sandbox(dialect.name, smtp.port);
          try {
            const a = spawnSend(box.env);
            const b = spawnSend(box.env);
            assert.deepEqual(await Promise.all([exited(a), exited(b)]), [0, 0]);
            const { duplicates, listed } = await assertOnceExceptInFlight(box.site, smtp, new Set());
            assert.deepEqual([duplicates, listed], [0, 0]);
            const claimers = await box.site.storage.db
              .selectFrom('send_recipients')
              .select('claimed_by')
              .distinct()
              .execute();
            assert.equal(claimers.length, 2, 'both processes sent');
          } finally {
            await box.destroy();
          }
        });
    },
  );
}
