import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { limits, take } from '../../src/domain/limits/rate-limits.js';
import { signInAs } from '../helpers/admin.js';
import { makeJpeg } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/http.js';
import { dialects } from '../helpers/sites.js';

for (const dialect of dialects) {
  describe(`uploads per account on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect.name);
    });
    after(async () => t?.destroy());

    test('60 uploads an hour per account, counted in the database', async () => {
      const editor = await signInAs(t, 'editor');
      const other = await signInAs(t, 'editor');
      // 59 uploads already counted for this account (by any process sharing the database).
      for (let i = 0; i < 59; i++) await take(t.site.ctx, limits.uploadsPerAccount, editor.staffId);
      const upload = async (client: typeof editor) =>
        t.app.inject({
          method: 'POST',
          url: '/admin/api/media?filename=a.jpg',
          headers: { ...client.headers, 'content-type': 'image/jpeg' },
          payload: await makeJpeg(40, 30),
        });
      assert.equal((await upload(editor)).statusCode, 201, 'the 60th');
      const refused = await upload(editor);
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.json().errors[0].code, 'RATE_LIMITED');
      assert.ok(Number(refused.headers['retry-after']) > 0);
      assert.equal((await upload(other)).statusCode, 201, 'another account has its own count');
    });
  });
}
