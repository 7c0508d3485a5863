import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import { mimeMessage } from '../../src/adapters/mail/mime-message.js';
import type { BulkMessage } from '../../src/domain/ports.js';

const message: BulkMessage = {
  from: { name: 'Fjordposten – «Morgen»', address: 'brief@news.example' },
  replyTo: 'letters@news.example',
  to: 'kari@readers.example',
  subject: 'Storm på Vestlandet: 30 m/s i natt, og enda mer på fjellet i morgen tidlig før klokka sju',
  text: 'Vinden øker.\nLine two = equals.\n' + 'lang '.repeat(60),
  html: '<p>Vinden <b>øker</b>.</p>\n<p>=3D stays text</p>' + '<span>x</span>'.repeat(50),
  messageId: 'send1.member1@news.example',
  headers: {
    'List-Unsubscribe': `<https://news.example/unsubscribe/?token=${'t'.repeat(120)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': 'Morgenbrev på norsk <daily.news.example>',
  },
};

test('a newsletter copy written whole parses back to the same text, HTML and headers', async () => {
  const raw = mimeMessage(message, new Date('2026-12-02T09:42:15Z'));
  assert.doesNotMatch(raw, /[^\r]\n/, 'CRLF line ends only');
  assert.ok(
    raw.split('\r\n').every((line) => line.length <= 998),
    'no line longer than RFC 5322 allows',
  );
  const parsed = await simpleParser(raw);
  assert.equal(parsed.subject, message.subject);
  assert.deepEqual(parsed.from?.value, [{ name: message.from.name, address: message.from.address }]);
  assert.equal(parsed.replyTo?.value[0]?.address, message.replyTo);
  assert.equal(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address : '', message.to);
  assert.equal(parsed.messageId, `<${message.messageId}>`);
  assert.equal(parsed.date?.toISOString(), '2026-12-02T09:42:15.000Z');
  assert.equal(parsed.text?.trim(), message.text.trim());
  assert.equal(String(parsed.html).trim(), message.html);
  assert.match(raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
  // Encoded words in the phrase, as nodemailer writes them (RFC 2047 section 5).
  assert.match(raw, /^List-Id: Morgenbrev =\?UTF-8\?Q\?p=C3=A5\?= norsk <daily\.news\.example>\r$/m);
  assert.match(
    raw.replace(/\r\n[ \t]+/g, ' '),
    /^List-Unsubscribe: <https:\/\/news\.example\/unsubscribe\/\?token=t{120}>\r$/m,
  );
});

test('a line break in a name or subject stays inside its header', async () => {
  const raw = mimeMessage(
    {
      ...message,
      from: { ...message.from, name: 'Evil\r\nBcc: x@y.example' },
      subject: 'Hi\nBcc: x@y.example',
    },
    new Date(),
  );
  const head = raw.split('\r\n\r\n')[0]!;
  assert.doesNotMatch(head, /^Bcc:/im);
  const parsed = await simpleParser(raw);
  assert.equal(parsed.bcc, undefined);
  assert.equal(parsed.subject, 'Hi Bcc: x@y.example');
});
