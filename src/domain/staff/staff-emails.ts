import type { MailMessage } from '../ports.js';
import type { staffLocales } from './staff.js';

/**
 * The emails staff receive, in English and Norwegian Bokmål. They carry the site title (a setting),
 * the role and the link, never text a requester typed: an inviter cannot put words in a stranger's inbox.
 */
export type Locale = (typeof staffLocales)[number];

export const localeFor = (language: string | undefined): Locale =>
  language === 'nb' || language === 'no' || language === 'nn' ? 'nb' : 'en';

const roleNames: Record<Locale, Record<string, string>> = {
  en: {
    administrator: 'an administrator',
    editor: 'an editor',
    author: 'an author',
    contributor: 'a contributor',
  },
  nb: { administrator: 'administrator', editor: 'redaktør', author: 'skribent', contributor: 'bidragsyter' },
};

/** Paragraphs before the link, the link, paragraphs after it. */
export interface Letter {
  subject: string;
  before: string[];
  after: string[];
}

const invitationLetters: Record<Locale, (title: string, role: string) => Letter> = {
  en: (title, role) => ({
    subject: `You are invited to join ${title}`,
    before: [
      `You have been invited to join the staff of ${title} as ${role}.`,
      'To accept, choose your name and a password here (the link works once, for 7 days):',
    ],
    after: ['If you did not expect this invitation, you can ignore this email.'],
  }),
  nb: (title, role) => ({
    subject: `Du er invitert til ${title}`,
    before: [
      `Du er invitert til å bli med i redaksjonen i ${title} som ${role}.`,
      'Velg navn og passord her for å takke ja (lenken virker én gang, i 7 dager):',
    ],
    after: ['Om du ikke ventet denne invitasjonen, kan du se bort fra denne e-posten.'],
  }),
};

const resetLetters: Record<Locale, (title: string) => Letter> = {
  en: (title) => ({
    subject: `Reset your password for ${title}`,
    before: [
      `Someone (we hope you) asked to reset the password of your account at ${title}.`,
      'Choose a new password here (the link works once, for one hour):',
    ],
    after: ['If it was not you, ignore this email: your password stays as it is.'],
  }),
  nb: (title) => ({
    subject: `Nytt passord for ${title}`,
    before: [
      `Noen (forhåpentligvis du) har bedt om å tilbakestille passordet til kontoen din i ${title}.`,
      'Velg et nytt passord her (lenken virker én gang, i én time):',
    ],
    after: ['Var det ikke du, kan du se bort fra denne e-posten: passordet ditt er uendret.'],
  }),
};

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One line, so a title can never add a header to the subject. */
export const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim().slice(0, 150);

/** An email of a letter around a link (or, with `isCode`, a code to type). */
export function compose(to: string, letter: Letter, link: string, isCode = false): MailMessage {
  const paragraph = (p: string) => `<p>${escapeHtml(p)}</p>`;
  const anchor = isCode
    ? `<p><strong>${escapeHtml(link)}</strong></p>`
    : `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`;
  return {
    to,
    subject: oneLine(letter.subject),
    text: [...letter.before, link, ...letter.after].join('\n\n') + '\n',
    html: `<!doctype html><html><body>${[...letter.before.map(paragraph), anchor, ...letter.after.map(paragraph)].join('')}</body></html>`,
  };
}

export interface StaffEmailInput {
  to: string;
  siteTitle: string;
  siteUrl: string;
  token: string;
  locale: Locale;
}

export function invitationEmail(input: StaffEmailInput & { role: string }): MailMessage {
  const letter = invitationLetters[input.locale](
    oneLine(input.siteTitle),
    roleNames[input.locale][input.role] ?? input.role,
  );
  return compose(input.to, letter, `${input.siteUrl}/admin/#/invitation/${input.token}`);
}

export function passwordResetEmail(input: StaffEmailInput): MailMessage {
  const letter = resetLetters[input.locale](oneLine(input.siteTitle));
  return compose(input.to, letter, `${input.siteUrl}/admin/#/reset-password/${input.token}`);
}
