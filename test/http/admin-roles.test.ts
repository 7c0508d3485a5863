import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createApiToken } from '../../src/domain/integrations/api-tokens.js';
import { importImage } from '../../src/domain/media/import-image.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { createPromotion } from '../../src/domain/promos/promotions.js';
import { createStaff, staffRoles } from '../../src/domain/staff/staff.js';
import {
  can,
  systemActor,
  type Action,
  type Resource,
  type Role,
  type Target,
} from '../../src/domain/staff/permissions.js';
import { createTag } from '../../src/domain/taxonomy/tags.js';
import { addMember } from '../../src/domain/members/members-admin.js';
import { createNewsletter } from '../../src/domain/newsletters/newsletters.js';
import { createRedirect } from '../../src/domain/redirects/redirects.js';
import { paragraph, signInAs, type AdminClient } from '../helpers/admin.js';
import { makeJpeg } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { testAdministrator } from '../helpers/actors.js';

/**
 * Every Admin API route × every role × read/create/update/delete/publish, on someone else's item,
 * the caller's own draft and the caller's own published item: the answer must match the role
 * matrix in src/domain/staff/permissions.ts (docs/roles.md). Allowed means 2xx; refused means 403,
 * or 404 where even the item's existence is not the caller's to know.
 */

type Ownership = 'others' | 'own-draft' | 'own-published';
type Call = (client: AdminClient, id: string) => Promise<LightMyRequestResponse>;
interface Case {
  resource: Resource;
  action: Action;
  /** Absent for routes on no particular item (lists, creating). */
  ownership?: Ownership;
  call: Call;
  /** When the rule is more than one cell of the matrix: whether the actor may, on this target. */
  expect?: (actor: { role: Role; staffId: string }, target: Target | undefined) => boolean;
}

const ownerships: Ownership[] = ['others', 'own-draft', 'own-published'];
const itemCase = (resource: Resource, action: Action, call: Call): Case[] =>
  ownerships.map((ownership) => ({ resource, action, ownership, call }));

function postCases(type: 'post' | 'page'): Case[] {
  const base = `/admin/api/${type}s`;
  return [
    { resource: type, action: 'read', call: (c) => c.request('GET', base) },
    { resource: type, action: 'create', call: (c) => c.request('POST', base, { title: 'New' }) },
    ...itemCase(type, 'read', (c, id) => c.request('GET', `${base}/${id}`)),
    ...itemCase(type, 'read', (c, id) => c.request('GET', `${base}/${id}/revisions`)),
    ...itemCase(type, 'read', (c, id) => c.request('GET', `${base}/${id}/preview`)),
    ...itemCase(type, 'update', (c, id) =>
      c.request('PATCH', `${base}/${id}`, { body: paragraph('Changed') }),
    ),
    ...itemCase(type, 'delete', (c, id) => c.request('DELETE', `${base}/${id}`)),
    ...itemCase(type, 'publish', (c, id) => c.request('POST', `${base}/${id}/publish`, {})),
    ...itemCase(type, 'publish', (c, id) => c.request('POST', `${base}/${id}/unpublish`)),
  ];
}

const mediaCases: Case[] = [
  { resource: 'media', action: 'read', call: (c) => c.request('GET', '/admin/api/media') },
  ...itemCase('media', 'read', (c, id) => c.request('GET', `/admin/api/media/${id}`)),
  ...itemCase('media', 'update', (c, id) => c.request('PATCH', `/admin/api/media/${id}`, { alt: 'New alt' })),
  ...itemCase('media', 'delete', (c, id) => c.request('DELETE', `/admin/api/media/${id}`)),
];

/** Resources that belong to the site, not to a person: one case per route. */
function siteCases(resource: Resource, base: string, create: () => object, update: object): Case[] {
  return [
    { resource, action: 'read', call: (c) => c.request('GET', base) },
    { resource, action: 'create', call: (c) => c.request('POST', base, create()) },
    {
      resource,
      action: 'update',
      ownership: 'others',
      call: (c, id) => c.request('PATCH', `${base}/${id}`, update),
    },
    {
      resource,
      action: 'delete',
      ownership: 'others',
      call: (c, id) => c.request('DELETE', `${base}/${id}`),
    },
  ];
}

