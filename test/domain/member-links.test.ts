import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { memberLinkToken, verifyMemberLinkToken } from '../../src/domain/members/member-links.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

for (const dialect of dialects) {
  describe(`signed member links on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    before(async () => {
      site = await createTestSite(dialect.name);
    });
    after(async () => site?.destroy());

    test('a link verifies for its member and purpose only, and cannot be forged', async () => {
      const token = await memberLinkToken(site.ctx, 'member-1', 'unsubscribe');
      assert.equal(await verifyMemberLinkToken(site.ctx, token, 'unsubscribe'), 'member-1');
      assert.equal(await memberLinkToken(site.ctx, 'member-1', 'unsubscribe'), token, 'stable');
      assert.equal(await verifyMemberLinkToken(site.ctx, token, 'manage'), null, 'other purpose');
      const [, purpose, signature] = token.split('.');
      assert.equal(
        await verifyMemberLinkToken(site.ctx, `member-2.${purpose}.${signature}`, 'unsubscribe'),
        null,
      );
      for (const forged of [
        '',
        'x',
        `${token}.x`,
        token.slice(0, -1),
        'member-1.unsubscribe.',
        'a'.repeat(500),
      ])
        assert.equal(await verifyMemberLinkToken(site.ctx, forged, 'unsubscribe'), null, forged);
    });
  });
}
