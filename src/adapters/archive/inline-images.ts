import type { Document, Element } from 'domhandler';
import { DomUtils } from 'htmlparser2';
import type { OutboundFetcher } from '../../domain/fetch-ports.js';

export interface ImageBudget {
  perImageBytes: number;
  totalBytes: number;
  /** Images fetched at most; the rest are dropped. */
  count: number;
  /** Time for all of a page's images; those not fetched by then are dropped. */
  totalMs: number;
}

/** The image types a snapshot keeps, told by their first bytes (a server's Content-Type is not believed). */
const signatures: { type: string; matches: (bytes: Buffer) => boolean }[] = [
  {
    type: 'image/png',
    matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', matches: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  {
    type: 'image/webp',
    matches: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

export function imageTypeOf(bytes: Buffer): string | undefined {
  return signatures.find((signature) => signature.matches(bytes))?.type;
}

/**
 * Replaces each image's source by a `data:` URL of its bytes, fetched through the safe fetcher, so
 * the snapshot loads nothing from anywhere. An image that is too large, over the budget, not one of
 * the kept types (SVG included: it can carry script) or that fails to load is removed.
 */
export async function inlineImages(
  root: Element | Document,
  input: { baseUrl: string; fetcher: OutboundFetcher; budget: ImageBudget },
): Promise<void> {
  let spent = 0;
  let fetched = 0;
  const deadline = Date.now() + input.budget.totalMs;
  for (const img of DomUtils.findAll((e) => e.name === 'img', root.children)) {
    const url = sourceOf(img, input.baseUrl);
    if (!url || fetched >= input.budget.count || Date.now() > deadline) {
      DomUtils.removeElement(img);
      continue;
    }
    fetched++;
    const bytes = await fetchImage(input.fetcher, url, input.budget.perImageBytes);
    const type = bytes && imageTypeOf(bytes);
    if (!bytes || !type || spent + bytes.length > input.budget.totalBytes) {
      DomUtils.removeElement(img);
      continue;
    }
    spent += bytes.length;
    img.attribs = {
      src: `data:${type};base64,${bytes.toString('base64')}`,
      alt: img.attribs.alt ?? '',
      ...(img.attribs.width ? { width: img.attribs.width } : {}),
      ...(img.attribs.height ? { height: img.attribs.height } : {}),
    };
  }
}

function sourceOf(img: Element, baseUrl: string): string | undefined {
  const candidates = [
    img.attribs.src,
    img.attribs['data-src'],
    img.attribs.srcset?.split(',')[0]?.trim().split(/\s+/)[0],
  ];
  for (const candidate of candidates) {
    if (!candidate || candidate.trim().toLowerCase().startsWith('data:')) continue;
    try {
      const url = new URL(candidate.trim(), baseUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // not a URL: try the next candidate
    }
  }
  return undefined;
}

async function fetchImage(
  fetcher: OutboundFetcher,
  url: string,
  maxBytes: number,
): Promise<Buffer | undefined> {
  try {
    const answer = await fetcher.get(url);
    if (answer.status !== 200 || answer.body.length > maxBytes) return undefined;
    return answer.body;
  } catch {
    return undefined;
  }
}
