import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { DomainContext } from '../context.js';
import { importOriginal } from '../media/import-image.js';
import type { BlockNode, FigureAttrs } from '../posts/editor-document.js';
import { DomainError } from '../shared/errors.js';
import type { WantedImage, WordPressImportPorts } from './import-ports.js';
import { rememberFrom } from './import-people.js';
import type { ImportReport } from './import-report.js';
import type { ExportIndex } from './wordpress-index.js';
import { uploadsKeyOf, uploadsPathOf } from './wordpress-meta.js';

/** The texts an old site kept for an image (a WordPress attachment's alt, caption and credit). */
export interface ImageTexts {
  alt: string;
  caption: string;
  credit: string;
}

/** Why an image could not be read (a fetch's refusal or answer), for the report's missing media. */
export interface MissingImage {
  problem: string;
}

/** Where an import's images come from, and how the old site's URLs name them. */
export interface ImageOrigin {
  /** The import's source (`wordpress`, `ghost`): what it remembers media under. */
  source: string;
  /** One key for every size of one image, or undefined for a URL that is not the old site's. */
  keyOf(url: string): string | undefined;
  /** The file's bytes by key (or, when the key's file is absent, by the URL as written), or why there are none. */
  read?: (key: string, url: string) => Promise<Buffer | MissingImage | undefined>;
  textsFor(key: string): ImageTexts | undefined;
}

/**
 * Images of the old site, stored through the media pipeline once each: every size the old site made
 * of one image (WordPress's `-300x200`, Ghost's `/size/w600/`) is one key, and two keys with the same
 * bytes are one media item (by SHA-256). Without a folder of images nothing is read and references
 * stay as they are.
 */
export class MediaResolver {
  private readonly byKey = new Map<string, string | null>();

  constructor(
    private readonly tx: DomainContext,
    private readonly origin: ImageOrigin,
    private readonly report: ImportReport,
    private readonly options: { isDryRun: boolean },
  ) {}

  get isEnabled(): boolean {
    return this.origin.read !== undefined;
  }

  /** Whether the URL names one of the old site's own images (which a folder of images may hold). */
  isOwnImage(url: string): boolean {
    return this.origin.keyOf(url) !== undefined;
  }

  textsFor(url: string): ImageTexts | undefined {
    const key = this.origin.keyOf(url);
    return key === undefined ? undefined : this.origin.textsFor(key);
  }

  /** The media id for an uploads URL, importing the file on first sight; undefined when not local or missing. */
  async resolve(url: string): Promise<string | undefined> {
    const key = this.origin.keyOf(url);
    if (key === undefined || !this.isEnabled) return undefined;
    if (!this.byKey.has(key)) this.byKey.set(key, (await this.load(key, url)) ?? null);
    return this.byKey.get(key) ?? undefined;
  }

