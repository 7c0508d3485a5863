import { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { NewsletterRecord } from '../ports.js';
import { notFound, validationError } from '../shared/errors.js';
import { languageCode, requiredText, slug, text } from '../shared/fields.js';
import { newId } from '../shared/ids.js';
import { slugify, uniqueSlug } from '../shared/slug.js';
import { parseInput } from '../shared/validate.js';
import { memberEmail } from '../members/email-address.js';
import { getSiteSettings } from '../settings/site-settings.js';
import { assertCan, type AnyActor } from '../staff/permissions.js';

/** An address for a From or Reply-To header, or '' for none: one address, never a list or a line break. */
const optionalAddress = z.union([z.literal(''), memberEmail]);

const newsletterFields = z.strictObject({
  slug,
  name: requiredText(191),
  language: languageCode,
  senderName: text(191).refine((v) => !/[\r\n]/.test(v), 'must be on one line'),
  senderEmail: optionalAddress,
  replyTo: optionalAddress,
  footer: text(5000),
  isActive: z.boolean(),
  sortOrder: z.number().int().min(0).max(1_000_000),
});
export const createNewsletterSchema = newsletterFields.partial().required({ name: true });
export const updateNewsletterSchema = newsletterFields.partial();

/** Every newsletter with its number of confirmed members: the admin's list. */
export async function listNewsletters(
  ctx: DomainContext,
  actor: AnyActor,
): Promise<{ newsletter: NewsletterRecord; memberCount: number }[]> {
  assertCan(actor, 'read', 'newsletter');
  const [newsletters, counts] = await Promise.all([
    ctx.repos.newsletters.list(),
    ctx.repos.newsletters.memberCounts(),
  ]);
  return newsletters.map((newsletter) => ({ newsletter, memberCount: counts.get(newsletter.id) ?? 0 }));
}

export async function memberCountOf(ctx: DomainContext, newsletterId: string): Promise<number> {
  return (await ctx.repos.newsletters.memberCounts()).get(newsletterId) ?? 0;
}

/** Active newsletters, in their order: what the signup box offers. */
export async function activeNewsletters(ctx: DomainContext): Promise<NewsletterRecord[]> {
  return (await ctx.repos.newsletters.list()).filter((n) => n.isActive);
}

async function slugFor(ctx: DomainContext, wanted: string | undefined, name: string, exceptId?: string) {
  if (wanted) {
    if (await ctx.repos.newsletters.isSlugTaken(wanted, exceptId))
      throw validationError([{ property: 'slug', message: 'is taken by another newsletter' }]);
    return wanted;
  }
  return uniqueSlug(slugify(name) || 'newsletter', (s) => ctx.repos.newsletters.isSlugTaken(s, exceptId));
}

export async function createNewsletter(
  ctx: DomainContext,
  actor: AnyActor,
  input: z.input<typeof createNewsletterSchema>,
): Promise<NewsletterRecord> {
  assertCan(actor, 'create', 'newsletter');
  const f = parseInput(createNewsletterSchema, input);
  const now = ctx.clock.now();
  const { defaultLanguage } = await getSiteSettings(ctx);
  const newsletter: NewsletterRecord = {
    id: newId(now),
    slug: await slugFor(ctx, f.slug, f.name),
    name: f.name,
    language: f.language ?? defaultLanguage,
    senderName: f.senderName ?? '',
    senderEmail: f.senderEmail ?? '',
    replyTo: f.replyTo ?? '',
    footer: f.footer ?? '',
    isActive: f.isActive ?? true,
    sortOrder: f.sortOrder ?? 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await ctx.repos.newsletters.insert(newsletter);
  ctx.events.contentChanged();
  return newsletter;
}

export async function updateNewsletter(
  ctx: DomainContext,
  actor: AnyActor,
  id: string,
  input: z.input<typeof updateNewsletterSchema>,
): Promise<NewsletterRecord> {
  assertCan(actor, 'update', 'newsletter');
  const f = parseInput(updateNewsletterSchema, input);
  const existing = await ctx.repos.newsletters.findById(id);
  if (!existing) throw notFound('Newsletter');
  const patch: Partial<NewsletterRecord> = { ...f };
  if (f.slug !== undefined) patch.slug = await slugFor(ctx, f.slug, f.name ?? existing.name, id);
  await ctx.repos.newsletters.update(id, { ...patch, updatedAt: ctx.clock.now().toISOString() });
  ctx.events.contentChanged();
  return (await ctx.repos.newsletters.findById(id))!;
}

/** Deletes a newsletter; its subscriptions go with it (members stay). */
export async function deleteNewsletter(ctx: DomainContext, actor: AnyActor, id: string): Promise<void> {
  assertCan(actor, 'delete', 'newsletter');
  if (!(await ctx.repos.newsletters.delete(id))) throw notFound('Newsletter');
  ctx.events.contentChanged();
}
