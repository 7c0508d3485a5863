import { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { TagRecord } from '../ports.js';
import { tagKinds } from '../posts/post.types.js';
import { conflict, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { languageCode, requiredText, slug, text } from '../shared/fields.js';
import { slugify, uniqueSlug } from '../shared/slug.js';
import { parseInput } from '../shared/validate.js';

const tagFields = z.strictObject({
  name: requiredText(191),
  slug,
  kind: z.enum(tagKinds),
  description: text(2000),
  language: languageCode.nullable(),
});
export const createTagSchema = tagFields.partial().required({ name: true });
export const updateTagSchema = tagFields.partial();

export async function createTag(
  ctx: DomainContext,
  input: z.input<typeof createTagSchema>,
): Promise<TagRecord> {
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
  ctx.events.contentChanged();
  return tag;
}

export async function updateTag(
  ctx: DomainContext,
  id: string,
  input: z.input<typeof updateTagSchema>,
): Promise<TagRecord> {
  const f = parseInput(updateTagSchema, input);
  if (!(await ctx.repos.tags.findById(id))) throw notFound('Tag');
  if (f.slug && (await ctx.repos.tags.isSlugTaken(f.slug, id)))
    throw conflict(`The slug "${f.slug}" is already used`, 'slug');
  const { slug, ...rest } = f;
  await ctx.repos.tags.update(id, {
    ...rest,
    ...(slug ? { slug } : {}),
    updatedAt: ctx.clock.now().toISOString(),
  });
  ctx.events.contentChanged();
  return (await ctx.repos.tags.findById(id))!;
}

export async function deleteTag(ctx: DomainContext, id: string): Promise<void> {
  if (!(await ctx.repos.tags.findById(id))) throw notFound('Tag');
  await ctx.repos.tags.delete(id);
  ctx.events.contentChanged();
}
