// The demo's images are drawn and encoded once by `npm run demo:images` and shipped in prepared/,
// so a first start stores files instead of spending a minute in libvips. Each manifest carries a
// fingerprint of what made it (the drawing and the variant widths); a stale or missing one is
// drawn and encoded again at load time, so the demo is never wrong, only slower.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { variantWidths } from '../adapters/images/sharp-image-processor.js';
import type { ProcessedImage } from '../domain/ports.js';
import type { ImageVariant } from '../domain/posts/post.types.js';
import { projectRoot } from '../http/project-root.js';
import type { DemoImage } from './demo-site.types.js';
import { buildDemoSvg } from './generate-image.js';

/** Bump when the image processor's encoding changes in a way the widths do not show. */
const recipeVersion = 1;

interface PreparedFile {
  file: string;
  width: number;
  height: number;
  format: ImageVariant['format'];
}

interface PreparedManifest {
  fingerprint: string;
  mimeType: string;
  width: number;
  height: number;
  master: PreparedFile;
  variants: PreparedFile[];
}

export const preparedImagesDir = () => join(projectRoot(), 'src', 'demo', 'prepared');

export function demoImageFingerprint(image: DemoImage): string {
  const recipe = JSON.stringify({
    svg: buildDemoSvg(image),
    size: [image.width, image.height],
    variantWidths,
  });
  return createHash('sha256').update(`${recipeVersion}\n${recipe}`).digest('hex');
}

const extension = (format: ImageVariant['format']) => (format === 'jpeg' ? 'jpg' : format);

function readManifest(dir: string, image: DemoImage): PreparedManifest | undefined {
  const path = join(dir, `${image.key}.json`);
  if (!existsSync(path)) return undefined;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as PreparedManifest;
  return manifest.fingerprint === demoImageFingerprint(image) ? manifest : undefined;
}

/** The shipped, already processed files of a demo image, or undefined when missing or stale. */
export function readPreparedImage(image: DemoImage, dir = preparedImagesDir()): ProcessedImage | undefined {
  const manifest = readManifest(dir, image);
  if (!manifest) return undefined;
  const bytesOf = (f: PreparedFile) => readFileSync(join(dir, f.file));
  return {
    mimeType: manifest.mimeType,
    width: manifest.width,
    height: manifest.height,
    master: { bytes: bytesOf(manifest.master), format: manifest.master.format },
    variants: manifest.variants.map((v) => ({
      width: v.width,
      height: v.height,
      format: v.format,
      bytes: bytesOf(v),
    })),
  };
}

/** Writes a demo image's processed files and manifest into `dir`. */
export function writePreparedImage(image: DemoImage, processed: ProcessedImage, dir = preparedImagesDir()) {
  mkdirSync(dir, { recursive: true });
  const save = (name: string, bytes: Buffer) => (writeFileSync(join(dir, name), bytes), name);
  const master: PreparedFile = {
    file: save(`${image.key}.${extension(processed.master.format)}`, processed.master.bytes),
    width: processed.width,
    height: processed.height,
    format: processed.master.format,
  };
  const variants = processed.variants.map((v) => ({
    file: save(`${image.key}-${v.width}.${extension(v.format)}`, v.bytes),
    width: v.width,
    height: v.height,
    format: v.format,
  }));
  const manifest: PreparedManifest = {
    fingerprint: demoImageFingerprint(image),
    mimeType: processed.mimeType,
    width: processed.width,
    height: processed.height,
    master,
    variants,
  };
  writeFileSync(join(dir, `${image.key}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
}
