import { createHash } from 'node:crypto';
import type { AuthorSummary, Picture, PostView, TagSummary } from '../../domain/posts/post.types.js';
import type { NewsletterRecord } from '../../domain/ports.js';
import type { SiteSettings } from '../../domain/settings/site-settings.js';
import { absolutizeHtml, largestImageUrl } from '../../rendering/absolute-urls.js';
import { escapeHtml } from '../../rendering/html.js';
import type { PublicPath } from '../../rendering/picture.js';
import { authorPath, postPath, tagPath } from '../../rendering/site-paths.js';

/**
 * Ghost's Content API shapes. Every field Ghost sends is listed, `null` where Broadsheet has nothing
 * for it; Broadsheet's own extras sit under `broadsheet`, which Ghost's clients ignore. A field not
 * listed here does not leave the server.
 */

export interface PresentEnv {
  siteUrl: string;
  publicPath: PublicPath;
}

export interface PostOptions {
  withTags: boolean;
  withAuthors: boolean;
  withHtml: boolean;
  withPlaintext: boolean;
}

type Json = Record<string, unknown>;

/** A stable name-based UUID (RFC 4122 version 5) for records that have none of their own. */
export function uuidFor(kind: string, id: string): string {
  const hash = createHash('sha1').update(`broadsheet:${kind}:${id}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const imageUrl = (picture: Picture | null, env: PresentEnv) =>
  picture ? largestImageUrl(picture, env.siteUrl, env.publicPath) : null;

/** The caption as Ghost sends it (HTML), with the credit after it in its own element. */
function captionHtml(picture: Picture | null): string | null {
  if (!picture || (!picture.caption && !picture.credit)) return null;
  const credit = picture.credit ? `<span class="credit">${escapeHtml(picture.credit)}</span>` : '';
  return [picture.caption ? escapeHtml(picture.caption) : '', credit].filter(Boolean).join(' ');
}

/** Ghost's reading time: 275 words a minute, at least a minute for any text. */
function readingTime(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return words === 0 ? 0 : Math.max(1, Math.round(words / 275));
}

export function presentTag(tag: TagSummary, env: PresentEnv, postCount: number | null = null): Json {
  return {
    id: tag.id,
    name: tag.name,
    slug: tag.slug,
    description: tag.description || null,
    feature_image: null,
    visibility: 'public',
    og_image: null,
    og_title: null,
    og_description: null,
    twitter_image: null,
    twitter_title: null,
    twitter_description: null,
    meta_title: null,
    meta_description: null,
    codeinjection_head: null,
    codeinjection_foot: null,
    canonical_url: null,
    accent_color: null,
    url: env.siteUrl + tagPath(tag),
    ...(postCount === null ? {} : { count: { posts: postCount } }),
    broadsheet: { kind: tag.kind },
  };
}

export function presentAuthor(author: AuthorSummary, env: PresentEnv, postCount: number | null = null): Json {
  return {
    id: author.id,
    name: author.name,
    slug: author.slug,
    profile_image: imageUrl(author.photo, env),
    cover_image: null,
    bio: author.bio || null,
    website: author.website || null,
    location: author.location || null,
    facebook: null,
    twitter: null,
    meta_title: null,
    meta_description: null,
    url: env.siteUrl + authorPath(author),
    ...(postCount === null ? {} : { count: { posts: postCount } }),
  };
}

function postText(post: PostView, env: PresentEnv, options: PostOptions): Json {
  const customExcerpt = post.excerpt || post.standfirst || null;
  return {
    ...(options.withHtml ? { html: absolutizeHtml(post.bodyHtml, env.siteUrl) } : {}),
    ...(options.withPlaintext ? { plaintext: post.bodyText } : {}),
    custom_excerpt: customExcerpt,
    excerpt: customExcerpt ?? post.bodyText.slice(0, 500),
    reading_time: readingTime(post.bodyText),
  };
}

function postRelations(post: PostView, env: PresentEnv, options: PostOptions): Json {
  return {
    ...(options.withTags
      ? {
          tags: post.tags.map((t) => presentTag(t, env)),
          primary_tag: post.tags[0] ? presentTag(post.tags[0], env) : null,
        }
      : {}),
    ...(options.withAuthors
      ? {
          authors: post.authors.map((a) => presentAuthor(a, env)),
          primary_author: post.authors[0] ? presentAuthor(post.authors[0], env) : null,
        }
      : {}),
  };
}

export function presentPost(post: PostView, env: PresentEnv, options: PostOptions): Json {
  const image = post.featuredImage;
  return {
    id: post.id,
    uuid: uuidFor('post', post.id),
    title: post.title,
    slug: post.slug,
    comment_id: post.id,
    feature_image: imageUrl(image, env),
    feature_image_alt: image?.alt || null,
    feature_image_caption: captionHtml(image),
    featured: post.isFeatured,
    visibility: 'public',
    access: true,
    comments: false,
    created_at: post.createdAt,
    updated_at: post.updatedAt,
    published_at: post.publishedAt,
    codeinjection_head: null,
    codeinjection_foot: null,
    custom_template: null,
    canonical_url: post.canonicalUrl,
    url: env.siteUrl + postPath(post),
    ...postText(post, env, options),
    og_image: null,
    og_title: post.seo.ogTitle,
    og_description: post.seo.ogDescription,
    twitter_image: null,
    twitter_title: post.seo.twitterTitle,
    twitter_description: post.seo.twitterDescription,
    meta_title: post.seo.metaTitle,
    meta_description: post.seo.metaDescription,
    email_subject: null,
    frontmatter: null,
    ...postRelations(post, env, options),
    broadsheet: {
      language: post.language,
      translation_group: post.translationGroup,
      standfirst: post.standfirst || null,
      feature_image_credit: image?.credit || null,
      sources: post.sources.map((s) => ({
        publisher: s.publisher,
        title: s.title,
        url: s.url,
        note: s.note || null,
      })),
    },
  };
}

export function presentSettings(settings: SiteSettings, logo: Picture | null, env: PresentEnv): Json {
  return {
    title: settings.title,
    description: settings.description,
    logo: imageUrl(logo, env),
    icon: null,
    accent_color: null,
    cover_image: null,
    facebook: null,
    twitter: null,
    lang: settings.defaultLanguage,
    locale: settings.defaultLanguage,
    timezone: settings.timezone,
    codeinjection_head: null,
    codeinjection_foot: null,
    navigation: settings.navigation.map((n) => ({ label: n.label, url: n.url })),
    secondary_navigation: [],
    meta_title: null,
    meta_description: null,
    og_image: null,
    og_title: null,
    og_description: null,
    twitter_image: null,
    twitter_title: null,
    twitter_description: null,
    members_support_address: null,
    members_enabled: true,
    members_invite_only: false,
    allow_self_signup: true,
    paid_members_enabled: false,
    comments_enabled: 'off',
    recommendations_enabled: false,
    url: `${env.siteUrl}/`,
    broadsheet: { languages: settings.languages },
  };
}

export function presentNewsletter(newsletter: NewsletterRecord): Json {
  return {
    id: newsletter.id,
    uuid: uuidFor('newsletter', newsletter.id),
    name: newsletter.name,
    description: null,
    slug: newsletter.slug,
    subscribe_on_signup: true,
    visibility: 'members',
    sort_order: newsletter.sortOrder,
    created_at: newsletter.createdAt,
    updated_at: newsletter.updatedAt,
    broadsheet: { language: newsletter.language },
  };
}

/** Broadsheet has one tier, the free one: every member reads everything. */
export function presentFreeTier(settings: SiteSettings, siteUrl: string): Json {
  return {
    id: uuidFor('tier', 'free').replace(/-/g, '').slice(0, 24),
    name: 'Free',
    description: null,
    slug: 'free',
    active: true,
    type: 'free',
    welcome_page_url: null,
    created_at: null,
    updated_at: null,
    visibility: 'public',
    benefits: [],
    currency: null,
    monthly_price: null,
    yearly_price: null,
    trial_days: 0,
    broadsheet: { site: settings.title, url: `${siteUrl}/` },
  };
}

/** `fields=`: only the named fields of each resource (unknown names are ignored, as Ghost does). */
export function onlyFields(record: Json, fields: string[] | undefined): Json {
  if (!fields) return record;
  return Object.fromEntries(Object.entries(record).filter(([key]) => fields.includes(key)));
}
