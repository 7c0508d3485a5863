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
  /** An archive page's label: archives are not counted, so no "of N". */
  pageNumber: (page: number) => string;
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
  /** The newsletter signup box and the members' pages. */
  members: MemberStrings;
  search: SearchStrings;
}

export interface SearchStrings {
  title: string;
  label: string;
  button: string;
  hint: string;
  /** `isMore`: more than `total` posts match (counts stop at 1,000). */
  results: (total: number, query: string, isMore: boolean) => string;
  none: (query: string) => string;
  tryInstead: string;
  matchingTopics: string;
  language: string;
  allLanguages: string;
  inTopic: (name: string) => string;
  everyTopic: string;
  notFoundHint: string;
}

export interface MemberStrings {
  signupHeading: string;
  signupIntro: string;
  emailLabel: string;
  chooseNewsletters: string;
  /** Label of the honeypot field, which people never see. */
  leaveEmpty: string;
  subscribe: string;
  subscribeTitle: string;
  noNewsletters: string;
  sentTitle: string;
  sentText: string;
  invalidTitle: string;
  invalidAddress: string;
  tooManyTitle: string;
  tooManyText: string;
  forbiddenText: string;
  /** A form post whose signed form token is missing, forged or expired (nothing was changed). */
  staleFormTitle: string;
  staleFormText: string;
  tryAgain: string;
  /** Heading of the page answering a form with fields it does not take (the problems follow). */
  refusedTitle: string;
  confirmTitle: string;
  confirmText: string;
  confirmButton: string;
  confirmedTitle: string;
  confirmedText: string;
  badLinkTitle: string;
  badLinkText: string;
  manageTitle: string;
  manageText: (email: string) => string;
  manageNewsletters: string;
  save: string;
  saved: string;
  unsubscribeAll: string;
  deleteData: string;
  deleteDataText: string;
  deletedTitle: string;
  deletedText: string;
  unsubscribeTitle: string;
  unsubscribeText: string;
  unsubscribeButton: string;
  unsubscribedTitle: string;
  unsubscribedText: string;
  manageLink: string;
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
  pageNumber: (page) => `Page ${page}`,
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
  members: {
    signupHeading: 'Get our newsletter',
    signupIntro: 'We email you a link to confirm. Unsubscribe at any time.',
    emailLabel: 'Email address',
    chooseNewsletters: 'Newsletters',
    leaveEmpty: 'Leave this field empty',
    subscribe: 'Subscribe',
    subscribeTitle: 'Subscribe',
    noNewsletters: 'There are no newsletters to subscribe to yet.',
    sentTitle: 'Check your inbox',
    sentText:
      'If the address can receive our newsletter, an email with a link to confirm is on its way. The link works for 48 hours.',
    invalidTitle: 'Please check your signup',
    invalidAddress: 'The email address',
    tooManyTitle: 'Too many attempts',
    tooManyText: 'Please wait a few minutes and try again.',
    forbiddenText: 'This form can only be sent from this site.',
    staleFormTitle: 'Please send the form again',
    staleFormText:
      'The form had expired or did not come from a page of this site, so nothing was changed. Please send it again.',
    tryAgain: 'Try again',
    refusedTitle: 'This form could not be read',
    confirmTitle: 'Confirm your subscription',
    confirmText: 'Press the button to confirm that you want to receive our newsletter.',
    confirmButton: 'Confirm subscription',
    confirmedTitle: 'You are subscribed',
    confirmedText: 'Thank you: your subscription is confirmed.',
    badLinkTitle: 'This link does not work',
    badLinkText: 'The link is not valid or has expired. You can sign up again to get a new one.',
    manageTitle: 'Your subscriptions',
    manageText: (email) => `Subscriptions for ${email}.`,
    manageNewsletters: 'Newsletters you receive',
    save: 'Save',
    saved: 'Your choices are saved.',
    unsubscribeAll: 'Unsubscribe from everything',
    deleteData: 'Delete my data',
    deleteDataText: 'Deletes your address and your subscriptions from our list.',
    deletedTitle: 'Your data is deleted',
    deletedText: 'Your address and your subscriptions are no longer on our list.',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeText: 'Press the button to stop receiving our newsletters.',
    unsubscribeButton: 'Unsubscribe',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribedText: 'You will not receive our newsletters any more.',
    manageLink: 'Manage your subscriptions',
  },
  search: {
    title: 'Search',
    label: 'Search the site',
    button: 'Search',
    hint: 'Put a phrase in quotes, end a word with * to find words that begin with it, and put - before a word to leave it out.',
    results: (total, query, isMore) =>
      isMore
        ? `More than ${total.toLocaleString('en')} results for “${query}”`
        : `${total} ${total === 1 ? 'result' : 'results'} for “${query}”`,
    none: (query) => `Nothing was found for “${query}”.`,
    tryInstead: 'Try instead',
    matchingTopics: 'Topics with that name',
    language: 'Language',
    allLanguages: 'All languages',
    inTopic: (name) => `In the topic ${name}`,
    everyTopic: 'Search every topic',
    notFoundHint: 'Search the site for what you were looking for:',
  },
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
  pageNumber: (page) => `Side ${page}`,
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
  members: {
    signupHeading: 'Få nyhetsbrevet vårt',
    signupIntro: 'Vi sender deg en lenke for å bekrefte. Du kan melde deg av når som helst.',
    emailLabel: 'E-postadresse',
    chooseNewsletters: 'Nyhetsbrev',
    leaveEmpty: 'La dette feltet stå tomt',
    subscribe: 'Abonner',
    subscribeTitle: 'Abonner',
    noNewsletters: 'Det finnes ingen nyhetsbrev å abonnere på ennå.',
    sentTitle: 'Sjekk innboksen din',
    sentText:
      'Om adressen kan få nyhetsbrevet vårt, er en e-post med en lenke for å bekrefte på vei. Lenken virker i 48 timer.',
    invalidTitle: 'Sjekk påmeldingen',
    invalidAddress: 'E-postadressen',
    tooManyTitle: 'For mange forsøk',
    tooManyText: 'Vent noen minutter og prøv igjen.',
    forbiddenText: 'Dette skjemaet kan bare sendes fra dette nettstedet.',
    staleFormTitle: 'Send skjemaet på nytt',
    staleFormText:
      'Skjemaet var utløpt eller kom ikke fra en side på dette nettstedet, så ingenting ble endret. Send det på nytt.',
    tryAgain: 'Prøv igjen',
    refusedTitle: 'Skjemaet kunne ikke leses',
    confirmTitle: 'Bekreft abonnementet',
    confirmText: 'Trykk på knappen for å bekrefte at du vil ha nyhetsbrevet vårt.',
    confirmButton: 'Bekreft abonnementet',
    confirmedTitle: 'Du abonnerer nå',
    confirmedText: 'Takk: abonnementet ditt er bekreftet.',
    badLinkTitle: 'Denne lenken virker ikke',
    badLinkText: 'Lenken er ugyldig eller utløpt. Du kan melde deg på igjen for å få en ny.',
    manageTitle: 'Abonnementene dine',
    manageText: (email) => `Abonnementer for ${email}.`,
    manageNewsletters: 'Nyhetsbrev du får',
    save: 'Lagre',
    saved: 'Valgene dine er lagret.',
    unsubscribeAll: 'Meld meg av alt',
    deleteData: 'Slett dataene mine',
    deleteDataText: 'Sletter adressen din og abonnementene dine fra listen vår.',
    deletedTitle: 'Dataene dine er slettet',
    deletedText: 'Adressen din og abonnementene dine er ikke lenger på listen vår.',
    unsubscribeTitle: 'Meld deg av',
    unsubscribeText: 'Trykk på knappen for å slutte å få nyhetsbrevene våre.',
    unsubscribeButton: 'Meld meg av',
    unsubscribedTitle: 'Du er meldt av',
    unsubscribedText: 'Du får ikke nyhetsbrevene våre lenger.',
    manageLink: 'Endre abonnementene dine',
  },
  search: {
    title: 'Søk',
    label: 'Søk på nettstedet',
    button: 'Søk',
    hint: 'Sett en frase i anførselstegn, avslutt et ord med * for å finne ord som begynner slik, og sett - foran et ord for å utelate det.',
    results: (total, query, isMore) =>
      isMore ? `Mer enn ${total.toLocaleString('nb')} treff for «${query}»` : `${total} treff for «${query}»`,
    none: (query) => `Fant ingenting for «${query}».`,
    tryInstead: 'Prøv heller',
    matchingTopics: 'Emner med det navnet',
    language: 'Språk',
    allLanguages: 'Alle språk',
    inTopic: (name) => `I emnet ${name}`,
    everyTopic: 'Søk i alle emner',
    notFoundHint: 'Søk på nettstedet etter det du lette etter:',
  },
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
