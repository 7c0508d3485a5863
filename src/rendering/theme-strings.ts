import type { RecordStrings } from './record-strings.js';

/**
 * The interface strings a theme has in every language the site may publish in: what its templates
 * write, and what the site's pages put in titles, feeds and the members' pages (src/http/site).
 * Each theme keeps its own catalogue (themes/default/i18n.ts) and answers Theme.strings(language).
 */
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
  archive: ArchiveStrings;
  record: RecordStrings;
}

/** Sources' archived copies: beside each source, and the banner of a snapshot page (/archive/…). */
export interface ArchiveStrings {
  /** The link beside a source to its archived copy. */
  archivedCopy: string;
  /** Marks a source whose page has gone from its address. */
  gone: string;
  /** How a gone source can still be read. */
  readArchived: string;
  bannerTitle: string;
  bannerText: string;
  originalAddress: string;
  takenAt: string;
  pageTitle: (title: string) => string;
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
