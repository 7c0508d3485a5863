import type { Mailer } from '../../domain/ports.js';
import { checkMessage } from './smtp-mailer.js';

const toStderr = (text: string) => void process.stderr.write(`${text}\n`);

/**
 * Used when no SMTP_URL is set: each email is written whole to the log (recipient, subject, text),
 * so an operator can pass on an invitation or reset link by hand.
 */
export function createLogMailer(log: (text: string) => void = toStderr): Mailer {
  return {
    isConfigured: false,
    async send(message) {
      checkMessage(message);
      log(
        [
          '--- email not sent (SMTP_URL is not set); pass it on by hand ---',
          `To: ${message.to}`,
          `Subject: ${message.subject}`,
          '',
          message.text,
          '--- end of email ---',
        ].join('\n'),
      );
    },
  };
}
