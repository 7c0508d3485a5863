import assert from 'node:assert/strict';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../src/domain/integrations/api-tokens.js';
import { createImportJob } from '../../src/domain/import/import-jobs.js';
import { requestMemberImport } from '../../src/domain/members/member-import.js';
import { addMember } from '../../src/domain/members/members-admin.js';
import { importImage } from '../../src/domain/media/import-image.js';
import { createNewsletter } from '../../src/domain/newsletters/newsletters.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { createPromotion } from '../../src/domain/promos/promotions.js';
import { createRedirect } from '../../src/domain/redirects/redirects.js';
import { unknownFieldMessage } from '../../src/domain/shared/validate.js';
import { inviteStaff } from '../../src/domain/staff/invitations.js';
import { createTag } from '../../src/domain/taxonomy/tags.js';
import { signInAs, testPassword, type AdminClient } from '../helpers/admin.js';
import { makeJpeg } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { databaseSnapshot, routeTable } from '../helpers/route-table.js';
import { dialects } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

/*
 * Issue 8: every Admin API route in Fastify's route table refuses an unknown field (in the query
 * string, at the top of the body, nested in it) with 422 naming exactly that field, and changes
 * nothing in the database. Each case is otherwise valid in shape: the unknown field is the only
 * problem reported.
 */

const unknown = 'zzUnknown';
type Ids = Record<string, string>;
interface Case {
  /** The URL's parameters: which fixture each `:param` names. */
  params?: (ids: Ids) => Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body; `nested` are paths in it where an unknown key is put, one request each. */
  body?: (ids: Ids) => Record<string, unknown>;
  nested?: string[];
  /** A body that is not JSON (an upload, a CSV file): only the query is tried. */
  raw?: (ids: Ids) => Promise<{ contentType: string; payload: Buffer | string }>;
}

const doc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Head' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Link', marks: [{ type: 'link', attrs: { href: 'https://a.example/' } }] },
      ],
    },
  ],
};
const postBody = (ids: Ids) => ({
  title: 'Strict',
  body: doc,
  sources: [{ publisher: 'Pub', url: 'https://src.example/a' }],
  featuredImage: { mediaId: ids.media!, alt: 'Alt' },
});
const postNested = [
  'sources.0',
  'featuredImage',
  'body',
  'body.content.0.attrs',
  'body.content.1.content.0',
  'body.content.1.content.0.marks.0.attrs',
];

function postCases(type: 'post' | 'page'): Record<string, Case> {
  const base = `/admin/api/${type}s`;
  const id = (ids: Ids) => ({ id: ids[type]! });
  return {
    [`GET ${base}`]: { query: { status: 'draft', limit: '5' } },
    [`POST ${base}`]: { body: postBody, nested: postNested },
    [`GET ${base}/:id`]: { params: id },
    [`PATCH ${base}/:id`]: {
      params: id,
      body: (ids) => ({ ...postBody(ids), autosave: true }),
      nested: postNested,
    },
    [`DELETE ${base}/:id`]: { params: id },
    [`POST ${base}/:id/publish`]: {
      params: id,
      body: () => ({ publishedAt: '2031-01-01T09:00:00Z', newsletterIds: [] }),
    },
    [`POST ${base}/:id/unpublish`]: { params: id },
    [`GET ${base}/:id/preview`]: { params: id },
    [`GET ${base}/:id/revisions`]: { params: id },
    [`POST ${base}/:id/revisions/:revisionId/restore`]: {
      params: (ids) => ({ id: ids[type]!, revisionId: ids[`${type}Revision`]! }),
    },
    [`GET ${base}/:id/notes`]: { params: id },
    [`POST ${base}/:id/notes`]: { params: id, body: () => ({ kind: 'correction', body: 'Was wrong.' }) },
  };
}

