import { extname } from 'node:path';
import { z } from 'zod';
import type { DomainContext } from '../context.js';
import { DomainError, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { slugify } from '../shared/slug.js';
import { cleanText, parseInput } from '../shared/validate.js';
import type { MadeVariants, MediaRecord, ProcessedImage } from '../ports.js';

export const maxImageBytes = 20 * 1024 * 1024;

const describeFields = {
  alt: z.string().max(1000).transform(cleanText),
  caption: z.string().max(2000).transform(cleanText),
  credit: z.string().max(500).transform(cleanText),
};
const describeSchema = z.strictObject({
  alt: describeFields.alt.default(''),
  caption: describeFields.caption.default(''),
  credit: describeFields.credit.default(''),
});
/** A change to a file's texts (`PATCH /admin/api/media/:id`). */
export const redescribeSchema = z.strictObject(describeFields).partial();

export interface ImportImageInput {
  bytes: Buffer;
  originalName: string;
  alt?: string;
  caption?: string;
  credit?: string;
  uploadedBy?: string | null;
}

function storageBase(id: string, originalName: string, now: Date): string {
  const name =
    slugify(originalName.slice(0, 200).replace(extname(originalName), ''), 40).replace(/[^a-z0-9-]/g, '') ||
    'image';
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${now.getUTCFullYear()}/${month}/${name}-${id.slice(-8)}`;
}

/**
 * Adds an image to the media library: the processor checks the bytes really are an image, strips
 * every bit of metadata and makes the responsive variants; only those re-encoded files are public.
 */
export async function importImage(ctx: DomainContext, input: ImportImageInput): Promise<MediaRecord> {
  const described = describe(input);
  checkSize(input.bytes);
  const processed = await ctx.images.process(input.bytes);
  return storeImage(ctx, processed, input, described);
}

function checkSize(bytes: Buffer): void {
  if (bytes.length === 0)
    throw new DomainError('VALIDATION', 'The file is empty', [{ property: 'file', message: 'empty' }]);
  if (bytes.length > maxImageBytes)
    throw new DomainError('PAYLOAD_TOO_LARGE', 'The file is larger than 20 MiB', [
      { property: 'file', message: 'too large' },
    ]);
}

export type StoredImageInput = Omit<ImportImageInput, 'bytes'>;

/**
 * Stores what the image processor made (the public files and the media record). Only for output of
 * `ImageProcessor.process`: the demo's images are processed once, shipped, and stored through here.
 */
export function storeProcessedImage(
  ctx: DomainContext,
  processed: ProcessedImage,
  input: StoredImageInput,
): Promise<MediaRecord> {
  return storeImage(ctx, processed, input, describe(input));
}

/** The texts of a new file, checked and cleaned (only these fields: the rest is not text). */
const describe = ({ alt, caption, credit }: Pick<ImportImageInput, 'alt' | 'caption' | 'credit'>) =>
  parseInput(describeSchema, { alt, caption, credit });

async function storeImage(
  ctx: DomainContext,
  processed: ProcessedImage,
  input: StoredImageInput,
  described: ReturnType<typeof describe>,
): Promise<MediaRecord> {
  const now = ctx.clock.now();
  const id = newId(now);
  const made = await storeRenditions(ctx, storageBase(id, input.originalName, now), processed);
  const record: MediaRecord = {
    id,
    originalName: cleanText(input.originalName).slice(0, 255) || 'image',
    ...made,
    ...described,
    uploadedBy: input.uploadedBy ?? null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await ctx.repos.media.insert(record);
  return record;
}

const extensionOf = (format: string) => (format === 'jpeg' ? 'jpg' : format);

/** Writes what the processor made under one base (`2026/11/harbour-abcd1234`): the same keys whoever writes them. */
export async function storeRenditions(
  ctx: DomainContext,
  base: string,
  processed: ProcessedImage,
): Promise<MadeVariants> {
  const storageKey = `${base}.${extensionOf(processed.master.format)}`;
  await ctx.blobs.put(storageKey, processed.master.bytes, processed.mimeType);
  const variants = [];
  for (const v of processed.variants) {
    const key = `${base}-${v.width}.${extensionOf(v.format)}`;
    await ctx.blobs.put(key, v.bytes, `image/${v.format}`);
    variants.push({ width: v.width, height: v.height, format: v.format, key, sizeBytes: v.bytes.length });
  }
  return {
    storageKey,
    mimeType: processed.mimeType,
    width: processed.width,
    height: processed.height,
    sizeBytes: processed.master.bytes.length,
    variants,
  };
}

/** Formats every browser and mail client shows, so an original in them can be served as it is for a while. */
const servedAsIs = new Set(['jpeg', 'png']);
const originalSuffix = '-original';

/** The base an imported original's variants are stored under: its key without `-original.jpg`. */
export function variantBaseOf(originalKey: string): string {
  return originalKey.replace(new RegExp(`${originalSuffix}\\.[a-z0-9]+$`), '');
}

/**
 * An imported image, fast: its header is checked as an upload's would be (type, decoded size), and
 * a JPEG or PNG is stored as it came, its one rendition, while the media-variants job makes the
 * responsive variants (metadata stripped) later, off the import (src/jobs/README.md). The original
 * is public in the meantime, as it was on the old site. Other formats are processed at once.
 */
export async function importOriginal(ctx: DomainContext, input: ImportImageInput): Promise<MediaRecord> {
  const described = describe(input);
  checkSize(input.bytes);
  const facts = await ctx.images.inspect(input.bytes);
  if (!servedAsIs.has(facts.format)) return importImage(ctx, input);
  const now = ctx.clock.now();
  const id = newId(now);
  const format = facts.format as 'jpeg' | 'png';
  const originalKey = `${storageBase(id, input.originalName, now)}${originalSuffix}.${extensionOf(format)}`;
  await ctx.blobs.put(originalKey, input.bytes, `image/${format}`);
  const { width, height } = facts;
  const record: MediaRecord = {
    id,
    storageKey: originalKey,
    originalName: cleanText(input.originalName).slice(0, 255) || 'image',
    mimeType: `image/${format}`,
    width,
    height,
    sizeBytes: input.bytes.length,
    ...described,
    variants: [{ width, height, format, key: originalKey, sizeBytes: input.bytes.length }],
    uploadedBy: input.uploadedBy ?? null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    variantsState: 'pending',
    originalKey,
  };
  await ctx.repos.media.insert(record);
  return record;
}

export async function describeMedia(
  ctx: DomainContext,
  id: string,
  input: z.input<typeof redescribeSchema>,
): Promise<MediaRecord> {
  const existing = await ctx.repos.media.findById(id);
  if (!existing) throw notFound('Media');
  const parsed = parseInput(redescribeSchema, input);
  await ctx.repos.media.update(id, { ...parsed, updatedAt: ctx.clock.now().toISOString() });
  ctx.events.contentChanged();
  return (await ctx.repos.media.findById(id))!;
}
