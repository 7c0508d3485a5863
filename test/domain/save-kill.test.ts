import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { createStaff } from '../../src/domain/staff/staff.js';
import { type Site } from '../../src/main.js';
import { dialects } from '../helpers/sites.js';
import { savedContent, seqOfTitle } from './save-kill-content.js';
import { bundleChild, type ChildBundle } from '../helpers/child-bundle.js';
import { killSandbox } from '../helpers/kill-sandbox.js';

/*
 * A real process saving posts from several editors at once is killed with SIGKILL in the middle of
 * its saves, 30 times. After each kill, every post's latest revision holds the post's stored title and
 * body (a save and its revision commit together), and every save that returned is stored: the post
 * holds the last acknowledged save or the one after it, which may have committed unacknowledged.
 */

const child = join(import.meta.dirname, 'save-kill-child.ts');
// Bundled once for the file: each start of the child then costs no TypeScript compilation.
let bundle: ChildBundle | undefined;
before(async () => {
  bundle = await bundleChild(child);
});
after(() => bundle?.remove());
const rounds = 30;
const workers = 6;

interface RoundResult {
  acked: Map<string, number>;
}

/** Starts the child, kills it once it has acknowledged `acks` saves; resolves with what it acknowledged. */
function runAndKill(env: Record<string, string>, acks: number): Promise<RoundResult> {
  const proc = spawn(process.execPath, [bundle!.path], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const acked = new Map<string, number>();
  let count = 0;
  let partial = '';
  proc.stdout!.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const [word, id, seq] = line.split(' ');
      if (word !== 'ack') continue;
      acked.set(id!, Number(seq));
      if (++count === acks) proc.kill('SIGKILL');
    }
  });
  return new Promise((resolve, reject) =>
    proc.once('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve({ acked })
        : reject(new Error(`the child ended by itself after ${count} saves: ${stderr}`)),
    ),
  );
}

/** What is wrong with the posts a round wrote; empty when nothing is. */
async function problemsOfRound(site: Site, round: number, acked: Map<string, number>): Promise<string[]> {
  const problems: string[] = [];
  const page = { offset: 0, limit: 1000 };
  const listed = await site.ctx.repos.posts.list({ types: ['post'] }, page, 'teaser');
  const ids = new Set([...listed.filter((p) => p.title.startsWith(`Story r${round}w`)).map((p) => p.id)]);
  for (const id of acked.keys())
    if (!ids.has(id)) problems.push(`round ${round}: acknowledged post ${id} lost`);
  for (const id of ids) {
    const post = (await site.ctx.repos.posts.findById(id))!;
    const key = /^Story (\S+) save/.exec(post.title)![1]!;
    const seq = seqOfTitle(post.title);
    const expected = savedContent(key, seq);
    const lastAck = acked.get(id) ?? -1;
    if (seq < lastAck || seq > lastAck + 1)
      problems.push(`round ${round}: ${key} holds save ${seq}, last acknowledged ${lastAck}`);
    if (post.status !== expected.status || post.bodyJson !== JSON.stringify(documentFromText(expected.text)))
      problems.push(`round ${round}: ${key} save ${seq} stored half (${post.status})`);
    const revision = await site.ctx.repos.revisions.latest(id);
    if (!revision) {
      problems.push(`round ${round}: ${key} has no revision`);
      continue;
    }
    const snapshot = JSON.parse(revision.snapshot) as { title: string; body: unknown };
    if (snapshot.title !== post.title || JSON.stringify(snapshot.body) !== post.bodyJson)
      problems.push(
        `round ${round}: ${key}'s latest revision is "${snapshot.title}", the post "${post.title}"`,
      );
  }
  return problems;
}

for (const dialect of dialects) {
  describe(`saves killed mid-flight on ${dialect.name}`, { skip: dialect.skip }, () => {
    test(`${rounds} kills: every revision matches its post, every acknowledged save is stored`, async () => {
      const box = await killSandbox(dialect.name, 'save-kill');
      const { env } = box;
      const site = await box.open();
      try {
        const editor = await createStaff(site.ctx, {
          name: 'Kill Editor',
          email: 'kill@news.example',
          role: 'editor',
        });
        const problems: string[] = [];
        let acknowledged = 0;
        for (let round = 0; round < rounds; round++) {
          const acks = workers + ((round * 7) % 23);
          const roundEnv = { ...env, EDITOR_ID: editor.id, ROUND: String(round), WORKERS: String(workers) };
          const { acked } = await runAndKill(roundEnv, acks);
          acknowledged += acked.size;
          problems.push(...(await problemsOfRound(site, round, acked)));
        }
        assert.ok(acknowledged >= rounds, 'the child saved in every round');
        assert.deepEqual(problems, []);
      } finally {
        await site.close();
        await box.destroy();
      }
    });
  });
}
