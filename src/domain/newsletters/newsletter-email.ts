// One post as one newsletter's email, and one copy of it as a message for the bulk mailer: the same
// path for the members' copies, the admin's preview and a test sent to a staff member.
import {
  newsletterHeaders,
  prepareNewsletterEmail,
  type PreparedNewsletterEmail,
} from '../../rendering/newsletter-email.js';
import type { DomainContext } from '../context.js';
import { toPicture } from '../media/picture.js';
import type { BulkMessage, NewsletterRecord } from '../ports.js';
import type { PostView } from '../posts/post.types.js';
import { getSiteSettings } from '../settings/site-settings.js';
import type { PostNoteRecord } from '../ports.js';
import { escapeHtml } from '../../rendering/html.js';
import { newsletterStrings } from '../../rendering/newsletter-strings.js';

export const webUrlOf = (ctx: DomainContext, post: PostView) =>
  `${ctx.siteUrl}/${encodeURIComponent(post.slug)}/`;

/** The email of `post` for `newsletter`, with the site's title, logo and time zone; a draft is dated `now`. */
export async function newsletterEmailFor(
  ctx: DomainContext,
  newsletter: NewsletterRecord,
  post: PostView,
): Promise<PreparedNewsletterEmail> {
  const settings = await getSiteSettings(ctx);
  const logo = settings.logoMediaId ? await ctx.repos.media.findById(settings.logoMediaId) : undefined;
  return prepareNewsletterEmail({
    siteTitle: settings.title,
    logo: logo ? toPicture(logo) : null,
    newsletterName: newsletter.name,
    kicker: post.tags[0]?.name ?? '',
    title: post.title,
    standfirst: post.standfirst,
    authors: post.authors.map((a) => a.name),
    publishedAt: post.publishedAt ?? ctx.clock.now().toISOString(),
    timeZone: settings.timezone,
    bodyHtml: post.bodyHtml,
    bodyText: post.bodyText,
    featuredImage: post.featuredImage,
    sources: post.sources,
    webUrl: webUrlOf(ctx, post),
    footer: newsletter.footer,
    siteUrl: ctx.siteUrl,
    publicPath: (key) => ctx.blobs.publicPath(key),
    language: newsletter.language,
  });
}

/**
 * A correction of a post that went out, as the same newsletter's email: what was wrong and what is
 * right, the post's title and a link to the corrected article. The note is plain text, escaped here.
 */
export async function correctionEmailFor(
  ctx: DomainContext,
  newsletter: NewsletterRecord,
  post: PostView,
  note: PostNoteRecord,
): Promise<PreparedNewsletterEmail> {
  const words = newsletterStrings(newsletter.language);
  const paragraphs = note.body.split(/\n\s*\n/).filter((p) => p.trim());
  const bodyHtml = [
    `<p>${escapeHtml(words.correctionOf)} <a href="${escapeHtml(webUrlOf(ctx, post))}">${escapeHtml(post.title)}</a></p>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`),
  ].join('');
  return newsletterEmailFor(ctx, newsletter, {
    ...post,
    title: `${words.correction}: ${post.title}`,
    standfirst: '',
    tags: [],
    featuredImage: null,
    sources: [],
    bodyHtml,
    bodyText: `${words.correctionOf} ${post.title}\n\n${note.body}`,
    publishedAt: note.createdAt,
  });
}

/** One recipient's copy: their manage and unsubscribe links, the List-* headers, a stable Message-ID. */
export function bulkMessageFor(input: {
  ctx: DomainContext;
  newsletter: NewsletterRecord;
  email: PreparedNewsletterEmail;
  to: string;
  links: { manageUrl: string; unsubscribeUrl: string };
  messageLocalPart: string;
  subjectPrefix?: string;
}): BulkMessage {
  const { newsletter, links } = input;
  const host = new URL(input.ctx.siteUrl).hostname;
  const body = input.email.personalize(links);
  return {
    from: { name: newsletter.senderName, address: newsletter.senderEmail },
    replyTo: newsletter.replyTo,
    to: input.to,
    subject: `${input.subjectPrefix ?? ''}${input.email.subject}`,
    text: body.text,
    html: body.html,
    messageId: `${input.messageLocalPart}@${host}`,
    headers: newsletterHeaders(
      links.unsubscribeUrl,
      `${newsletter.name.replace(/[<>\r\n"]/g, '')} <${newsletter.slug}.${host}>`,
    ),
  };
}
