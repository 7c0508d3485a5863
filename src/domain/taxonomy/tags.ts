import { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { TagRecord } from '../ports.js';
import { tagKinds } from '../posts/post.types.js';
import { conflict, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { languageCode, requiredText, slug, text } from '../shared/fields.js';
import { slugify, uniqueSlug } from '../shared/slug.js';
import { parseInput } from '../shared/validate.js';
import { publishedPostsWith, tagChange } from './tag-changes.js';
import { indexPosts, indexPostsWhere } from '../search/index-posts.js';
import { assertCan, type AnyActor } from '../staff/permissions.js';

const tagFields = z.strictObject({
  name: requiredText(191),
  slug,
  kind: z.enum(tagKinds),
  description: text(2000),
  language: languageCode.nullable(),
});
export const createTagSchema = tagFields.partial().required({ name: true });
export const updateTagSchema = tagFields.partial();

/** Every tag with the number of posts that carry it: the admin's tag list. */
export async function listTags(
  ctx: DomainContext,
  actor: AnyActor,
): Promise<{ tag: TagRecord; postCount: number }[]> {
  assertCan(actor, 'read', 'tag');
  const [tags, counts] = await Promise.all([ctx.repos.tags.list(), ctx.repos.tags.postCounts()]);
  return tags.map((tag) => ({ tag, postCount: counts.get(tag.id) ?? 0 }));
}

export async function createTag(
  ctx: DomainContext,
  actor: AnyActor,
  input: z.input<typeof createTagSchema>,
): Promise<TagRecord> {
  assertCan(actor, 'create', 'tag');
  const f = parseInput(createTagSchema, input);
  if (f.slug && (await ctx.repos.tags.isSlugTaken(f.slug)))
    throw conflict(`The slug "${f.slug}" is already used`, 'slug');
  const now = ctx.clock.now().toISOString();
  const tag: TagRecord = {
    id: newId(ctx.clock.now()),
    slug: f.slug || (await uniqueSlug(slugify(f.name!) || 'tag', (s) => ctx.repos.tags.isSlugTaken(s))),
    name: f.name!,
    kind: f.kind ?? 'topic',
    description: f.description ?? '',
    language: f.language ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.repos.tags.insert(tag);
  // A new tag is on no post yet: only its own (uncached, not found) address could show it.
  ctx.events.contentChanged({ tags: [tag.slug] });
  return tag;
}

export async function updateTag(
  ctx: DomainContext,
  actor: AnyActor,
  id: string,
  input: z.input<typeof updateTagSchema>,
): Promise<TagRecord> {
  assertCan(actor, 'update', 'tag');
  const f = parseInput(updateTagSchema, input);
  const before = await ctx.repos.tags.findById(id);
  if (!before) throw notFound('Tag');
  if (f.slug && (await ctx.repos.tags.isSlugTaken(f.slug, id)))
    throw conflict(`The slug "${f.slug}" is already used`, 'slug');
  const { slug, ...rest } = f;
  await ctx.repos.transaction(async (repos) => {
    await repos.tags.update(id, {
      ...rest,
      ...(slug ? { slug } : {}),
      updatedAt: ctx.clock.now().toISOString(),
    });
    // The tag's name is in the search documents of its posts.
    if (f.name !== undefined && f.name !== before.name) await indexPostsWhere(repos, { tagId: id });
  });
  const after = (await ctx.repos.tags.findById(id))!;
  ctx.events.contentChanged(await tagChange(ctx, [before, after]));
  return after;
}

/** Deletes a tag; the posts that carried it are queued for "Check Also" (tags count in it). */
export async function deleteTag(ctx: DomainContext, actor: AnyActor, id: string): Promise<void> {
  assertCan(actor, 'delete', 'tag');
  const tag = await ctx.repos.tags.findById(id);
  if (!tag) throw notFound('Tag');
  const change = await tagChange(ctx, [tag]);
  await ctx.repos.transaction(async (repos) => {
    const carrying = await publishedPostsWith(repos, id);
    await repos.related.request(
      carrying.filter((p) => p.type === 'post').map((p) => p.id),
      ctx.clock.now().toISOString(),
    );
    // The tag's name leaves the search documents of every post that carried it, of any status.
    const tagged = await repos.posts.list({ tagId: id }, { offset: 0, limit: 100_000 }, 'teaser');
    await repos.tags.delete(id);
    for (let i = 0; i < tagged.length; i += 200)
      await indexPosts(
        repos,
        tagged.slice(i, i + 200).map((p) => p.id),
      );
  });
  ctx.events.contentChanged(change);
}