  private async load(key: string, url: string): Promise<string | undefined> {
    const known = await this.tx.repos.importedItems.find(this.origin.source, 'media-path', key);
    if (known && (await this.tx.repos.media.findById(known))) {
      this.report.media.updated++;
      return known;
    }
    const bytes = await this.origin.read!(key, url);
    if (!Buffer.isBuffer(bytes)) {
      this.report.media.missing.push(bytes ? `${url} (${bytes.problem})` : url);
      return undefined;
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    const same = await this.tx.repos.importedItems.find(this.origin.source, 'media-hash', hash);
    const id = same && (await this.tx.repos.media.findById(same)) ? same : await this.store(key, url, bytes);
    if (id === undefined) return undefined;
    if (id === same) this.report.media.skipped++;
    const { source } = this.origin;
    await rememberFrom(this.tx, { source, kind: 'media-hash', key: hash, targetId: id });
    await rememberFrom(this.tx, { source, kind: 'media-path', key, targetId: id });
    return id;
  }

  private async store(key: string, url: string, bytes: Buffer): Promise<string | undefined> {
    this.report.media.created++;
    if (this.options.isDryRun) return `dry-run:${key}`;
    const attachment = this.origin.textsFor(key);
    try {
      // Stored as it came; the media-variants job makes the variants after the import.
      const media = await importOriginal(this.tx, {
        bytes,
        originalName: basename(key),
        alt: (attachment?.alt ?? '').slice(0, 1000),
        caption: (attachment?.caption ?? '').slice(0, 2000),
        credit: (attachment?.credit ?? '').slice(0, 500),
        uploadedBy: null,
      });
      return media.id;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.report.media.created--;
      this.report.media.missing.push(`${url} (${error.message})`);
      return undefined;
    }
  }

  /** The blocks with every figure of the old site's images pointing at its media item, texts filled from the old site's. */
  async placeFigures(blocks: BlockNode[]): Promise<BlockNode[]> {
    const placed: BlockNode[] = [];
    for (const block of blocks) placed.push(await this.placeBlock(block));
    return placed;
  }

  private async placeBlock(block: BlockNode): Promise<BlockNode> {
    if (block.type === 'figure') return { ...block, attrs: await this.placeFigure(block.attrs) };
    if (block.type === 'gallery') {
      const images: FigureAttrs[] = [];
      for (const image of block.attrs.images) images.push(await this.placeFigure(image));
      return { ...block, attrs: { images } };
    }
    if (block.type === 'blockquote') return { ...block, content: await this.placeFigures(block.content) };
    return block;
  }

  private async placeFigure(attrs: FigureAttrs): Promise<FigureAttrs> {
    const attachment = this.textsFor(attrs.src);
    const filled = {
      ...attrs,
      alt: attrs.alt || (attachment?.alt ?? '').slice(0, 1000),
      credit: attrs.credit || (attachment?.credit ?? '').slice(0, 500),
    };
    const id = await this.resolve(attrs.src);
    return id && !id.startsWith('dry-run:') ? { ...filled, src: `media:${id}` } : filled;
  }
}

/** A WordPress export's images: keys in `wp-content/uploads`, texts from the attachments. */
export function wordPressImages(ports: WordPressImportPorts, index: ExportIndex): ImageOrigin {
  const attachments = new Map<string, ImageTexts>();
  for (const attachment of index.attachments.values())
    if (attachment.uploadsKey) attachments.set(attachment.uploadsKey, attachment);
  const { readUpload, fetchMedia } = ports;
  // The file as the URL names it, when the full-size original is not in the folder.
  const fromFolder = async (key: string, url: string) => {
    if (!readUpload) return undefined;
    const exact = uploadsPathOf(url);
    return (await readUpload(key)) ?? (exact !== undefined && exact !== key ? readUpload(exact) : undefined);
  };
  return {
    source: 'wordpress',
    keyOf: uploadsKeyOf,
    textsFor: (key) => attachments.get(key),
    ...((readUpload || fetchMedia) && {
      read: async (key: string, url: string) => (await fromFolder(key, url)) ?? fetchMedia?.read(key),
    }),
  };
}

const uploadsMarker = '/wp-content/uploads/';
const hostOf = (url: string) => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
};

/**
 * The images a WordPress import fetches by URL: the attachments' and those the content shows on
 * the old site's hosts (its own addresses and its attachments'), unless the uploads folder holds
 * them or an earlier run imported them (so a re-run fetches nothing again). For each, the
 * full-size original is tried first, then the URLs as the export writes them.
 */
export async function imagesToFetch(
  ctx: DomainContext,
  ports: WordPressImportPorts,
  index: ExportIndex,
): Promise<WantedImage[]> {
  const hosts = new Set([...index.siteUrls].map(hostOf));
  const urlsByKey = new Map<string, string[]>();
  const add = (key: string, url: string) => urlsByKey.set(key, [...(urlsByKey.get(key) ?? []), url]);
  for (const attachment of index.attachments.values())
    if (attachment.uploadsKey && hostOf(attachment.url)) {
      hosts.add(hostOf(attachment.url));
      add(attachment.uploadsKey, attachment.url);
    }
  for (const [key, urls] of index.contentImages)
    for (const url of urls) if (hosts.has(hostOf(url))) add(key, url);
  const wanted: WantedImage[] = [];
  for (const [key, urls] of urlsByKey) {
    const known = await ctx.repos.importedItems.find('wordpress', 'media-path', key);
    if (known && (await ctx.repos.media.findById(known))) continue;
    if (ports.readUpload && (await ports.readUpload(key)) !== undefined) continue;
    wanted.push({ key, urls: [...new Set([originalUrlOf(key, urls[0]!), ...urls])] });
  }
  return wanted;
}

/** The full-size original's URL: the uploads folder of a URL the export writes, then the key. */
function originalUrlOf(key: string, url: string): string {
  const at = url.toLowerCase().indexOf(uploadsMarker);
  return `${url.slice(0, at + uploadsMarker.length)}${key.split('/').map(encodeURIComponent).join('/')}`;
}
