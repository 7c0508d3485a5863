import { z } from 'zod';
import { id, languageCode, linkUrl, requiredText, text } from '../shared/fields.js';
import type { DomainContext } from '../context.js';
import { toPicture } from '../media/picture.js';
import type { MediaRecord, PromotionRecord } from '../ports.js';
import { promoSlots, type Picture, type PostView, type PromoSlot } from '../posts/post.types.js';
import { notFound, validationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { assertCan, type AnyActor } from '../staff/permissions.js';

const promotionFields = z.strictObject({
  title: requiredText(200),
  body: text(2000),
  imageMediaId: id.nullable(),
  linkUrl,
  ctaLabel: requiredText(80),
  slot: z.enum(promoSlots),
  language: languageCode.nullable(),
  isActive: z.boolean(),
  sortOrder: z.number().int().min(-1000).max(1000),
});
export const createPromotionSchema = promotionFields.partial().required({ title: true, linkUrl: true });
export const updatePromotionSchema = promotionFields.partial();

export interface PromotionView {
  id: string;
  title: string;
  body: string;
  image: Picture | null;
  linkUrl: string;
  ctaLabel: string;
  slot: PromoSlot;
}

/** A promotion with its image's media record (undefined without one, or when it is gone). */
export interface PromotionWithImage {
  promotion: PromotionRecord;
  image: MediaRecord | undefined;
}

export async function withImage(ctx: DomainContext, promotion: PromotionRecord): Promise<PromotionWithImage> {
  const image = promotion.imageMediaId ? await ctx.repos.media.findById(promotion.imageMediaId) : undefined;
  return { promotion, image };
}

/** Every promotion, active or not, with its image: the admin's list. */
export async function listPromotions(ctx: DomainContext, actor: AnyActor): Promise<PromotionWithImage[]> {
  assertCan(actor, 'read', 'promotion');
  return Promise.all((await ctx.repos.promotions.list()).map((p) => withImage(ctx, p)));
}

export async function createPromotion(
  ctx: DomainContext,
  actor: AnyActor,
  input: z.input<typeof createPromotionSchema>,
): Promise<PromotionRecord> {
  assertCan(actor, 'create', 'promotion');
  const f = parseInput(createPromotionSchema, input);
  await assertMedia(ctx, f.imageMediaId);
  const now = ctx.clock.now().toISOString();
  const promotion: PromotionRecord = {
    id: newId(ctx.clock.now()),
    title: f.title!,
    body: f.body ?? '',
    imageMediaId: f.imageMediaId ?? null,
    linkUrl: f.linkUrl!,
    ctaLabel: f.ctaLabel ?? 'Learn more',
    slot: f.slot ?? 'after-article',
    language: f.language ?? null,
    isActive: f.isActive ?? true,
    sortOrder: f.sortOrder ?? 0,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.repos.promotions.insert(promotion);
  ctx.events.contentChanged();
  return promotion;
}

export async function updatePromotion(
  ctx: DomainContext,
  actor: AnyActor,
  id: string,
  input: z.input<typeof updatePromotionSchema>,
): Promise<PromotionRecord> {
  assertCan(actor, 'update', 'promotion');
  const f = parseInput(updatePromotionSchema, input);
  if (!(await ctx.repos.promotions.findById(id))) throw notFound('Promotion');
  await assertMedia(ctx, f.imageMediaId);
  await ctx.repos.promotions.update(id, { ...f, updatedAt: ctx.clock.now().toISOString() });
  ctx.events.contentChanged();
  return (await ctx.repos.promotions.findById(id))!;
}

export async function deletePromotion(ctx: DomainContext, actor: AnyActor, id: string): Promise<void> {
  assertCan(actor, 'delete', 'promotion');
  if (!(await ctx.repos.promotions.findById(id))) throw notFound('Promotion');
  await ctx.repos.promotions.delete(id);
  ctx.events.contentChanged();
}

async function assertMedia(ctx: DomainContext, mediaId: string | null | undefined) {
  if (mediaId && !(await ctx.repos.media.findById(mediaId)))
    throw validationError([{ property: 'imageMediaId', message: 'no such media' }]);
}

/** Active promotions per slot for a page in `language` (promotions without a language show everywhere). */
export function promotionsBySlot(
  ctx: DomainContext,
  language: string,
): Promise<Map<PromoSlot, PromotionView[]>> {
  return activeBySlot(ctx, (p) => p.language === null || p.language === language);
}

/**
 * The promotions a post shows, per slot: the site's (`site`), none (`none`), or only the chosen one
 * in its slot (`chosen`; nothing when it was deleted or is switched off).
 */
export function promotionsForPost(
  ctx: DomainContext,
  post: Pick<PostView, 'language' | 'promotionMode' | 'promotionId'>,
): Promise<Map<PromoSlot, PromotionView[]>> {
  if (post.promotionMode === 'none') return Promise.resolve(new Map());
  if (post.promotionMode === 'chosen') return activeBySlot(ctx, (p) => p.id === post.promotionId);
  return promotionsBySlot(ctx, post.language);
}

async function activeBySlot(
  ctx: DomainContext,
  isShown: (p: PromotionRecord) => boolean,
): Promise<Map<PromoSlot, PromotionView[]>> {
  const active = (await ctx.repos.promotions.listActive()).filter(isShown);
  const media = new Map(
    (await ctx.repos.media.findByIds(active.map((p) => p.imageMediaId).filter((m): m is string => !!m))).map(
      (m) => [m.id, m],
    ),
  );
  const bySlot = new Map<PromoSlot, PromotionView[]>();
  for (const p of active) {
    const image = p.imageMediaId ? media.get(p.imageMediaId) : undefined;
    const view: PromotionView = {
      id: p.id,
      title: p.title,
      body: p.body,
      linkUrl: p.linkUrl,
      ctaLabel: p.ctaLabel,
      slot: p.slot,
      image: image ? toPicture(image, { alt: image.alt || p.title }) : null,
    };
    bySlot.set(p.slot, [...(bySlot.get(p.slot) ?? []), view]);
  }
  return bySlot;
}
