import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/config.js';

test('defaults give a local SQLite site on 127.0.0.1:2368', () => {
  const config = loadConfig({});
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.port, 2368);
  assert.equal(config.databaseUrl, undefined);
  assert.match(config.dataDir, /content$/);
  assert.equal(config.siteUrl, 'http://127.0.0.1:2368');
});

test('HOST, PORT, BROADSHEET_DATA_DIR, DATABASE_URL and BROADSHEET_URL are read', () => {
  const config = loadConfig({
    HOST: '0.0.0.0',
    PORT: '8080',
    BROADSHEET_DATA_DIR: '/srv/news',
    DATABASE_URL: 'postgres://u@db/news',
    BROADSHEET_URL: 'https://news.example/',
  });
  assert.deepEqual(
    [config.host, config.port, config.dataDir, config.databaseUrl, config.siteUrl],
    ['0.0.0.0', 8080, '/srv/news', 'postgres://u@db/news', 'https://news.example'],
  );
});

test('every problem is listed at once', () => {
  assert.throws(
    () => loadConfig({ PORT: '70000', DATABASE_URL: 'sqlite:x', LOG_LEVEL: 'chatty' }),
    (e: ConfigError) =>
      e instanceof ConfigError &&
      e.problems.length === 3 &&
      /PORT/.test(e.message) &&
      /DATABASE_URL/.test(e.message),
  );
});

test('BROADSHEET_TRUSTED_PROXIES takes addresses and CIDR ranges, nothing else', () => {
  assert.deepEqual(loadConfig({ BROADSHEET_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1' }).trustedProxies, [
    '127.0.0.1',
    '10.0.0.0/8',
    '::1',
  ]);
  assert.deepEqual(loadConfig({}).trustedProxies, []);
  for (const bad of ['*', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/8', 'true'])
    assert.throws(
      () => loadConfig({ BROADSHEET_TRUSTED_PROXIES: bad }),
      (e: ConfigError) => e.problems.some((p) => p.startsWith('BROADSHEET_TRUSTED_PROXIES')),
      bad,
    );
});
