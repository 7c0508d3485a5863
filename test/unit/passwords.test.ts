// The site's password hashes: argon2id at the OWASP minimum (the test sites use a cheaper cost, see
// testPasswordHasher in helpers/sites.ts), checked against the right password only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { argon2Hasher } from '../../src/adapters/passwords/argon2-hasher.js';

test('the site hashes passwords with argon2id at 19 MiB, 2 passes and 1 lane', async () => {
  const hash = await argon2Hasher.hash('correct horse battery staple');
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await argon2Hasher.verify(hash, 'correct horse battery staple'), true);
  assert.equal(await argon2Hasher.verify(hash, 'correct horse battery stapler'), false);
  assert.equal(await argon2Hasher.verify('not a hash', 'correct horse battery staple'), false);
});
