// Before sending: the email as the members will get it, a test copy to the staff member asking, and
// how many members a send to some newsletters would reach.
import type { DomainContext } from '../context.js';
import type { BulkMailer, NewsletterRecord } from '../ports.js';
import { hydratePosts } from '../posts/hydrate-posts.js';
import type { PostView } from '../posts/post.types.js';
import { DomainError, notFound, validationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { assertCan, can, type AdminActor, type Actor } from '../staff/permissions.js';
import { bulkMessageFor, newsletterEmailFor } from './newsletter-email.js';

/** Links that look like a member's but verify for nobody: the token is no signed token at all. */
export const placeholderLinks = (siteUrl: string) => ({
  manageUrl: `${siteUrl}/members/manage/?token=preview`,
  unsubscribeUrl: `${siteUrl}/unsubscribe/?token=preview`,
});

/**
 * Those who may send see the preview of any post; an author sees the preview of a post they may
 * edit (their own). Only posts go out as newsletters.
 */
async function previewSubject(
  ctx: DomainContext,
  actor: Actor,
  input: { newsletterId: string; postId: string },
): Promise<{ newsletter: NewsletterRecord; post: PostView }> {
  assertCan(actor, 'read', 'newsletter');
  const [newsletter, record] = await Promise.all([
    ctx.repos.newsletters.findById(input.newsletterId),
    ctx.repos.posts.findById(input.postId),
  ]);
  if (!newsletter) throw notFound('Newsletter');
  if (!record || record.type !== 'post') throw notFound('Post');
  const [post] = await hydratePosts(ctx, [record]);
  const target = { ownerIds: post!.authors.map((a) => a.id), isPublished: post!.status !== 'draft' };
  if (!can(actor, 'publish', 'newsletter') && !can(actor, 'update', 'post', target))
    assertCan(actor, 'publish', 'newsletter');
  return { newsletter, post: post! };
}

export interface NewsletterPreview {
  subject: string;
  html: string;
  text: string;
}

/** The exact email the members would get, with placeholder manage and unsubscribe links. */
export async function previewNewsletter(
  ctx: DomainContext,
  actor: Actor,
  input: { newsletterId: string; postId: string },
): Promise<NewsletterPreview> {
  const { newsletter, post } = await previewSubject(ctx, actor, input);
  const email = await newsletterEmailFor(ctx, newsletter, post);
  return { subject: email.subject, ...email.personalize(placeholderLinks(ctx.siteUrl)) };
}

/**
 * Sends that email, marked as a test, through the bulk mailer to the signed-in staff member's own
 * address: never to an address from the request, and never for an API token (it has none).
 */
export async function sendTestNewsletter(
  ctx: DomainContext,
  input: { actor: AdminActor; newsletterId: string; postId: string; mailer: BulkMailer | undefined },
): Promise<{ to: string; isSent: boolean; error: string }> {
  const { actor } = input;
  assertCan(actor, 'publish', 'newsletter');
  if (actor.kind !== 'staff')
    throw new DomainError(
      'FORBIDDEN',
      'A test goes to a signed-in staff member; an API token has no address',
    );
  const staff = await ctx.repos.staff.findById(actor.staffId);
  if (!staff?.email) throw validationError([{ message: 'your account has no email address' }]);
  if (!input.mailer)
    throw validationError([{ message: 'no SMTP server is configured (SMTP_URL): nothing can be sent' }]);
  const { newsletter, post } = await previewSubject(ctx, actor, input);
  const email = await newsletterEmailFor(ctx, newsletter, post);
  const message = bulkMessageFor({
    ctx,
    newsletter,
    email,
    to: staff.email,
    links: placeholderLinks(ctx.siteUrl),
    messageLocalPart: `test.${newId(ctx.clock.now())}`,
    subjectPrefix: '[Test] ',
  });
  const result = await input.mailer.send(message);
  if ('ok' in result) return { to: staff.email, isSent: true, error: '' };
  return {
    to: staff.email,
    isSent: false,
    error: 'temporary' in result ? result.temporary : result.permanent,
  };
}

/** Active members subscribed to any of the newsletters, each counted once. */
export async function countRecipients(
  ctx: DomainContext,
  actor: Actor,
  newsletterIds: string[],
): Promise<number> {
  assertCan(actor, 'publish', 'newsletter');
  const ids = [...new Set(newsletterIds)];
  for (const id of ids)
    if (!(await ctx.repos.newsletters.findById(id)))
      throw validationError([{ property: 'newsletterIds', message: `no newsletter ${id}` }]);
  return ctx.repos.newsletters.recipientCount(ids);
}