let unique = 0;
/** A newsletter and a post the newsletter cases use, made before the cases run. */
let letterId = '';
let sharedPostId = '';
/** The app of the running suite (for the one case that sends a non-JSON body). */
let appUnderTest: TestApp;
const cases: Case[] = [
  ...postCases('post'),
  ...postCases('page'),
  ...mediaCases,
  ...siteCases('tag', '/admin/api/tags', () => ({ name: 'A tag' }), { description: 'Changed' }),
  ...siteCases(
    'promotion',
    '/admin/api/promotions',
    () => ({ title: 'Book', linkUrl: '/shop/', ctaLabel: 'Buy', slot: 'sidebar' }),
    { title: 'Changed' },
  ),
  ...siteCases('redirect', '/admin/api/redirects', () => ({ fromPath: `/from-${++unique}/`, toUrl: '/' }), {
    statusCode: 302,
  }),
  ...siteCases('newsletter', '/admin/api/newsletters', () => ({ name: `Letter ${++unique}` }), {
    footer: 'Changed',
  }),
  ...siteCases(
    'member',
    '/admin/api/members',
    () => ({ email: `reader${++unique}@example.org`, newsletterIds: [] }),
    { name: 'Changed' },
  ),
  { resource: 'member', action: 'read', call: (c) => c.request('GET', '/admin/api/members/export') },
  {
    resource: 'member',
    action: 'create',
    call: (c) =>
      appUnderTest.app.inject({
        method: 'POST',
        url: '/admin/api/members/import',
        headers: { ...c.headers, 'content-type': 'text/csv' },
        payload: `email\nimported${++unique}@example.org\n`,
      }),
  },
  { resource: 'staff', action: 'read', call: (c) => c.request('GET', '/admin/api/staff') },
  {
    resource: 'staff',
    action: 'create',
    call: (c) =>
      c.request('POST', '/admin/api/staff/invitations', {
        email: `new${++unique}@news.example`,
        role: 'author',
      }),
  },
  { resource: 'staff', action: 'create', call: (c) => c.request('GET', '/admin/api/staff/invitations') },
  {
    resource: 'staff',
    action: 'update',
    ownership: 'others',
    call: (c, id) => c.request('PATCH', `/admin/api/staff/${id}`, { role: 'contributor' }),
  },
  // Send reports name members' addresses: only those who may send newsletters list them.
  { resource: 'newsletter', action: 'publish', call: (c) => c.request('GET', '/admin/api/sends') },
  // Before sending: the test send and the recipient count are for those who may send; the preview
  // also for anyone who reads newsletters and may edit the post (an author, their own).
  {
    resource: 'newsletter',
    action: 'publish',
    call: (c) => c.request('POST', `/admin/api/newsletters/${letterId}/test-send`, { postId: sharedPostId }),
  },
  {
    resource: 'newsletter',
    action: 'publish',
    call: (c) => c.request('GET', `/admin/api/newsletters/recipient-count?newsletterIds=${letterId}`),
  },
  ...itemCase('post', 'update', (c, id) =>
    c.request('GET', `/admin/api/newsletters/${letterId}/preview?postId=${id}`),
  ).map((c) => ({
    ...c,
    expect: (actor: { role: Role; staffId: string }, target: Target | undefined) =>
      can(actor, 'publish', 'newsletter') ||
      (can(actor, 'read', 'newsletter') && can(actor, 'update', 'post', target)),
  })),
  { resource: 'settings', action: 'read', call: (c) => c.request('GET', '/admin/api/settings') },
  // Imports write everything a site holds: the roles that may change the settings (owner, administrator).
  { resource: 'settings', action: 'update', call: (c) => c.request('GET', '/admin/api/imports') },
  {
    resource: 'settings',
    action: 'update',
    call: (c) => c.request('PATCH', '/admin/api/settings', { description: 'Changed' }),
  },
  { resource: 'integration', action: 'read', call: (c) => c.request('GET', '/admin/api/tokens') },
  {
    resource: 'integration',
    action: 'create',
    call: (c) => c.request('POST', '/admin/api/tokens', { name: 'Sync', role: 'contributor' }),
  },
  {
    resource: 'integration',
    action: 'delete',
    ownership: 'others',
    call: (c, id) => c.request('DELETE', `/admin/api/tokens/${id}`),
  },
];

