import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { memberLinkToken } from '../../src/domain/members/member-links.js';
import { addMember } from '../../src/domain/members/members-admin.js';
import { createNewsletter } from '../../src/domain/newsletters/newsletters.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { databaseSnapshot } from '../helpers/route-table.js';
import { dialects } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

/*
 * The public members' pages take only the fields their own forms send: anything else, in the form
 * or the query string, is answered with a 422 page naming it, and nothing is stored or sent.
 */

const origin = 'https://news.example';
const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();

for (const dialect of dialects) {
  describe(`the members' forms refuse unknown fields on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let newsletterId = '';
    let memberId = '';

    before(async () => {
      t = await createTestApp(dialect.name);
      newsletterId = (await createNewsletter(t.site.ctx, testAdministrator, { name: 'Morning' })).id;
      memberId = (
        await addMember(t.site.ctx, testAdministrator, {
          email: 'reader@example.org',
          newsletterIds: [newsletterId],
        })
      ).id;
    });
    after(async () => t?.destroy());

    /** Sends a request that must be refused naming `properties`, with nothing changed or emailed. */
    async function assertRefused(
      request: { method: 'GET' | 'POST'; url: string; fields?: [string, string][] },
      properties: string[],
    ) {
      const before = JSON.stringify(await databaseSnapshot(t.site.storage.db));
      const mails = t.site.mailLog.length;
      const res = await t.app.inject({
        method: request.method,
        url: request.url,
        remoteAddress: '10.77.0.1',
        headers: {
          origin,
          ...(request.fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(request.fields ? { payload: form(request.fields) } : {}),
      });
      const what = `${request.method} ${request.url}`;
      assert.equal(res.statusCode, 422, `${what}: ${res.body.slice(0, 300)}`);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.equal(res.headers['cache-control'], 'no-store');
      for (const property of properties)
        assert.ok(res.body.includes(`${property}:`), `${what} names ${property}`);
      assert.doesNotMatch(res.body, /evil/, 'the value is not repeated');
      assert.equal(
        JSON.stringify(await databaseSnapshot(t.site.storage.db)),
        before,
        `${what} changed nothing`,
      );
      assert.equal(t.site.mailLog.length, mails, `${what} sent nothing`);
    }

    test('signup: an unknown or repeated field is refused, nothing stored or sent', async () => {
      const valid: [string, string][] = [
        ['language', 'en'],
        ['email', 'new@example.org'],
        ['newsletters', newsletterId],
        ['website', ''],
      ];
      await assertRefused({ method: 'POST', url: '/subscribe/', fields: [...valid, ['note', 'evil']] }, [
        'note',
      ]);
      await assertRefused(
        { method: 'POST', url: '/subscribe/', fields: [...valid, ['email', 'evil@example.org']] },
        ['email'],
      );
      await assertRefused({ method: 'GET', url: '/subscribe/?sent=1&utm=evil' }, ['utm']);
      assert.equal(await t.site.ctx.repos.members.findByEmail('new@example.org'), undefined);
    });

    test('confirm, manage and unsubscribe links: unknown fields are refused, the member unchanged', async () => {
      const manage = await memberLinkToken(t.site.ctx, memberId, 'manage');
      const unsubscribe = await memberLinkToken(t.site.ctx, memberId, 'unsubscribe');
      await assertRefused({ method: 'GET', url: `/members/manage/?token=${manage}&x=evil` }, ['x']);
      await assertRefused(
        {
          method: 'POST',
          url: '/members/manage/',
          fields: [
            ['token', manage],
            ['action', 'delete'],
            ['confirm', 'evil'],
          ],
        },
        ['confirm'],
      );
      await assertRefused(
        {
          method: 'POST',
          url: `/unsubscribe/?token=${unsubscribe}`,
          fields: [
            ['List-Unsubscribe', 'One-Click'],
            ['reason', 'evil'],
          ],
        },
        ['reason'],
      );
      await assertRefused({ method: 'GET', url: `/subscribe/confirm/?token=${'A'.repeat(43)}&x=evil` }, [
        'x',
      ]);
      await assertRefused(
        {
          method: 'POST',
          url: '/subscribe/confirm/',
          fields: [
            ['token', 'A'.repeat(43)],
            ['x', 'evil'],
          ],
        },
        ['x'],
      );
      assert.equal((await t.site.ctx.repos.members.findById(memberId))?.status, 'active');

      // The same requests without the extra field do what they say.
      const unsubscribed = await t.app.inject({
        method: 'POST',
        url: `/unsubscribe/?token=${unsubscribe}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(unsubscribed.statusCode, 200);
      assert.equal((await t.site.ctx.repos.members.findById(memberId))?.status, 'unsubscribed');
    });
  });
}
