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

test('SMTP_URL and MAIL_FROM are read; without SMTP_URL there is no mail server', () => {
  const config = loadConfig({
    SMTP_URL: 'smtps://user:secret@mail.example:465',
    MAIL_FROM: 'Fjord Post <newsroom@news.example>',
  });
  assert.equal(config.smtpUrl, 'smtps://user:secret@mail.example:465');
  assert.equal(config.mailFrom, 'Fjord Post <newsroom@news.example>');
  assert.equal(loadConfig({}).smtpUrl, undefined);
  assert.equal(
    loadConfig({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'a@news.example' }).mailFrom,
    'a@news.example',
  );
});

test('a bad SMTP_URL, a missing MAIL_FROM and a PORT are listed together, without the password', () => {
  assert.throws(
    () => loadConfig({ SMTP_URL: 'https://user:hunter2secret@mail.example', PORT: 'x' }),
    (e: ConfigError) =>
      e.problems.length === 3 &&
      /SMTP_URL: must be an smtp/.test(e.message) &&
      /MAIL_FROM: must be set when SMTP_URL is set/.test(e.message) &&
      !e.message.includes('hunter2secret'),
  );
});

test('MAIL_FROM must be one address with no line break', () => {
  for (const from of [
    'newsroom@news.example\r\nBcc: x@y.example',
    'Fjord <newsroom@news.example>\nBcc: x@y.example',
    'a@news.example, b@news.example',
    'Fjord, Post <newsroom@news.example>',
    'not an address',
    'Fjord <a@news.example> <b@news.example>',
  ])
    assert.throws(
      () => loadConfig({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: from }),
      (e: ConfigError) => e.problems.length === 1 && /^MAIL_FROM: must be one address/.test(e.problems[0]!),
      JSON.stringify(from),
    );
});

test('METRICS_TOKEN turns metrics on; a short or spaced token is refused without repeating it', () => {
  assert.equal(loadConfig({}).metricsToken, undefined);
  const token = 'a'.repeat(16) + '0123456789abcdef';
  assert.equal(loadConfig({ METRICS_TOKEN: token }).metricsToken, token);
  for (const bad of ['short-secret', 'has a space in it but is long enough'])
    assert.throws(
      () => loadConfig({ METRICS_TOKEN: bad }),
      (e: ConfigError) => /METRICS_TOKEN/.test(e.message) && !e.message.includes(bad),
    );
});

test('BROADSHEET_DRAIN_SECONDS bounds the shutdown drain: 10 by default, 0–600', () => {
  assert.equal(loadConfig({}).drainSeconds, 10);
  assert.equal(loadConfig({ BROADSHEET_DRAIN_SECONDS: '0' }).drainSeconds, 0);
  assert.throws(() => loadConfig({ BROADSHEET_DRAIN_SECONDS: '601' }), /BROADSHEET_DRAIN_SECONDS/);
});
