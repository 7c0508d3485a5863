/*
 * Run by save-kill.test.ts as a real process: WORKERS editors save at once, each its own posts one
 * save after another (create, then updates), and say "ack ID SEQ" on standard output after every
 * save that returned. The test kills it with SIGKILL while saves are in flight.
 */
import { loadConfig } from '../../src/config/config.js';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { createPostAs, updatePostAs } from '../../src/domain/posts/editorial.js';
import type { AdminActor } from '../../src/domain/staff/permissions.js';
import { openSite } from '../../src/main.js';
import { savedContent } from './save-kill-content.js';

const schema = process.env.TEST_POSTGRES_SCHEMA;
const site = await openSite(loadConfig(process.env), schema ? { postgresSchema: schema } : {});
const actor: AdminActor = {
  kind: 'staff',
  role: 'editor',
  staffId: process.env.EDITOR_ID!,
  name: 'Kill Test Editor',
};
const round = Number(process.env.ROUND);
const workers = Number(process.env.WORKERS);

async function worker(w: number): Promise<void> {
  const first = savedContent(`r${round}w${w}`, 0);
  const post = await createPostAs(site.ctx, actor, {
    title: first.title,
    status: first.status,
    body: documentFromText(first.text),
  });
  process.stdout.write(`ack ${post.id} 0\n`);
  for (let seq = 1; ; seq++) {
    const next = savedContent(`r${round}w${w}`, seq);
    await updatePostAs(site.ctx, actor, 'post', post.id, {
      title: next.title,
      status: next.status,
      body: documentFromText(next.text),
    });
    process.stdout.write(`ack ${post.id} ${seq}\n`);
  }
}

process.stdout.write('ready\n');
await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
