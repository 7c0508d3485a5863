import type { DomainContext } from '../context.js';
import type { MediaRecord, Page, PostRecord } from '../ports.js';
import { conflict, notFound } from '../shared/errors.js';
import { assertCan, grantFor, type AdminActor } from '../staff/permissions.js';
import { getSiteSettings } from '../settings/site-settings.js';
import type { z } from 'zod';
import { describeMedia, importImage, type redescribeSchema } from './import-image.js';

/**
 * The media library as the admin uses it: who may see and change which files (docs/roles.md), what
 * uses a file, and deleting one only when nothing shows it.
 */

const ownFilter = (actor: AdminActor) =>
  grantFor(actor.role, 'media', 'read') === 'all' ? {} : { uploadedBy: actor.staffId };

export async function listMediaFor(
  ctx: DomainContext,
  actor: AdminActor,
  page: Page,
): Promise<{ media: MediaRecord[]; total: number }> {
  assertCan(actor, 'read', 'media');
  const filter = ownFilter(actor);
  const [media, total] = await Promise.all([
    ctx.repos.media.list(page, filter),
    ctx.repos.media.count(filter),
  ]);
  return { media, total };
}

/** A file the actor may see; anything else is NOT_FOUND. */
export async function loadMediaFor(ctx: DomainContext, actor: AdminActor, id: string): Promise<MediaRecord> {
  assertCan(actor, 'read', 'media');
  const media = await ctx.repos.media.findById(id);
  const grant = grantFor(actor.role, 'media', 'read');
  if (!media || (grant !== 'all' && media.uploadedBy !== actor.staffId)) throw notFound('Media');
  return media;
}

export async function uploadMediaAs(
  ctx: DomainContext,
  actor: AdminActor,
  file: { bytes: Buffer; originalName: string },
): Promise<MediaRecord> {
  assertCan(actor, 'create', 'media');
  return importImage(ctx, { ...file, uploadedBy: actor.kind === 'staff' ? actor.staffId : null });
}

export type MediaInput = z.input<typeof redescribeSchema>;

export async function describeMediaAs(
  ctx: DomainContext,
  actor: AdminActor,
  id: string,
  input: MediaInput,
): Promise<MediaRecord> {
  const media = await loadMediaFor(ctx, actor, id);
  assertCan(actor, 'update', 'media', { ownerIds: media.uploadedBy ? [media.uploadedBy] : [] });
  return describeMedia(ctx, id, input);
}

/** Posts showing the file, plus the places outside posts that use it (logo, promotions, author photos). */
export async function mediaUsage(
  ctx: DomainContext,
  id: string,
): Promise<{ posts: Pick<PostRecord, 'id' | 'title' | 'type'>[]; elsewhere: string[] }> {
  const [posts, settings, promotions, staff] = await Promise.all([
    ctx.repos.posts.usingMedia(id),
    getSiteSettings(ctx),
    ctx.repos.promotions.list(),
    ctx.repos.staff.list(),
  ]);
  const shown = posts.map((p) => ({ id: p.id, title: p.title, type: p.type }));
  const elsewhere = [
    ...(settings.logoMediaId === id ? ['the site logo'] : []),
    ...promotions.filter((p) => p.imageMediaId === id).map((p) => `the promotion "${p.title}"`),
    ...staff.filter((s) => s.photoMediaId === id).map((s) => `the photo of ${s.name}`),
  ];
  return { posts: shown, elsewhere };
}

/** Deletes a file and every rendition of it, unless something still shows it. */
export async function deleteMediaAs(ctx: DomainContext, actor: AdminActor, id: string): Promise<void> {
  const media = await loadMediaFor(ctx, actor, id);
  assertCan(actor, 'delete', 'media', { ownerIds: media.uploadedBy ? [media.uploadedBy] : [] });
  const usage = await mediaUsage(ctx, id);
  const users = [...usage.posts.map((p) => `"${p.title}"`), ...usage.elsewhere];
  if (users.length > 0) throw conflict(`Still in use by ${users.slice(0, 5).join(', ')}`);
  await ctx.repos.media.delete(id);
  for (const key of new Set([media.storageKey, ...media.variants.map((v) => v.key)]))
    await ctx.blobs.delete(key);
  ctx.events.contentChanged();
}
