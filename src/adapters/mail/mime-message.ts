import { randomBytes } from 'node:crypto';
import { encodeWords, foldLines, isPlainText, quoteString } from 'nodemailer/lib/mime-funcs';
import { encode as encodeQuotedPrintable, wrap as wrapQuotedPrintable } from 'nodemailer/lib/qp';
import type { BulkMessage } from '../../domain/ports.js';

/*
 * One newsletter copy as a whole RFC 5322 message (multipart/alternative: text, then HTML, both
 * quoted-printable), written with nodemailer's own encoders. Handing nodemailer the finished message
 * (`raw`) skips its per-part stream pipelines, which cost most of the sender's time per message;
 * nodemailer still signs it (DKIM) and speaks SMTP.
 */

const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');

/** A header value as ASCII: encoded words where it holds anything else. */
const headerText = (value: string) => {
  const line = oneLine(value);
  return isPlainText(line) ? line : encodeWords(line, 'Q', 52);
};

const mailbox = (name: string, address: string) =>
  name
    ? `${isPlainText(oneLine(name)) ? quoteString(oneLine(name)) : headerText(name)} <${address}>`
    : `<${address}>`;

const header = (name: string, value: string) => foldLines(`${name}: ${value}`, 76);

const body = (text: string) => wrapQuotedPrintable(encodeQuotedPrintable(text.replace(/\r?\n/g, '\r\n')), 76);

/** RFC 5322 date in UTC: `Wed, 02 Dec 2026 09:42:15 +0000`. */
const rfc5322Date = (date: Date) => date.toUTCString().replace(/GMT$/, '+0000');

// "=_" never occurs in quoted-printable text (a literal "=" is written "=3D"), so no part can hold it.
const boundaryPrefix = `=_broadsheet_${randomBytes(6).toString('hex')}_`;
let boundaries = 0;

export function mimeMessage(message: BulkMessage, date: Date): string {
  const boundary = `${boundaryPrefix}${(boundaries++).toString(36)}`;
  const headers = [
    header('From', mailbox(message.from.name, message.from.address)),
    ...(message.replyTo ? [header('Reply-To', `<${message.replyTo}>`)] : []),
    header('To', `<${message.to}>`),
    header('Subject', headerText(message.subject)),
    header('Date', rfc5322Date(date)),
    header('Message-ID', `<${message.messageId}>`),
    'MIME-Version: 1.0',
    ...Object.entries(message.headers).map(([name, value]) => header(name, headerText(value))),
    header('Content-Type', `multipart/alternative; boundary="${boundary}"`),
  ];
  const part = (type: string, content: string) =>
    `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${body(content)}\r\n`;
  return `${headers.join('\r\n')}\r\n\r\n${part('text/plain', message.text)}${part('text/html', message.html)}--${boundary}--\r\n`;
}
