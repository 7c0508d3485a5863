import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogMailer } from '../../src/adapters/mail/log-mailer.js';
import { addressOf, createSmtpMailer } from '../../src/adapters/mail/smtp-mailer.js';
import { startSmtpServer } from '../helpers/smtp.js';

test('the log mailer writes the whole email and says it was not sent', async () => {
  const lines: string[] = [];
  const mailer = createLogMailer((text) => lines.push(text));
  assert.equal(mailer.isConfigured, false);
  await mailer.send({
    to: 'kari@news.example',
    subject: 'Reset your password',
    text: 'Open https://news.example/admin/#/reset-password/abc',
  });
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /not sent/);
  assert.match(lines[0]!, /^To: kari@news\.example$/m);
  assert.match(lines[0]!, /^Subject: Reset your password$/m);
  assert.match(lines[0]!, /https:\/\/news\.example\/admin\/#\/reset-password\/abc/);
});

test('both mailers refuse a recipient that is not one plain address, or a subject of two lines', async () => {
  const mailers = [
    createLogMailer(() => assert.fail('nothing is written')),
    // Port 9 (discard): were the message not refused first, sending would fail differently.
    createSmtpMailer({ url: 'smtp://127.0.0.1:9', from: 'newsroom@news.example' }),
  ];
  for (const mailer of mailers) {
    for (const to of ['a@b.example\r\nBcc: x@y.example', 'a@b.example, x@y.example', 'A <a@b.example>', ''])
      await assert.rejects(mailer.send({ to, subject: 's', text: 't' }), /one plain address/);
    await assert.rejects(
      mailer.send({ to: 'a@b.example', subject: 'Hi\r\nBcc: x@y.example', text: 't' }),
      /one line/,
    );
  }
});

test('the envelope sender is the bare address of MAIL_FROM', () => {
  assert.equal(addressOf('Fjord Post <newsroom@news.example>'), 'newsroom@news.example');
  assert.equal(addressOf('newsroom@news.example'), 'newsroom@news.example');
});

test('the SMTP mailer signs in with the user and password of SMTP_URL', async () => {
  const server = await startSmtpServer({ user: 'news', pass: 's3cret:pass' });
  try {
    const url = (pass: string) => `smtp://news:${encodeURIComponent(pass)}@127.0.0.1:${server.port}`;
    const message = { to: 'kari@news.example', subject: 'Hello', text: 'Hello Kari' };
    await createSmtpMailer({ url: url('s3cret:pass'), from: 'Fjord Post <newsroom@news.example>' }).send(
      message,
    );
    const mail = await server.next();
    assert.deepEqual([mail.envelopeFrom, mail.envelopeTo], ['newsroom@news.example', ['kari@news.example']]);
    assert.equal(mail.parsed.text?.trim(), 'Hello Kari');
    await assert.rejects(
      createSmtpMailer({ url: url('wrong'), from: 'newsroom@news.example' }).send(message),
      /Invalid login/,
    );
    assert.equal(server.received.length, 1);
  } finally {
    await server.close();
  }
});
