/** Interface strings of the default theme. Every language the site may publish in has a full set. */
export interface ThemeStrings {
  skipToContent: string;
  mainNavigation: string;
  latest: string;
  nothingPublished: string;
  leadStory: string;
  by: string;
  and: string;
  published: string;
  updated: string;
  sources: string;
  accordingTo: string;
  readFullArticle: string;
  checkAlso: string;
  tags: string;
  topics: string;
  alsoIn: string;
  olderPosts: string;
  newerPosts: string;
  pageOf: (page: number, pages: number) => string;
  postsBy: string;
  postsAbout: string;
  notFoundTitle: string;
  notFoundText: string;
  backHome: string;
  errorTitle: string;
  errorText: string;
  feeds: string;
  promoted: string;
  kinds: Record<'topic' | 'person' | 'organisation' | 'place', string>;
  kindsPlural: Record<'topic' | 'person' | 'organisation' | 'place', string>;
  poweredBy: string;
  languageName: string;
  /** Open Graph locale, e.g. en_GB. */
  ogLocale: string;
}

const en: ThemeStrings = {
  skipToContent: 'Skip to content',
  mainNavigation: 'Main navigation',
  latest: 'Latest',
  nothingPublished: 'Nothing has been published yet.',
  leadStory: 'Lead story',
  by: 'By',
  and: 'and',
  published: 'Published',
  updated: 'Updated',
  sources: 'Sources',
  accordingTo: 'According to',
  readFullArticle: 'Read the full article',
  checkAlso: 'Check Also',
  tags: 'Tags',
  topics: 'Topics',
  alsoIn: 'Also in',
  olderPosts: 'Older posts',
  newerPosts: 'Newer posts',
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  postsBy: 'Articles by',
  postsAbout: 'Articles about',
  notFoundTitle: 'Page not found',
  notFoundText: 'The page you asked for does not exist or has moved.',
  backHome: 'Back to the front page',
  errorTitle: 'Something went wrong',
  errorText: 'The page could not be shown. Please try again in a moment.',
  feeds: 'Feeds',
  promoted: 'From the publisher',
  kinds: { topic: 'Topic', person: 'Person', organisation: 'Organisation', place: 'Place' },
  kindsPlural: { topic: 'Subjects', person: 'People', organisation: 'Organisations', place: 'Places' },
  poweredBy: 'Published with Broadsheet',
  languageName: 'English',
  ogLocale: 'en_GB',
};

const nb: ThemeStrings = {
  skipToContent: 'Gå til innholdet',
  mainNavigation: 'Hovedmeny',
  latest: 'Siste',
  nothingPublished: 'Ingenting er publisert ennå.',
  leadStory: 'Hovedsak',
  by: 'Av',
  and: 'og',
  published: 'Publisert',
  updated: 'Oppdatert',
  sources: 'Kilder',
  accordingTo: 'Ifølge',
  readFullArticle: 'Les hele artikkelen',
  checkAlso: 'Les også',
  tags: 'Stikkord',
  topics: 'Emner',
  alsoIn: 'Også på',
  olderPosts: 'Eldre artikler',
  newerPosts: 'Nyere artikler',
  pageOf: (page, pages) => `Side ${page} av ${pages}`,
  postsBy: 'Artikler av',
  postsAbout: 'Artikler om',
  notFoundTitle: 'Siden finnes ikke',
  notFoundText: 'Siden du ba om finnes ikke, eller den er flyttet.',
  backHome: 'Tilbake til forsiden',
  errorTitle: 'Noe gikk galt',
  errorText: 'Siden kunne ikke vises. Prøv igjen om litt.',
  feeds: 'Nyhetsstrømmer',
  promoted: 'Fra utgiveren',
  kinds: { topic: 'Emne', person: 'Person', organisation: 'Organisasjon', place: 'Sted' },
  kindsPlural: { topic: 'Temaer', person: 'Personer', organisation: 'Organisasjoner', place: 'Steder' },
  poweredBy: 'Publisert med Broadsheet',
  languageName: 'Norsk',
  ogLocale: 'nb_NO',
};

const catalogue: Record<string, ThemeStrings> = { en, nb, no: nb, nn: nb };

export function stringsFor(language: string): ThemeStrings {
  return catalogue[language] ?? catalogue[language.split('-')[0]!] ?? en;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "24 November 2026" in the page's language and the site's time zone (formatters are cached: building one is costly). */
export function formatDate(iso: string, language: string, timeZone: string): string {
  const key = `${language}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    const locale = language === 'en' ? 'en-GB' : language;
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone });
    dateFormats.set(key, format);
  }
  return format.format(new Date(iso));
}
