import type sharp from 'sharp';
import type { ImageProcessor, ProcessedImage } from '../../domain/ports.js';
import type { ImageVariant } from '../../domain/posts/post.types.js';
import { DomainError } from '../../domain/shared/errors.js';

const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'tiff', 'heif']);
export const variantWidths = [480, 960, 1440, 1920];
const masterMaxWidth = 2400;
const maxPixels = 50_000_000;

const refuse = (message: string) => new DomainError('VALIDATION', message, [{ property: 'file', message }]);
const refuseType = (message: string) =>
  new DomainError('UNSUPPORTED_MEDIA_TYPE', message, [{ property: 'file', message }]);

function widthsFor(width: number): number[] {
  const widths = variantWidths.filter((w) => w < width);
  if (width <= masterMaxWidth && !widths.includes(width)) widths.push(width);
  if (width > masterMaxWidth) widths.push(Math.min(width, variantWidths.at(-1)!));
  return [...new Set(widths)].sort((a, b) => a - b);
}

async function encode(input: sharp.Sharp, format: ImageVariant['format'], width: number) {
  const resized = input.clone().resize({ width, withoutEnlargement: true });
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

/**
 * Decodes with sharp (so the type is known from the bytes, not the name), refuses SVG and anything
 * that is not a raster image, applies the EXIF orientation, then re-encodes. sharp writes no
 * metadata unless asked, so EXIF, GPS, XMP, IPTC and comments are gone from every output.
 */
export const sharpImageProcessor: ImageProcessor = {
  async process(bytes: Buffer): Promise<ProcessedImage> {
    // Loaded on first use: libvips is large and a serving process rarely needs it.
    const { default: sharp } = await import('sharp');
    let meta: sharp.Metadata;
    try {
      meta = await sharp(bytes, { limitInputPixels: maxPixels }).metadata();
    } catch {
      throw refuseType('The file is not an image we can read (JPEG, PNG, WebP, AVIF, GIF or TIFF)');
    }
    if (!meta.format || !acceptedFormats.has(meta.format))
      throw refuseType(`Images of type ${meta.format ?? 'unknown'} are not accepted`);
    if (!meta.width || !meta.height) throw refuse('The image has no size');
    if (meta.width * meta.height > maxPixels)
      throw new DomainError('PAYLOAD_TOO_LARGE', 'The image has more than 50 megapixels', [
        { property: 'file', message: 'more than 50 megapixels' },
      ]);
    const input = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', animated: false }).rotate();
    let oriented: { info: sharp.OutputInfo };
    try {
      oriented = await input.clone().toBuffer({ resolveWithObject: true });
    } catch {
      throw refuse('The image is damaged and cannot be decoded');
    }
    const fallback: ImageVariant['format'] = meta.hasAlpha ? 'png' : 'jpeg';
    const width = oriented.info.width;
    const master = await encode(input, fallback, Math.min(width, masterMaxWidth));
    const jobs = widthsFor(width).flatMap((w) =>
      (['avif', 'webp', fallback] as const).map((format) => encode(input, format, w)),
    );
    const variants = await Promise.all(jobs);
    return {
      mimeType: `image/${fallback}`,
      width: master.width,
      height: master.height,
      master: { bytes: master.bytes, format: fallback },
      variants,
    };
  },
};
