import type { MailMessage } from '../ports.js';

/**
 * The confirmation email of a signup, in English or Norwegian Bokmål. It carries the site title and
 * the newsletters' names (settings), and the link: never anything the visitor typed, so a stranger's
 * address cannot be used to put someone's words in another inbox.
 */
export type MemberLocale = 'en' | 'nb';

export const memberLocaleFor = (language: string | undefined): MemberLocale =>
  language === 'nb' || language === 'no' || language === 'nn' ? 'nb' : 'en';

const letters: Record<
  MemberLocale,
  (title: string, names: string) => { subject: string; before: string[]; after: string[] }
> = {
  en: (title, names) => ({
    subject: `Confirm your subscription to ${title}`,
    before: [
      `Someone (we hope you) asked to receive ${names} from ${title} at this address.`,
      'To confirm, open this link (it works for 48 hours):',
    ],
    after: ['If it was not you, ignore this email: nothing will be sent to you.'],
  }),
  nb: (title, names) => ({
    subject: `Bekreft abonnementet ditt hos ${title}`,
    before: [
      `Noen (forhåpentligvis du) har bedt om å få ${names} fra ${title} til denne adressen.`,
      'Åpne denne lenken for å bekrefte (den virker i 48 timer):',
    ],
    after: ['Var det ikke du, kan du se bort fra denne e-posten: du får ingenting fra oss.'],
  }),
};

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim().slice(0, 150);

function listOf(names: string[], locale: MemberLocale): string {
  const and = locale === 'nb' ? 'og' : 'and';
  if (names.length <= 1) return names[0] ?? (locale === 'nb' ? 'nyhetsbrev' : 'newsletters');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

export function confirmationEmail(input: {
  to: string;
  siteTitle: string;
  siteUrl: string;
  newsletterNames: string[];
  token: string;
  locale: MemberLocale;
}): MailMessage {
  const letter = letters[input.locale](
    oneLine(input.siteTitle),
    listOf(input.newsletterNames.map(oneLine), input.locale),
  );
  const link = `${input.siteUrl}/subscribe/confirm/?token=${input.token}`;
  const paragraph = (p: string) => `<p>${escapeHtml(p)}</p>`;
  return {
    to: input.to,
    subject: oneLine(letter.subject),
    text: [...letter.before, link, ...letter.after].join('\n\n') + '\n',
    html: `<!doctype html><html><body>${[
      ...letter.before.map(paragraph),
      `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
      ...letter.after.map(paragraph),
    ].join('')}</body></html>`,
  };
}
