import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { classifySmtpError, createBulkMailer } from '../../src/adapters/mail/bulk-mailer.js';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import type { BulkMessage } from '../../src/domain/ports.js';
import { startSmtpServer } from '../helpers/smtp.js';

const message = (to: string): BulkMessage => ({
  from: { name: 'Fjord "Post"', address: 'brief@news.example' },
  replyTo: '',
  to,
  subject: 'Storm warning',
  text: 'Winds tonight.',
  html: '<p>Winds tonight.</p>',
  messageId: 'send1.member1@news.example',
  headers: { 'List-Unsubscribe': '<https://news.example/unsubscribe/?token=t>' },
});

test('SMTP answers: 5xx is permanent, 4xx and connection trouble are temporary', () => {
  assert.deepEqual(classifySmtpError({ responseCode: 550, response: '550 no such user' }), {
    permanent: '550 no such user',
  });
  assert.deepEqual(classifySmtpError({ responseCode: 451, response: '451 try later' }), {
    temporary: '451 try later',
  });
  assert.ok(
    'temporary' in
      classifySmtpError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' })),
  );
});

test('the bulk mailer reports per recipient, never throws, and refuses a header injection', async () => {
  const smtp = await startSmtpServer(undefined, {
    answerFor: (address) =>
      address.startsWith('gone') ? { code: 550 } : address.startsWith('busy') ? { code: 452 } : undefined,
  });
  const mailer = createBulkMailer({ url: `smtp://127.0.0.1:${smtp.port}`, connections: 2 });
  try {
    assert.deepEqual(await mailer.send(message('kari@readers.example')), { ok: true });
    assert.ok('permanent' in (await mailer.send(message('gone@readers.example'))));
    assert.ok('temporary' in (await mailer.send(message('busy@readers.example'))));
    assert.ok('permanent' in (await mailer.send(message('a@b.example\r\nBcc: x@y.example'))));
    const [mail] = await smtp.waitFor(1);
    assert.equal(mail!.parsed.messageId, '<send1.member1@news.example>');
    assert.deepEqual(mail!.envelopeTo, ['kari@readers.example']);
  } finally {
    await mailer.close();
    await smtp.close();
  }
});

test('DKIM: the config takes all three settings or none, and the bulk mailer signs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-dkim-'));
  try {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = join(dir, 'dkim.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(dir, 'not-a-key.txt'), 'hello');
    const config = loadConfig({
      DKIM_DOMAIN: 'news.example',
      DKIM_SELECTOR: 'bs1',
      DKIM_PRIVATE_KEY_FILE: keyFile,
    });
    assert.deepEqual(config.dkim, { domain: 'news.example', selector: 'bs1', privateKeyFile: keyFile });
    assert.equal(loadConfig({}).dkim, undefined);
    assert.throws(
      () => loadConfig({ DKIM_DOMAIN: 'news.example' }),
      (e: ConfigError) => e.problems.some((p) => /DKIM_SELECTOR, DKIM_PRIVATE_KEY_FILE: must be set/.test(p)),
    );
    assert.throws(
      () =>
        loadConfig({
          DKIM_DOMAIN: 'news example',
          DKIM_SELECTOR: 'bs1',
          DKIM_PRIVATE_KEY_FILE: join(dir, 'not-a-key.txt'),
        }),
      (e: ConfigError) =>
        e.problems.some((p) => p.startsWith('DKIM_DOMAIN')) &&
        e.problems.some((p) => p.startsWith('DKIM_PRIVATE_KEY_FILE')),
    );

    const smtp = await startSmtpServer();
    const mailer = createBulkMailer({
      url: `smtp://127.0.0.1:${smtp.port}`,
      connections: 1,
      dkim: {
        domainName: 'news.example',
        keySelector: 'bs1',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
    try {
      assert.deepEqual(await mailer.send(message('kari@readers.example')), { ok: true });
      const [mail] = await smtp.waitFor(1);
      assert.match(mail!.raw, /^DKIM-Signature: .*d=news\.example;/m);
      assert.match(mail!.raw.replace(/\r?\n[ \t]+/g, ' '), /^DKIM-Signature: .*s=bs1;/m);
    } finally {
      await mailer.close();
      await smtp.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
