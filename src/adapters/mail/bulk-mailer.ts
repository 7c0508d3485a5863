import type { Transporter } from 'nodemailer';
import type { BulkMailer, BulkMessage, BulkSendResult } from '../../domain/ports.js';
import { mimeMessage } from './mime-message.js';
import { checkMessage } from './smtp-mailer.js';

export interface BulkMailerOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465`. */
  url: string;
  /** SMTP connections kept open and busy at once. */
  connections: number;
  dkim?: { domainName: string; keySelector: string; privateKey: string } | undefined;
}

/** What a failed delivery means: SMTP 4xx and connection trouble may pass; 5xx will not. */
export function classifySmtpError(error: unknown): BulkSendResult {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const reason = (e.response ?? e.message ?? String(error)).slice(0, 500);
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return { permanent: reason };
  return { temporary: reason };
}

/**
 * Newsletter mail through a pool of SMTP connections (nodemailer), DKIM-signed when configured. Each
 * message is written whole by `mimeMessage` and handed over raw.
 */
export function createBulkMailer(options: BulkMailerOptions): BulkMailer {
  let transport: Promise<Transporter> | undefined;
  const connect = async () => {
    const nodemailer = await import('nodemailer');
    return nodemailer.createTransport({
      url: options.url,
      pool: true,
      maxConnections: options.connections,
      maxMessages: Infinity,
      disableFileAccess: true,
      disableUrlAccess: true,
      ...(options.dkim ? { dkim: options.dkim } : {}),
    } as Parameters<typeof nodemailer.createTransport>[0]);
  };
  return {
    connections: options.connections,
    async send(message: BulkMessage): Promise<BulkSendResult> {
      try {
        checkMessage({ to: message.to, subject: message.subject, text: message.text });
      } catch (error) {
        return { permanent: (error as Error).message };
      }
      transport ??= connect();
      try {
        await (
          await transport
        ).sendMail({
          envelope: { from: message.from.address, to: [message.to] },
          raw: mimeMessage(message, new Date()),
        });
        return { ok: true };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    async close() {
      if (transport) (await transport).close();
      transport = undefined;
    },
  };
}
