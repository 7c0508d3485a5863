// What a screenshot shows, in numbers a test can assert: its size, how many colours it has, how much of
// it is one colour, and a digest of its pixels (two screens that look alike give the same digest).
import { createHash } from 'node:crypto';
import sharp from 'sharp';

export interface ScreenshotFacts {
  width: number;
  height: number;
  /** Distinct colours once each channel is folded to 32 levels (a blank page has one). */
  colours: number;
  /** The share of pixels of the most common colour (a blank page: 1). */
  dominantShare: number;
  /** SHA-256 of the raw RGB pixels. */
  digest: string;
}

export async function screenshotFacts(png: Buffer): Promise<ScreenshotFacts> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const counts = new Map<number, number>();
  for (let i = 0; i + 2 < data.length; i += info.channels) {
    const key = ((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let dominant = 0;
  for (const n of counts.values()) dominant = Math.max(dominant, n);
  return {
    width: info.width,
    height: info.height,
    colours: counts.size,
    dominantShare: dominant / (info.width * info.height),
    digest: createHash('sha256').update(data).digest('hex'),
  };
}

/** Why a screenshot looks blank (one colour, or almost), or undefined when it shows something. */
export function blankness(facts: ScreenshotFacts): string | undefined {
  if (facts.colours < 32) return `only ${facts.colours} colours`;
  if (facts.dominantShare > 0.97) return `${Math.round(facts.dominantShare * 100)}% of it is one colour`;
  return undefined;
}
