// The words of the newsletter email, in the newsletter's language (English unless Norwegian).

export interface NewsletterStrings {
  viewInBrowser: string;
  readOnWeb: string;
  by: string;
  accordingTo: string;
  manage: string;
  unsubscribe: string;
  /** The kicker and subject prefix of a correction sent after a post went out. */
  correction: string;
  /** The line under a correction: what it corrects. */
  correctionOf: string;
  /** The locale dates and lists are written in. */
  locale: string;
}

const en: NewsletterStrings = {
  viewInBrowser: 'View in your browser',
  readOnWeb: 'Read on the web',
  by: 'By',
  accordingTo: 'According to',
  manage: 'Manage your subscriptions',
  unsubscribe: 'Unsubscribe',
  correction: 'Correction',
  correctionOf: 'We have corrected an article we sent you:',
  locale: 'en-GB',
};

const nb: NewsletterStrings = {
  viewInBrowser: 'Vis i nettleseren',
  readOnWeb: 'Les på nettet',
  by: 'Av',
  accordingTo: 'Ifølge',
  manage: 'Endre abonnementene dine',
  unsubscribe: 'Meld deg av',
  correction: 'Rettelse',
  correctionOf: 'Vi har rettet en artikkel vi sendte deg:',
  locale: 'nb',
};

const catalogue: Record<string, NewsletterStrings> = { en, nb, no: nb, nn: nb };

export function newsletterStrings(language: string): NewsletterStrings {
  return catalogue[language] ?? catalogue[language.split('-')[0]!] ?? en;
}

/** "1 April 2026" / "1. april 2026": the date in the newsletter's language and the site's time zone. */
export function emailDate(iso: string, language: string, timeZone: string): string {
  const { locale } = newsletterStrings(language);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(
    new Date(iso),
  );
}

/** "By Ann, Bo and Cy" / "Av Ann, Bo og Cy"; '' without authors. */
export function bylineOf(authors: string[], language: string): string {
  const names = authors.filter(Boolean);
  if (names.length === 0) return '';
  const s = newsletterStrings(language);
  return `${s.by} ${new Intl.ListFormat(s.locale, { type: 'conjunction' }).format(names)}`;
}
