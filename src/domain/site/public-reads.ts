import type { DomainContext } from '../context.js';
import { toPicture } from '../media/picture.js';
import { toAuthorSummary } from '../posts/hydrate-posts.js';
import type { AuthorSummary, Picture, TagSummary } from '../posts/post.types.js';
import type { SiteSettings } from '../settings/site-settings.js';
import { isInternalTag, publicTagsOf } from '../taxonomy/internal-tags.js';

/**
 * What the public site reads besides posts, each as the page needs it and no more: a tag's or an
 * author's public face, the topics, the logo, a member's own subscriptions. The site's transport
 * (src/http/site) calls these and never the repositories.
 */

/** A tag as its page and feeds show it; `language` is the language its page is in (null: the site's). */
export interface PublicTag extends TagSummary {
  language: string | null;
}

export async function publicTag(ctx: DomainContext, slug: string): Promise<PublicTag | undefined> {
  const tag = await ctx.repos.tags.findBySlug(slug);
  return tag && !isInternalTag(tag) ? toPublicTag(tag) : undefined;
}

const toPublicTag = (tag: PublicTag): PublicTag => ({
  id: tag.id,
  slug: tag.slug,
  name: tag.name,
  kind: tag.kind,
  description: tag.description,
  language: tag.language,
});

/** Every tag, for the topics page. */
export async function publicTags(ctx: DomainContext): Promise<PublicTag[]> {
  return publicTagsOf(await ctx.repos.tags.list()).map(toPublicTag);
}

/**
 * An author as their page and feeds show them (never their email, role or status). The photo is
 * read only when `withPhoto` (the page shows it, a feed does not).
 */
export async function publicAuthor(
  ctx: DomainContext,
  slug: string,
  options: { withPhoto: boolean } = { withPhoto: true },
): Promise<AuthorSummary | undefined> {
  const author = await ctx.repos.staff.findBySlug(slug);
  if (!author) return undefined;
  const photo =
    options.withPhoto && author.photoMediaId
      ? await ctx.repos.media.findById(author.photoMediaId)
      : undefined;
  return toAuthorSummary(author, new Map(photo ? [[photo.id, photo]] : []));
}

/** The site's logo as a picture, or null when none is set (or its image is gone). */
export async function siteLogo(ctx: DomainContext, settings: SiteSettings): Promise<Picture | null> {
  const logo = settings.logoMediaId ? await ctx.repos.media.findById(settings.logoMediaId) : undefined;
  return logo ? toPicture(logo) : null;
}

/** What a member's manage page shows them of themselves. */
export interface MemberSubscriptions {
  email: string;
  isSubscribed: boolean;
  /** The newsletters they chose (kept while unsubscribed, so subscribing again restores them). */
  chosenIds: string[];
}

export async function memberSubscriptions(
  ctx: DomainContext,
  memberId: string,
): Promise<MemberSubscriptions | undefined> {
  const member = await ctx.repos.members.findById(memberId);
  if (!member) return undefined;
  const chosenIds = (await ctx.repos.members.newsletterIdsFor([member.id])).get(member.id) ?? [];
  return { email: member.email, isSubscribed: member.status === 'active', chosenIds };
}
