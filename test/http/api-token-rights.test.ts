import assert from 'node:assert/strict';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../src/domain/integrations/api-tokens.js';
import { bearerClient, signInAs, type AdminClient } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

/** An API token never has more rights than the person who made it has now. */

for (const dialect of dialects) {
  describe(`API token rights on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let owner: AdminClient;

    before(async () => {
      t = await createTestApp(dialect.name);
      owner = await signInAs(t, 'owner');
    });
    after(async () => t?.destroy());

    async function tokenOf(maker: AdminClient, role: string) {
      const res = await maker.request('POST', '/admin/api/tokens', { name: `${role} token`, role });
      assert.equal(res.statusCode, 201, res.body);
      return bearerClient(t, res.json().secret as string);
    }

    test("a suspended administrator's token answers 401: no member export, no new tokens", async () => {
      const admin = await signInAs(t, 'administrator');
      const token = await tokenOf(admin, 'administrator');
      assert.equal((await token('GET', '/admin/api/members')).statusCode, 200, 'works while they are active');
      const suspended = await owner.request('PATCH', `/admin/api/staff/${admin.staffId}`, {
        status: 'suspended',
      });
      assert.equal(suspended.statusCode, 200, suspended.body);
      assert.equal((await token('GET', '/admin/api/members')).statusCode, 401);
      assert.equal((await token('GET', '/admin/api/members/export')).statusCode, 401);
      const minted = await token('POST', '/admin/api/tokens', {
        name: 'Escape hatch',
        role: 'administrator',
      });
      assert.equal(minted.statusCode, 401);
      await owner.request('PATCH', `/admin/api/staff/${admin.staffId}`, { status: 'active' });
      assert.equal((await token('GET', '/admin/api/members')).statusCode, 200, 'back when reactivated');
    });

    test("a demoted creator's token acts with the creator's new, lesser role", async () => {
      const admin = await signInAs(t, 'administrator');
      const token = await tokenOf(admin, 'administrator');
      const demoted = await owner.request('PATCH', `/admin/api/staff/${admin.staffId}`, { role: 'editor' });
      assert.equal(demoted.statusCode, 200, demoted.body);
      assert.equal((await token('GET', '/admin/api/members')).statusCode, 403, 'editors do not see members');
      assert.equal((await token('GET', '/admin/api/tokens')).statusCode, 403);
      const minted = await token('POST', '/admin/api/tokens', {
        name: 'Escape hatch',
        role: 'administrator',
      });
      assert.equal(minted.statusCode, 403);
      assert.equal(
        (await token('GET', '/admin/api/posts')).statusCode,
        200,
        'what editors may do still works',
      );
    });

    test('a token made by a token is bounded by, and dies with, the same creator', async () => {
      const admin = await signInAs(t, 'administrator');
      const token = await tokenOf(admin, 'administrator');
      const child = await token('POST', '/admin/api/tokens', { name: 'Child', role: 'administrator' });
      assert.equal(child.statusCode, 201, child.body);
      assert.equal(child.json().token.createdBy, admin.staffId);
      const childToken = bearerClient(t, child.json().secret as string);
      assert.equal((await childToken('GET', '/admin/api/members')).statusCode, 200);
      await owner.request('PATCH', `/admin/api/staff/${admin.staffId}`, { status: 'suspended' });
      assert.equal((await childToken('GET', '/admin/api/members')).statusCode, 401);
    });

    test('a token cannot make a token above its own effective role', async () => {
      const admin = await signInAs(t, 'administrator');
      const editorToken = await tokenOf(admin, 'editor');
      const res = await editorToken('POST', '/admin/api/tokens', { name: 'Up', role: 'administrator' });
      assert.equal(res.statusCode, 403);
    });

    test('a token whose creator no longer exists answers 401; a shell token keeps its role', async () => {
      const orphan = await createApiToken(
        t.site.ctx,
        { kind: 'staff', role: 'administrator', staffId: 'staff-who-was-deleted', name: 'Gone' },
        { name: 'Orphan', role: 'administrator' },
      );
      assert.equal((await bearerClient(t, orphan.secret)('GET', '/admin/api/posts')).statusCode, 401);
      const shell = await createApiToken(t.site.ctx, systemActor('test'), {
        name: 'From the shell',
        role: 'administrator',
      });
      assert.equal((await bearerClient(t, shell.secret)('GET', '/admin/api/members')).statusCode, 200);
    });
  });
}
