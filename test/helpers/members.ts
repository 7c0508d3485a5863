import type { Kysely } from 'kysely';
import type { Database } from '../../src/storage/tables.js';
import type { AdminClient } from './admin.js';
import type { TestApp } from './http.js';

/*
 * Newsletters and members written straight to their tables (migration 005), so the sending tests do
 * not depend on the members code.
 */

let n = 0;

export async function aNewsletter(
  db: Kysely<Database>,
  fields: Partial<{ slug: string; name: string; replyTo: string; footer: string }> = {},
): Promise<{ id: string; slug: string }> {
  const id = `nl${++n}${Date.now().toString(36)}`;
  const slug = fields.slug ?? `letter-${n}`;
  const now = new Date().toISOString();
  await db
    .insertInto('newsletters')
    .values({
      id,
      slug,
      name: fields.name ?? 'The Morning Brief',
      language: 'en',
      sender_name: 'Fjord Post',
      sender_email: 'brief@news.example',
      reply_to: fields.replyTo ?? '',
      footer: fields.footer ?? 'You get this because you signed up at news.example.',
      is_active: 1,
      sort_order: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, slug };
}

/** `count` members (status `active` unless told), subscribed to the newsletter unless `isSubscribed` is false. */
export async function addMembers(
  db: Kysely<Database>,
  newsletterId: string,
  count: number,
  options: { prefix?: string; status?: string; isSubscribed?: boolean } = {},
): Promise<{ id: string; email: string }[]> {
  const prefix = options.prefix ?? `m${++n}`;
  const now = new Date().toISOString();
  const members = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${String(i).padStart(6, '0')}`,
    email: `${prefix}-${i}@readers.example`,
  }));
  for (let i = 0; i < members.length; i += 500) {
    const chunk = members.slice(i, i + 500);
    await db
      .insertInto('members')
      .values(
        chunk.map((m) => ({
          id: m.id,
          email: m.email,
          name: '',
          status: options.status ?? 'active',
          consent_source: 'import',
          consent_at: now,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    if (options.isSubscribed !== false)
      await db
        .insertInto('member_newsletters')
        .values(chunk.map((m) => ({ member_id: m.id, newsletter_id: newsletterId, created_at: now })))
        .execute();
  }
  return members;
}

export interface ImportJson {
  id: string;
  status: 'queued' | 'done';
  totalLines: number;
  linesDone: number;
  imported: number;
  updated: number;
  skipped: number;
  errors: { line: number; email: string; message: string }[];
}

/** `POST /admin/api/members/import` with the file as the body. */
export const postImport = (t: TestApp, client: AdminClient, csv: string) =>
  t.app.inject({
    method: 'POST',
    url: '/admin/api/members/import',
    headers: { ...client.headers, 'content-type': 'text/csv' },
    payload: csv,
  });

/**
 * Polls the import's progress until the job has finished it (or `timeoutMs` passed), as the admin's
 * progress bar does; returns the last answer with the whole per-line report.
 */
export async function awaitImport(
  t: TestApp,
  client: AdminClient,
  id: string,
  timeoutMs = 600_000,
): Promise<ImportJson> {
  const deadline = Date.now() + timeoutMs;
  const errors: ImportJson['errors'] = [];
  for (;;) {
    const afterLine = errors.at(-1)?.line ?? 0;
    const res = await client.request('GET', `/admin/api/members/imports/${id}?afterLine=${afterLine}`);
    if (res.statusCode !== 200) throw new Error(`progress answered ${res.statusCode}: ${res.body}`);
    const progress = res.json().import as ImportJson;
    errors.push(...progress.errors);
    if (progress.status === 'done' && progress.errors.length === 0) return { ...progress, errors };
    if (Date.now() > deadline) throw new Error(`import ${id} not done: ${JSON.stringify(progress)}`);
    if (progress.errors.length === 0) await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
