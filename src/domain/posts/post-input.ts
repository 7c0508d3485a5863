import { z } from 'zod';
import { cleanText, isHttpUrl } from '../shared/validate.js';
import { isValidSlug } from '../shared/slug.js';
import { editorDocumentSchema } from './editor-document.js';
import { postStatuses, postTypes, promoSlots } from './post.types.js';

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`).transform(cleanText);
const optionalText = (max: number) => text(max).nullable().optional();
const isoDate = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date and time such as 2026-11-24T09:00:00Z')
  .transform((v) => new Date(v).toISOString());
const httpUrl = z
  .string()
  .max(2048)
  .transform((v) => v.trim())
  .refine(isHttpUrl, 'must be an http(s) URL');
export const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'must be a language code such as en or nb');

export const sourceInputSchema = z.object({
  publisher: text(200).refine((v) => v.length > 0, 'is required'),
  title: text(500).default(''),
  url: httpUrl,
  note: text(1000).default(''),
});

const featuredImageSchema = z.object({
  mediaId: z.string().min(1).max(64),
  alt: optionalText(1000),
  caption: optionalText(2000),
  credit: optionalText(500),
});

/** Every field a post can be saved with. Create requires a title; update takes any subset. */
export const postFieldsSchema = z.object({
  type: z.enum(postTypes),
  title: text(255).refine((v) => v.length > 0, 'is required'),
  slug: z
    .string()
    .max(191)
    .transform((v) => v.trim().toLowerCase())
    .refine((v) => v === '' || isValidSlug(v), 'may only contain letters, digits and single hyphens'),
  standfirst: text(1000),
  excerpt: text(1000),
  body: editorDocumentSchema,
  status: z.enum(postStatuses),
  publishedAt: isoDate.nullable(),
  language: languageCode,
  translationOf: z.string().max(64).nullable(),
  authorIds: z.array(z.string().max(64)).max(20),
  tagIds: z.array(z.string().max(64)).max(50),
  featuredImage: featuredImageSchema.nullable(),
  canonicalUrl: httpUrl.nullable(),
  metaTitle: optionalText(300),
  metaDescription: optionalText(500),
  ogTitle: optionalText(300),
  ogDescription: optionalText(500),
  twitterTitle: optionalText(300),
  twitterDescription: optionalText(500),
  promoSlot: z.enum(promoSlots).nullable(),
  isFeatured: z.boolean(),
  sources: z.array(sourceInputSchema).max(100),
});

export const createPostSchema = postFieldsSchema.partial().required({ title: true });
export const updatePostSchema = postFieldsSchema.partial();
export type CreatePostInput = z.input<typeof createPostSchema>;
export type UpdatePostInput = z.input<typeof updatePostSchema>;
export type PostFields = z.output<typeof updatePostSchema>;