for (const dialect of dialects) {
  describe(`Admin API routes × roles on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    const clients = new Map<Role, AdminClient>();
    let someoneElse: AdminClient;
    let smtp: TestSmtpServer;

    before(async () => {
      smtp = await startSmtpServer();
      t = await createTestApp(dialect.name, {}, { smtpPort: smtp.port });
      appUnderTest = t;
      letterId = (
        await createNewsletter(t.site.ctx, testAdministrator, {
          name: 'Cases',
          senderEmail: 'brief@news.example',
        })
      ).id;
      sharedPostId = await createPost(t.site.ctx, { title: 'Shared', status: 'published' });
      for (const role of staffRoles) clients.set(role, await signInAs(t, role, `The ${role}`));
      someoneElse = await signInAs(t, 'editor', 'Someone Else');
    });
    after(async () => {
      await t?.destroy();
      await smtp?.close();
    });

    /** A fresh item for one case, owned by `ownerId`; returns its id and the target the rule sees. */
    async function makeItem(resource: Resource, ownerId: string, isPublished: boolean): Promise<string> {
      const ctx = t.site.ctx;
      const n = ++unique;
      switch (resource) {
        case 'post':
        case 'page':
          return createPost(ctx, {
            type: resource,
            title: `Item ${n}`,
            authorIds: [ownerId],
            status: isPublished ? 'published' : 'draft',
          });
        case 'media':
          return (
            await importImage(ctx, {
              bytes: await makeJpeg(64, 64),
              originalName: 'x.jpg',
              uploadedBy: ownerId,
            })
          ).id;
        case 'tag':
          return (await createTag(ctx, testAdministrator, { name: `Tag ${n}` })).id;
        case 'promotion':
          return (
            await createPromotion(ctx, testAdministrator, {
              title: 'P',
              linkUrl: '/p/',
              ctaLabel: 'Go',
              slot: 'sidebar',
            })
          ).id;
        case 'redirect':
          return (
            await createRedirect(
              ctx,
              { kind: 'staff', role: 'owner', staffId: ownerId, name: 'x' },
              {
                fromPath: `/r-${n}/`,
                toUrl: '/',
              },
            )
          ).id;
        case 'staff':
          return (
            await createStaff(ctx, { name: `Member ${n}`, email: `member${n}@news.example`, role: 'author' })
          ).id;
        case 'newsletter':
          return (await createNewsletter(ctx, testAdministrator, { name: `Letter ${n}` })).id;
        case 'member':
          return (await addMember(ctx, testAdministrator, { email: `item${n}@example.org` })).id;
        case 'integration':
          return (await createApiToken(ctx, systemActor('test'), { name: `T ${n}`, role: 'editor' })).token
            .id;
        default:
          throw new Error(`no factory for ${resource}`);
      }
    }

    for (const role of staffRoles) {
      test(`${role}: every route answers as the matrix says`, async () => {
        const client = clients.get(role)!;
        const mismatches: string[] = [];
        for (const c of cases) {
          let id = '';
          let target: Target | undefined;
          if (c.ownership) {
            const ownerId = c.ownership === 'others' ? someoneElse.staffId : client.staffId;
            const isPublished = c.ownership === 'own-published';
            id = await makeItem(c.resource, ownerId, isPublished);
            target = { ownerIds: [ownerId], isPublished };
          }
          const actor = { role, staffId: client.staffId };
          const expected = c.expect ? c.expect(actor, target) : can(actor, c.action, c.resource, target);
          const res = await c.call(client, id);
          const isAllowed = res.statusCode >= 200 && res.statusCode < 300;
          const isRefused = res.statusCode === 403 || (res.statusCode === 404 && c.action === 'read');
          const ok = expected
            ? isAllowed
            : isRefused || (res.statusCode === 404 && c.ownership !== undefined);
          if (!ok)
            mismatches.push(
              `${c.action} ${c.resource} (${c.ownership ?? 'no item'}): expected ${expected ? 'allowed' : 'refused'}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
            );
        }
        assert.deepEqual(mismatches, []);
      });
    }

    test('a contributor’s post list holds only their own posts, whatever filter they send', async () => {
      const contributor = clients.get('contributor')!;
      await makeItem('post', someoneElse.staffId, false);
      const own = await makeItem('post', contributor.staffId, false);
      const list = async (query: string) =>
        (await contributor.request('GET', `/admin/api/posts${query}`))
          .json()
          .posts.map((p: { id: string }) => p.id);
      const mine = await list('?limit=100');
      assert.ok(mine.includes(own));
      for (const id of mine) {
        const post = (await contributor.request('GET', `/admin/api/posts/${id}`)).json().post;
        assert.ok(post.authors.some((a: { id: string }) => a.id === contributor.staffId));
      }
      assert.deepEqual(await list(`?authorId=${someoneElse.staffId}`), []);
    });

    test('a contributor cannot publish by saving a status, nor leave their own post', async () => {
      const contributor = clients.get('contributor')!;
      const created = await contributor.request('POST', '/admin/api/posts', {
        title: 'Sneaky',
        status: 'published',
      });
      assert.equal(created.statusCode, 403);
      const draft = (await contributor.request('POST', '/admin/api/posts', { title: 'Honest' })).json().post;
      const patch = (body: object) => contributor.request('PATCH', `/admin/api/posts/${draft.id}`, body);
      assert.equal((await patch({ status: 'published' })).statusCode, 403);
      assert.equal((await patch({ authorIds: [someoneElse.staffId] })).statusCode, 403);
      assert.equal(
        (await contributor.request('GET', `/admin/api/posts/${draft.id}`)).json().post.status,
        'draft',
      );
    });
  });
}
