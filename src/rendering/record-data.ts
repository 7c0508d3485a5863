import type { AuthorSummary, PostView, WorkType } from '../domain/posts/post.types.js';
import type { PolicyKind } from '../domain/settings/site-policies.js';

/*
 * The trust indicators in schema.org terms: the type of work as the article's type, the dateline,
 * the record of corrections, the authors' credentials and the publisher's policies. Every type and
 * property used here is in test/fixtures/schema-org (checked by the structured-data tests).
 */

/** A policy page's absolute URL, by kind. */
export type PolicyLinks = Partial<Record<PolicyKind, string>>;

const articleTypes: Record<WorkType, string> = {
  news: 'ReportageNewsArticle',
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  review: 'ReviewNewsArticle',
  background: 'BackgroundNewsArticle',
  sponsored: 'AdvertiserContentArticle',
  // A fact check without a rated claim is not a ClaimReview: a NewsArticle whose genre says what it is.
  'fact-check': 'NewsArticle',
};

const genres: Record<WorkType, string> = {
  news: 'News',
  analysis: 'Analysis',
  opinion: 'Opinion',
  review: 'Review',
  background: 'Background',
  sponsored: 'Sponsored',
  'fact-check': 'Fact check',
};

export const articleTypeOf = (workType: WorkType): string => articleTypes[workType] ?? 'NewsArticle';

/** The latest change a reader can see: a save, or a note added to the record since. */
export function modifiedAt(post: Pick<PostView, 'updatedAt' | 'notes'>): string {
  return post.notes.reduce((latest, n) => (n.createdAt > latest ? n.createdAt : latest), post.updatedAt);
}

/** The profile page of a fediverse handle `@name@server` (Mastodon's and most servers' form). */
export function fediverseProfileUrl(handle: string): string | null {
  const match = /^@([^@\s]+)@([A-Za-z0-9.-]+)$/.exec(handle);
  return match ? `https://${match[2]}/@${match[1]}` : null;
}

const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

export function authorJsonLd(a: AuthorSummary, siteUrl: string): Record<string, unknown> {
  const fediverse = a.fediverse ? fediverseProfileUrl(a.fediverse) : null;
  const sameAs = [...a.profileLinks, ...(fediverse ? [fediverse] : [])];
  return {
    '@type': 'Person',
    name: a.name,
    url: `${siteUrl}/author/${encodeURIComponent(a.slug)}/`,
    ...(a.jobTitle ? { jobTitle: a.jobTitle } : {}),
    ...(a.expertise ? { knowsAbout: a.expertise } : {}),
    ...(a.contact && isEmail(a.contact) ? { email: a.contact } : {}),
    ...(sameAs.length ? { sameAs } : {}),
  };
}

const policyProperties: Record<PolicyKind, string> = {
  ethics: 'ethicsPolicy',
  corrections: 'correctionsPolicy',
  ownership: 'ownershipFundingInfo',
  masthead: 'masthead',
  feedback: 'actionableFeedbackPolicy',
};

/** The publisher: a news organisation, naming its policy pages (the ethics page is also its principles). */
export function organizationJsonLd(publisher: {
  name: string;
  siteUrl: string;
  logoUrl: string | null;
  policies?: PolicyLinks;
}): Record<string, unknown> {
  const policies = Object.entries(publisher.policies ?? {}) as [PolicyKind, string][];
  return {
    '@type': 'NewsMediaOrganization',
    name: publisher.name,
    url: publisher.siteUrl,
    ...(publisher.logoUrl ? { logo: { '@type': 'ImageObject', url: publisher.logoUrl } } : {}),
    ...(publisher.policies?.ethics ? { publishingPrinciples: publisher.policies.ethics } : {}),
    ...Object.fromEntries(policies.map(([kind, url]) => [policyProperties[kind], url])),
  };
}

/** What an article says about itself beyond its text: genre, dateline, and its corrections. */
export function recordJsonLd(post: PostView): Record<string, unknown> {
  const corrections = post.notes.filter((n) => n.kind === 'correction');
  return {
    genre: genres[post.workType] ?? 'News',
    ...(post.dateline
      ? { dateline: post.dateline, locationCreated: { '@type': 'Place', name: post.dateline } }
      : {}),
    ...(corrections.length
      ? {
          correction: corrections.map((n) => ({
            '@type': 'CorrectionComment',
            text: n.body,
            datePublished: n.createdAt,
          })),
        }
      : {}),
  };
}
