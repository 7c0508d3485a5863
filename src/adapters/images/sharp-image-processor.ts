import { availableParallelism } from 'node:os';
import type sharp from 'sharp';
import type { ImageFacts, ImageProcessor, ProcessedImage } from '../../domain/ports.js';
import type { ImageVariant } from '../../domain/posts/post.types.js';
import { DomainError } from '../../domain/shared/errors.js';
import { imageDecodeQueue } from './decode-queue.js';

const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'tiff', 'heif']);
export const variantWidths = [480, 960, 1440, 1920];
const masterMaxWidth = 2400;
const maxPixels = 50_000_000;
/**
 * The most memory one decoded image may take (width × height × channels × bytes per sample, read from
 * the header before anything is decoded). A 24-megapixel photo with alpha takes 96 MiB; a 7000×7000
 * PNG bomb of 150 KB would take 187 MiB and is refused.
 */
export const maxDecodedBytes = 128 * 1024 * 1024;
const mib = (bytes: number) => Math.ceil(bytes / (1024 * 1024));

const refuse = (message: string) => new DomainError('VALIDATION', message, [{ property: 'file', message }]);
const refuseType = (message: string) =>
  new DomainError('UNSUPPORTED_MEDIA_TYPE', message, [{ property: 'file', message }]);
const refuseSize = (message: string) =>
  new DomainError('PAYLOAD_TOO_LARGE', message, [{ property: 'file', message }]);

const bytesPerSample: Record<string, number> = {
  uchar: 1,
  char: 1,
  ushort: 2,
  short: 2,
  uint: 4,
  int: 4,
  float: 4,
};

/** What decoding the image would cost in memory, from its header alone. */
export function decodedBytesOf(
  meta: Pick<sharp.Metadata, 'width' | 'height' | 'channels' | 'depth'>,
): number {
  return (
    (meta.width ?? 0) * (meta.height ?? 0) * (meta.channels ?? 4) * (bytesPerSample[meta.depth ?? ''] ?? 8)
  );
}

type Sharp = typeof sharp;
let loaded: Promise<Sharp> | undefined;

/** sharp, loaded on first use (libvips is large and a serving process rarely needs it), kept frugal. */
function loadSharp(): Promise<Sharp> {
  loaded ??= import('sharp').then(({ default: s }) => {
    // Few libvips threads per image, and a small cache: the queue, not libvips, decides how many run.
    s.concurrency(Math.min(2, availableParallelism()));
    s.cache({ memory: 16, files: 0, items: 16 });
    return s;
  });
  return loaded;
}

function widthsFor(width: number): number[] {
  const widths = variantWidths.filter((w) => w < width);
  if (width <= masterMaxWidth && !widths.includes(width)) widths.push(width);
  if (width > masterMaxWidth) widths.push(Math.min(width, variantWidths.at(-1)!));
  return [...new Set(widths)].sort((a, b) => a - b);
}

async function encode(input: sharp.Sharp, format: ImageVariant['format'], width: number) {
  const resized = input.resize({ width, withoutEnlargement: true });
  const encoded =
    format === 'avif'
      ? resized.avif({ quality: 50, effort: 2 })
      : format === 'webp'
        ? resized.webp({ quality: 78 })
        : format === 'png'
          ? resized.png({ compressionLevel: 9 })
          : resized.jpeg({ quality: 82, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, format, bytes: data };
}

/** The header, read without decoding: refuses what is not an accepted raster image or is too big to decode. */
async function checkedMetadata(s: Sharp, bytes: Buffer): Promise<sharp.Metadata> {
  let meta: sharp.Metadata;
  try {
    meta = await s(bytes, { limitInputPixels: maxPixels }).metadata();
  } catch {
    throw refuseType('The file is not an image we can read (JPEG, PNG, WebP, AVIF, GIF or TIFF)');
  }
  if (!meta.format || !acceptedFormats.has(meta.format))
    throw refuseType(`Images of type ${meta.format ?? 'unknown'} are not accepted`);
  if (!meta.width || !meta.height) throw refuse('The image has no size');
  if (meta.width * meta.height > maxPixels) throw refuseSize('The image has more than 50 megapixels');
  const decoded = decodedBytesOf(meta);
  if (decoded > maxDecodedBytes)
    throw refuseSize(
      `The image would take ${mib(decoded)} MiB of memory to decode; the limit is ${mib(maxDecodedBytes)} MiB (${meta.width}×${meta.height} pixels)`,
    );
  return meta;
}

/** Decodes once, oriented and no wider than the master, into 8-bit sRGB pixels the variants are made from. */
async function decodeOnce(s: Sharp, bytes: Buffer, meta: sharp.Metadata) {
  const isTurned = (meta.orientation ?? 1) >= 5;
  const orientedWidth = isTurned ? meta.height! : meta.width!;
  try {
    const { data, info } = await s(bytes, { limitInputPixels: maxPixels, failOn: 'error', animated: false })
      .rotate()
      .resize({ width: Math.min(orientedWidth, masterMaxWidth), withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return { data, info, orientedWidth };
  } catch {
    throw refuse('The image is damaged and cannot be decoded');
  }
}

/**
 * Decodes with sharp (so the type is known from the bytes, not the name), refuses SVG and anything
 * that is not a raster image, refuses by decoded size before decoding, applies the EXIF orientation,
 * then re-encodes from that one decoded copy. Decoding and encoding run in the one decode queue. sharp writes
 * no metadata unless asked, so EXIF, GPS, XMP, IPTC and comments are gone from every output.
 */
export const sharpImageProcessor: ImageProcessor = {
  async inspect(bytes: Buffer): Promise<ImageFacts> {
    const meta = await checkedMetadata(await loadSharp(), bytes);
    const isTurned = (meta.orientation ?? 1) >= 5;
    return {
      format: meta.format!,
      width: isTurned ? meta.height! : meta.width!,
      height: isTurned ? meta.width! : meta.height!,
    };
  },
  async process(bytes: Buffer): Promise<ProcessedImage> {
    const s = await loadSharp();
    const meta = await checkedMetadata(s, bytes);
    return imageDecodeQueue.run(async () => {
      const { data, info, orientedWidth } = await decodeOnce(s, bytes, meta);
      const pixels = () =>
        s(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
      const fallback: ImageVariant['format'] = meta.hasAlpha ? 'png' : 'jpeg';
      // Every rendition is made from the one decoded copy (at most 2400 pixels wide), so making
      // them side by side costs little memory next to the decode the queue bounds.
      const [master, ...variants] = await Promise.all([
        encode(pixels(), fallback, Math.min(orientedWidth, masterMaxWidth)),
        ...widthsFor(orientedWidth).flatMap((w) =>
          (['avif', 'webp', fallback] as const).map((format) => encode(pixels(), format, w)),
        ),
      ]);
      return {
        mimeType: `image/${fallback}`,
        width: master.width,
        height: master.height,
        master: { bytes: master.bytes, format: fallback },
        variants,
      };
    });
  },
};