const byId = (name: string) => (ids: Ids) => ({ id: ids[name]! });
const cases: Record<string, Case> = {
  'POST /admin/api/sends/corrections': { body: (ids) => ({ postId: ids.post!, noteId: ids.post! }) },
  'GET /admin/api/session': {},
  'POST /admin/api/session': { body: () => ({ email: 'owner@news.example', password: testPassword }) },
  'DELETE /admin/api/session': {},
  'POST /admin/api/session/second-step': { body: () => ({ code: '123456' }) },
  'POST /admin/api/session/link': { body: () => ({ email: 'owner@news.example' }) },
  'POST /admin/api/session/link/complete': { body: () => ({ token: 'A'.repeat(43) }) },
  'GET /admin/api/profile/totp': {},
  'POST /admin/api/profile/totp': {},
  'POST /admin/api/profile/totp/confirm': { body: () => ({ code: '123456' }) },
  'POST /admin/api/profile/totp/disable': { body: () => ({ password: testPassword, code: '123456' }) },
  'GET /admin/api/setup': {},
  'POST /admin/api/setup': {
    body: () => ({ siteTitle: 'S', name: 'N', email: 'n@news.example', password: testPassword }),
  },
  'GET /admin/api/settings': {},
  'PATCH /admin/api/settings': {
    body: () => ({ description: 'New', navigation: [{ label: 'Home', url: '/' }] }),
    nested: ['navigation.0'],
  },
  'GET /admin/api/sends': { query: { postId: 'x' } },
  'GET /admin/api/sends/:id': { params: () => ({ id: 'no-such-send' }) },
  'GET /admin/api/staff': {},
  'PATCH /admin/api/staff/:id': { params: byId('staff'), body: () => ({ role: 'author' }) },
  'GET /admin/api/staff/invitations': {},
  'POST /admin/api/staff/invitations': { body: () => ({ email: 'new@news.example', role: 'author' }) },
  'DELETE /admin/api/staff/invitations/:id': { params: byId('invitation') },
  'PATCH /admin/api/profile': { body: () => ({ name: 'Renamed' }) },
  'POST /admin/api/profile/password': {
    body: () => ({ currentPassword: testPassword, newPassword: 'another long passphrase here' }),
  },
  'GET /admin/api/mail': {},
  'POST /admin/api/password-reset': { body: () => ({ email: 'owner@news.example' }) },
  'POST /admin/api/password-reset/complete': {
    body: () => ({ token: 'A'.repeat(43), password: 'another long passphrase here' }),
  },
  'POST /admin/api/invitations/accept': {
    body: () => ({ token: 'A'.repeat(43), name: 'New', password: 'another long passphrase here' }),
  },
  ...postCases('post'),
  ...postCases('page'),
  'GET /admin/api/sources': { query: { state: 'gone', limit: '10' } },
  'GET /admin/api/sources/:id': { params: byId('source') },
  'POST /admin/api/sources/:id/archive': { params: byId('source') },
  'GET /admin/api/media': { query: { page: '1' } },
  'POST /admin/api/media': {
    query: { filename: 'x.jpg' },
    raw: async () => ({ contentType: 'image/jpeg', payload: await makeJpeg(32, 32) }),
  },
  'GET /admin/api/media/:id': { params: byId('media') },
  'PATCH /admin/api/media/:id': { params: byId('media'), body: () => ({ alt: 'New alt' }) },
  'DELETE /admin/api/media/:id': { params: byId('media') },
  'GET /admin/api/tags': {},
  'POST /admin/api/tags': { body: () => ({ name: 'New tag' }) },
  'PATCH /admin/api/tags/:id': { params: byId('tag'), body: () => ({ description: 'New' }) },
  'DELETE /admin/api/tags/:id': { params: byId('tag') },
  'GET /admin/api/promotions': {},
  'POST /admin/api/promotions': { body: () => ({ title: 'Book', linkUrl: '/shop/' }) },
  'PATCH /admin/api/promotions/:id': { params: byId('promotion'), body: () => ({ title: 'New' }) },
  'DELETE /admin/api/promotions/:id': { params: byId('promotion') },
  'GET /admin/api/redirects': {},
  'POST /admin/api/redirects': { body: () => ({ fromPath: '/new-old/', toUrl: '/' }) },
  'PATCH /admin/api/redirects/:id': { params: byId('redirect'), body: () => ({ statusCode: 302 }) },
  'DELETE /admin/api/redirects/:id': { params: byId('redirect') },
  'GET /admin/api/tokens': {},
  'POST /admin/api/tokens': { body: () => ({ name: 'Sync', role: 'editor' }) },
  'DELETE /admin/api/tokens/:id': { params: byId('token') },
  'GET /admin/api/newsletters': {},
  'POST /admin/api/newsletters': { body: () => ({ name: 'Evening' }) },
  'PATCH /admin/api/newsletters/:id': { params: byId('newsletter'), body: () => ({ footer: 'New' }) },
  'DELETE /admin/api/newsletters/:id': { params: byId('newsletter') },
  'POST /admin/api/newsletters/:id/sends': {
    params: byId('newsletter'),
    body: (ids) => ({ postId: ids.post! }),
  },
  'GET /admin/api/newsletters/:id/preview': { params: byId('newsletter'), query: { postId: 'x' } },
  'POST /admin/api/newsletters/:id/test-send': {
    params: byId('newsletter'),
    body: (ids) => ({ postId: ids.post! }),
  },
  'GET /admin/api/newsletters/recipient-count': { query: { newsletterIds: 'x' } },
  'GET /admin/api/members': { query: { status: 'active', q: 'reader' } },
  'POST /admin/api/members': { body: () => ({ email: 'new-reader@example.org' }) },
  'PATCH /admin/api/members/:id': { params: byId('member'), body: () => ({ name: 'New' }) },
  'DELETE /admin/api/members/:id': { params: byId('member') },
  'GET /admin/api/members/export': {},
  'GET /admin/api/members/imports/:id': { params: byId('memberImport'), query: { afterLine: '0' } },
  'GET /admin/api/imports': {},
  'POST /admin/api/imports': { body: () => ({ source: 'wordpress' }) },
  'GET /admin/api/imports/:id': { params: byId('importJob') },
  'POST /admin/api/imports/:id/files': {
    params: byId('importJob'),
    query: { filename: 'export.xml' },
    raw: async () => ({ contentType: 'application/octet-stream', payload: '<rss>' }),
  },
  'POST /admin/api/imports/:id/plan': { params: byId('importJob') },
  'POST /admin/api/imports/:id/run': { params: byId('importJob') },
  'POST /admin/api/imports/:id/cancel': { params: byId('importJob') },
  'POST /admin/api/members/import': {
    raw: async () => ({ contentType: 'text/csv', payload: 'email\nimported@example.org\n' }),
  },
};

