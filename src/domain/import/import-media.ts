import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { DomainContext } from '../context.js';
import { importImage } from '../media/import-image.js';
import type { BlockNode, FigureAttrs } from '../posts/editor-document.js';
import { DomainError } from '../shared/errors.js';
import type { WordPressImportPorts } from './import-ports.js';
import { remember, source } from './import-people.js';
import type { ImportReport } from './import-report.js';
import type { ExportIndex, IndexedAttachment } from './wordpress-index.js';
import { uploadsKeyOf, uploadsPathOf } from './wordpress-meta.js';

/**
 * Images of a copy of `wp-content/uploads`, stored through the media pipeline once each: every size
 * WordPress made of one upload (`-300x200`, `-scaled`, `?ver=`) is one key, and two keys with the
 * same bytes are one media item (by SHA-256). Without an uploads folder nothing is read and
 * references stay as they are.
 */
export class MediaResolver {
  private readonly byKey = new Map<string, string | null>();
  private readonly attachmentsByKey = new Map<string, IndexedAttachment>();

  constructor(
    private readonly tx: DomainContext,
    private readonly ports: WordPressImportPorts,
    private readonly report: ImportReport,
    private readonly options: { isDryRun: boolean; index: ExportIndex },
  ) {
    for (const attachment of options.index.attachments.values())
      if (attachment.uploadsKey) this.attachmentsByKey.set(attachment.uploadsKey, attachment);
  }

  get isEnabled(): boolean {
    return this.ports.readUpload !== undefined;
  }

  attachmentFor(url: string): IndexedAttachment | undefined {
    const key = uploadsKeyOf(url);
    return key === undefined ? undefined : this.attachmentsByKey.get(key);
  }

  /** The media id for an uploads URL, importing the file on first sight; undefined when not local or missing. */
  async resolve(url: string): Promise<string | undefined> {
    const key = uploadsKeyOf(url);
    if (key === undefined || !this.isEnabled) return undefined;
    if (!this.byKey.has(key)) this.byKey.set(key, (await this.load(key, url)) ?? null);
    return this.byKey.get(key) ?? undefined;
  }

  private async load(key: string, url: string): Promise<string | undefined> {
    const known = await this.tx.repos.importedItems.find(source, 'media-path', key);
    if (known && (await this.tx.repos.media.findById(known))) {
      this.report.media.updated++;
      return known;
    }
    const bytes = (await this.ports.readUpload!(key)) ?? (await this.readExact(url, key));
    if (bytes === undefined) {
      this.report.media.missing.push(url);
      return undefined;
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    const same = await this.tx.repos.importedItems.find(source, 'media-hash', hash);
    const id = same && (await this.tx.repos.media.findById(same)) ? same : await this.store(key, url, bytes);
    if (id === undefined) return undefined;
    if (id === same) this.report.media.skipped++;
    await remember(this.tx, 'media-hash', hash, id);
    await remember(this.tx, 'media-path', key, id);
    return id;
  }

  /** The file as the URL names it, when the full-size original is not in the folder. */
  private async readExact(url: string, key: string): Promise<Buffer | undefined> {
    const exact = uploadsPathOf(url);
    return exact && exact !== key ? this.ports.readUpload!(exact) : undefined;
  }

  private async store(key: string, url: string, bytes: Buffer): Promise<string | undefined> {
    this.report.media.created++;
    if (this.options.isDryRun) return `dry-run:${key}`;
    const attachment = this.attachmentsByKey.get(key);
    try {
      const media = await importImage(this.tx, {
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

  /** The blocks with every figure of an uploads image pointing at its media item, texts filled from the attachment. */
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
    const attachment = this.attachmentFor(attrs.src);
    const filled = {
      ...attrs,
      alt: attrs.alt || (attachment?.alt ?? '').slice(0, 1000),
      credit: attrs.credit || (attachment?.credit ?? '').slice(0, 500),
    };
    const id = await this.resolve(attrs.src);
    return id && !id.startsWith('dry-run:') ? { ...filled, src: `media:${id}` } : filled;
  }
}
