import type { MailMessage } from '../ports.js';
import { compose, oneLine, type Letter, type Locale } from './staff-emails.js';

/** The sign-in emails: a link (instead of the password) and a new device's code. No text a requester typed. */
const linkLetters: Record<Locale, (title: string) => Letter> = {
  en: (title) => ({
    subject: `Sign in to ${title}`,
    before: [
      `Someone (we hope you) asked for a link to sign in to your account at ${title}.`,
      'Sign in here (the link works once, for 15 minutes):',
    ],
    after: ['If it was not you, ignore this email: nobody can use the link without your inbox.'],
  }),
  nb: (title) => ({
    subject: `Logg inn på ${title}`,
    before: [
      `Noen (forhåpentligvis du) har bedt om en lenke for å logge inn på kontoen din i ${title}.`,
      'Logg inn her (lenken virker én gang, i 15 minutter):',
    ],
    after: ['Var det ikke du, kan du se bort fra denne e-posten: ingen kan bruke lenken uten innboksen din.'],
  }),
};

const codeLetters: Record<Locale, (title: string) => Letter> = {
  en: (title) => ({
    subject: `Your sign-in code for ${title}`,
    before: [
      `Your account at ${title} is being signed in to from a device it has not seen before.`,
      'Enter this code to finish signing in (it works once, for 10 minutes):',
    ],
    after: ['If it was not you, change your password: someone knows it.'],
  }),
  nb: (title) => ({
    subject: `Innloggingskoden din for ${title}`,
    before: [
      `Noen logger inn på kontoen din i ${title} fra en enhet den ikke har sett før.`,
      'Skriv inn denne koden for å fullføre innloggingen (den virker én gang, i 10 minutter):',
    ],
    after: ['Var det ikke du, bør du bytte passord: noen kjenner det.'],
  }),
};

export interface SignInEmailInput {
  to: string;
  siteTitle: string;
  locale: Locale;
}

export function signInLinkEmail(input: SignInEmailInput & { siteUrl: string; token: string }): MailMessage {
  const letter = linkLetters[input.locale](oneLine(input.siteTitle));
  return compose(input.to, letter, `${input.siteUrl}/admin/#/sign-in-link/${input.token}`);
}

export function newDeviceCodeEmail(input: SignInEmailInput & { code: string }): MailMessage {
  return compose(input.to, codeLetters[input.locale](oneLine(input.siteTitle)), input.code, true);
}
