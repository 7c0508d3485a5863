import type { DomainContext } from '../context.js';
import type { MediaRecord, Page, PostRecord } from '../ports.js';
import { conflict, notFound } from '../shared/errors.js';
import { canRead } from '../posts/post-access.js';
import { assertCan, can, grantFor, type AdminActor } from '../staff/permissions.js';
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

/** The check an upload route makes before reading the body: may this caller upload at all? */
export function assertMayUpload(actor: AdminActor): void {
  assertCan(actor, 'create', 'media');
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

export interface MediaUsage {
  posts: Pick<PostRecord, 'id' | 'title' | 'type'>[];
  elsewhere: string[];
}

/** Posts showing the file, and the places outside posts that use it (logo, promotions, author photos). */
async function placesUsing(ctx: DomainContext, id: string) {
  const [posts, settings, promotions, staff] = await Promise.all([
    ctx.repos.posts.usingMedia(id),
    getSiteSettings(ctx),
    ctx.repos.promotions.list(),
    ctx.repos.staff.list(),
  ]);
  return {
    posts: posts.map((p) => ({ id: p.id, title: p.title, type: p.type })),
    isLogo: settings.logoMediaId === id,
    promotions: promotions.filter((p) => p.imageMediaId === id).map((p) => p.title),
    photosOf: staff.filter((s) => s.photoMediaId === id).map((s) => s.name),
  };
}

/**
 * What uses a file the actor may see, told as far as they may read it (docs/roles.md): the posts
 * they may read by title and the others only counted; promotions by title for whoever may read them.
 */
export async function mediaUsageFor(ctx: DomainContext, actor: AdminActor, id: string): Promise<MediaUsage> {
  const media = await loadMediaFor(ctx, actor, id);
  const places = await placesUsing(ctx, media.id);
  const posts = await readablePosts(ctx, actor, places.posts);
  const hidden = places.posts.length - posts.length;
  const promotion = can(actor, 'read', 'promotion')
    ? (title: string) => `the promotion "${title}"`
    : () => 'a promotion';
  const elsewhere = [
    ...(places.isLogo ? ['the site logo'] : []),
    ...places.promotions.map(promotion),
    ...places.photosOf.map((name) => `the photo of ${name}`),
    ...(hidden === 0 ? [] : [hidden === 1 ? 'a post you cannot open' : `${hidden} posts you cannot open`]),
  ];
  return { posts, elsewhere };
}

async function readablePosts(
  ctx: DomainContext,
  actor: AdminActor,
  posts: MediaUsage['posts'],
): Promise<MediaUsage['posts']> {
  const authors = await ctx.repos.posts.authorsFor(posts.map((p) => p.id));
  return posts.filter((p) => {
    const ownerIds = (authors.get(p.id) ?? []).map((a) => a.id);
    return canRead(actor, p, { ownerIds });
  });
}

/** Deletes a file and every rendition of it, unless something still shows it. */
export async function deleteMediaAs(ctx: DomainContext, actor: AdminActor, id: string): Promise<void> {
  const media = await loadMediaFor(ctx, actor, id);
  assertCan(actor, 'delete', 'media', { ownerIds: media.uploadedBy ? [media.uploadedBy] : [] });
  const usage = await mediaUsageFor(ctx, actor, id);
  const users = [...usage.posts.map((p) => `"${p.title}"`), ...usage.elsewhere];
  if (users.length > 0) throw conflict(`Still in use by ${users.slice(0, 5).join(', ')}`);
  await ctx.repos.media.delete(id);
  for (const key of new Set([media.storageKey, media.originalKey, ...media.variants.map((v) => v.key)]))
    if (key) await ctx.blobs.delete(key);
  ctx.events.contentChanged();
}
