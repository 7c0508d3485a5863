import { z } from 'zod';
import {
  httpUrl,
  id,
  isoDate,
  languageCode,
  optionalText,
  requiredText,
  slug,
  text,
} from '../shared/fields.js';
import { editorDocumentSchema } from './editor-document.js';
import { postStatuses, postTypes, promotionModes, workTypes } from './post.types.js';

export const sourceInputSchema = z.strictObject({
  publisher: requiredText(200),
  title: text(500).default(''),
  url: httpUrl,
  note: text(1000).default(''),
  /** `imported`: offered by an import and not yet confirmed; an editor's save sends null to confirm it. */
  reviewState: z.enum(['imported']).nullable().optional(),
});

const featuredImageSchema = z.strictObject({
  mediaId: id,
  alt: optionalText(1000),
  caption: optionalText(2000),
  credit: optionalText(500),
});

/**
 * Every field a post can be saved with. Create requires a title; update takes any subset. Strict at
 * every level: a field not listed here is refused (VALIDATION, naming it), never dropped.
 */
export const postFieldsSchema = z.strictObject({
  type: z.enum(postTypes),
  title: requiredText(255),
  slug,
  standfirst: text(1000),
  excerpt: text(1000),
  body: editorDocumentSchema,
  status: z.enum(postStatuses),
  publishedAt: isoDate.nullable(),
  language: languageCode,
  translationOf: id.nullable(),
  authorIds: z.array(id).max(20),
  tagIds: z.array(id).max(50),
  featuredImage: featuredImageSchema.nullable(),
  canonicalUrl: httpUrl.nullable(),
  metaTitle: optionalText(300),
  metaDescription: optionalText(500),
  ogTitle: optionalText(300),
  ogDescription: optionalText(500),
  twitterTitle: optionalText(300),
  twitterDescription: optionalText(500),
  promotionMode: z.enum(promotionModes),
  promotionId: id.nullable(),
  isFeatured: z.boolean(),
  sources: z.array(sourceInputSchema).max(100),
  /** The type of work, shown above the headline (news unless said). */
  workType: z.enum(workTypes),
  /** Where the reporting was done, e.g. "Sørvik, Norway". */
  dateline: text(120),
});

export const createPostSchema = postFieldsSchema.partial().required({ title: true });
export const updatePostSchema = postFieldsSchema.partial();
export type CreatePostInput = z.input<typeof createPostSchema>;
export type UpdatePostInput = z.input<typeof updatePostSchema>;
export type PostFields = z.output<typeof updatePostSchema>;