/** A copy of `body` with an unknown key put in the object at `path` (`''` is the top). */
function withUnknownAt(body: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string, unknown> = copy;
  for (const key of path ? path.split('.') : []) node = node[key] as Record<string, unknown>;
  assert.ok(node && typeof node === 'object', `no object at ${path}`);
  node[unknown] = 'x';
  return copy;
}

const urlOf = (path: string, params: Record<string, string>, query: Record<string, string>) => {
  const filled = path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = new URLSearchParams(query).toString();
  return search ? `${filled}?${search}` : filled;
};

for (const dialect of dialects) {
  describe(`unknown fields are refused on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let owner: AdminClient;
    const ids: Ids = {};

    before(async () => {
      t = await createTestApp(dialect.name);
      owner = await signInAs(t, 'owner', 'Owner');
      const ctx = t.site.ctx;
      const actor = { kind: 'staff' as const, role: 'owner' as const, staffId: owner.staffId, name: 'Owner' };
      const media = await importImage(ctx, { bytes: await makeJpeg(64, 64), originalName: 'a.jpg' });
      ids.media = media.id;
      for (const type of ['post', 'page'] as const) {
        const created = await owner.request('POST', `/admin/api/${type}s`, { title: `A ${type}` });
        ids[type] = created.json().post.id;
        const revisions = await owner.request('GET', `/admin/api/${type}s/${ids[type]}/revisions`);
        ids[`${type}Revision`] = revisions.json().revisions[0].id;
      }
      ids.staff = (await signInAs(t, 'editor', 'Eddie Editor')).staffId;
      await inviteStaff(ctx, actor, { email: 'invited@news.example', role: 'author' });
      ids.invitation = (await ctx.repos.invitations.listPending(new Date().toISOString()))[0]!.id;
      ids.tag = (await createTag(ctx, testAdministrator, { name: 'Topic' })).id;
      ids.promotion = (await createPromotion(ctx, testAdministrator, { title: 'P', linkUrl: '/p/' })).id;
      ids.redirect = (await createRedirect(ctx, actor, { fromPath: '/old/', toUrl: '/' })).id;
      ids.token = (await createApiToken(ctx, systemActor('test'), { name: 'T', role: 'editor' })).token.id;
      ids.newsletter = (await createNewsletter(ctx, testAdministrator, { name: 'Morning' })).id;
      ids.member = (await addMember(ctx, testAdministrator, { email: 'reader@example.org' })).id;
      ids.memberImport = (
        await requestMemberImport(ctx, testAdministrator, { csv: 'email\na@example.org\n', createdBy: null })
      ).id;
      await createPost(ctx, { type: 'post', title: 'Published', status: 'published' });
      ids.importJob = (await createImportJob(ctx, testAdministrator, { source: 'wordpress' })).job.id;
      const cited = await createPost(ctx, {
        title: 'Cited',
        status: 'published',
        sources: [{ publisher: 'Ledger', title: '', url: 'https://ledger.example/a', note: '' }],
      });
      ids.source = (await ctx.repos.sources.ofPost(cited))[0]!.id;
    });
    after(async () => t?.destroy());

    test('every Admin API route has a case here, and every case a route', () => {
      const served = routeTable(t.app)
        .filter((r) => r.path.startsWith('/admin/api/') && !r.path.includes('*'))
        .map((r) => `${r.method} ${r.path}`);
      assert.ok(served.length >= 60, `only ${served.length} Admin API routes read`);
      assert.deepEqual(served.filter((route) => !(route in cases)).sort(), [], 'routes without a case');
      assert.deepEqual(
        Object.keys(cases)
          .filter((route) => !served.includes(route))
          .sort(),
        [],
        'stale cases',
      );
    });

    test('the database snapshot sees the site’s rows', async () => {
      const snapshot = await databaseSnapshot(t.site.storage.db);
      assert.ok((snapshot.posts?.length ?? 0) >= 3, 'posts in the snapshot');
      assert.ok((snapshot.staff_sessions?.length ?? 0) >= 2, 'sessions in the snapshot');
    });

    test('an unknown field in the query, the body or nested in it: 422 naming it, nothing stored', async () => {
      const problems: string[] = [];
      for (const [route, c] of Object.entries(cases)) {
        const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE', string];
        const params = c.params?.(ids) ?? {};
        const attempts: { what: string; url: string; property: string; body?: object; raw?: Case['raw'] }[] =
          [
            {
              what: 'query',
              url: urlOf(path, params, { ...c.query, [unknown]: '1' }),
              property: unknown,
              ...(c.body ? { body: c.body(ids) } : {}),
              ...(c.raw ? { raw: c.raw } : {}),
            },
          ];
        if (c.body)
          for (const at of ['', ...(c.nested ?? [])])
            attempts.push({
              what: `body ${at || '(top)'}`,
              url: urlOf(path, params, c.query ?? {}),
              property: at ? `${at}.${unknown}` : unknown,
              body: withUnknownAt(c.body(ids), at),
            });
        for (const attempt of attempts) {
          const before = await databaseSnapshot(t.site.storage.db);
          const raw = attempt.raw && (await attempt.raw(ids));
          const res = await t.app.inject({
            method,
            url: attempt.url,
            headers: { ...owner.headers, ...(raw ? { 'content-type': raw.contentType } : {}) },
            ...(raw ? { payload: raw.payload } : attempt.body ? { payload: attempt.body } : {}),
          });
          const expected = [{ code: 'VALIDATION', message: unknownFieldMessage, property: attempt.property }];
          const answer = res.statusCode === 422 ? res.json().errors : res.body.slice(0, 200);
          if (res.statusCode !== 422 || JSON.stringify(answer) !== JSON.stringify(expected))
            problems.push(`${route} (${attempt.what}): ${res.statusCode} ${JSON.stringify(answer)}`);
          else if (JSON.stringify(await databaseSnapshot(t.site.storage.db)) !== JSON.stringify(before))
            problems.push(`${route} (${attempt.what}): the database changed`);
        }
      }
      assert.deepEqual(problems, []);
    });
  });
}
