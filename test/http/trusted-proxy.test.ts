import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { adminOrigin } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/http.js';

/** 21 sign-in attempts, each from a different claimed address and for a different account. */
async function statusesOfSpreadAttempts(t: TestApp, remoteAddress: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/api/session',
      remoteAddress,
      headers: { origin: adminOrigin, 'x-forwarded-for': `203.0.113.${i + 1}` },
      payload: { email: `nobody${i}@news.example`, password: 'wrong password here' },
    });
    statuses.push(res.statusCode);
  }
  return statuses;
}

describe('X-Forwarded-For', () => {
  test('is ignored by default: a client cannot dodge the per-address limit by claiming addresses', async () => {
    const t = await createTestApp('sqlite');
    try {
      const statuses = await statusesOfSpreadAttempts(t, '198.51.100.7');
      assert.equal(statuses.at(-1), 429);
    } finally {
      await t.destroy();
    }
  });

  test('is believed only from a proxy listed in BROADSHEET_TRUSTED_PROXIES', async () => {
    const t = await createTestApp('sqlite', { BROADSHEET_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1' });
    try {
      const viaProxy = await statusesOfSpreadAttempts(t, '10.1.2.3');
      assert.ok(!viaProxy.includes(429), 'each real client address has its own allowance');
      const direct = await statusesOfSpreadAttempts(t, '198.51.100.7');
      assert.equal(direct.at(-1), 429, 'a client that is not a listed proxy is counted by its own address');
    } finally {
      await t.destroy();
    }
  });
});
