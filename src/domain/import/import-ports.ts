import type { GhostContent, GhostStoredContent } from './ghost-export.js';
import type { WordPressContent, WordPressContentContext, WxrRecord } from './wordpress-export.js';

/** What an import made of one thing it read: `kind` and `key` as the source names it. */
export interface ImportedItem {
  source: string;
  kind: string;
  key: string;
  targetId: string;
}

/** The import's memory of earlier runs, so that a re-run updates instead of duplicating. */
export interface ImportedItemRepository {
  find(source: string, kind: string, key: string): Promise<string | undefined>;
  /** Every key of one kind with what it became (for the few kinds an import needs whole). */
  all(source: string, kind: string): Promise<Map<string, string>>;
  /** Records (or, for a key seen before, repoints) what a key became. */
  put(item: ImportedItem, now: string): Promise<void>;
}

/**
 * What a WordPress import needs from the world, given by the composition root: the export's
 * records read from a file (streaming, no entity expanded), a post's content as the editor's blocks,
 * a caption's trailing credit split off, and the bytes of a file in a copy of `wp-content/uploads`.
 */
export interface WordPressImportPorts {
  readExport(path: string): AsyncIterable<WxrRecord>;
  contentToBlocks(content: string, context: WordPressContentContext): Promise<WordPressContent>;
  splitCredit(text: string): { caption: string; credit: string };
  /** The file at that path under the uploads folder (`2024/05/x.jpg`); undefined when absent. */
  readUpload?: (relativePath: string) => Promise<Buffer | undefined>;
  /** Images fetched by URL (`--fetch-media`), through the safe outbound fetcher. */
  fetchMedia?: MediaFetch;
}

/** An image to fetch: its key (one for every size) and the URLs to try, the full-size original first. */
export interface WantedImage {
  key: string;
  urls: string[];
}

/**
 * Images of an old site fetched by URL, before the import's transaction (no fetch holds it open),
 * a few at a time and at most a couple per host, kept aside on disk until the import reads them.
 */
export interface MediaFetch {
  fetchAll(
    wanted: WantedImage[],
    onProgress?: (progress: { done: number; total: number }) => void,
  ): Promise<void>;
  /** The fetched bytes, or why there are none (the last answer or refusal of each URL tried). */
  read(key: string): Promise<Buffer | { problem: string }>;
  /** Removes what was kept aside. */
  close(): Promise<void>;
}

/** Files of an old site, by a relative path (`2024/05/photo.jpg`); undefined when absent. */
export interface ImageSource {
  read(key: string): Promise<Buffer | undefined>;
  close(): Promise<void>;
}

/** One of Ghost's own redirects (redirects.yaml or redirects.json), as written there. */
export interface GhostRedirect {
  from: string;
  to: string;
  isPermanent: boolean;
}

/**
 * What a Ghost import needs from the world: the export parsed safely (size, depth and prototype
 * keys checked, refused with a GhostReadError), a post's content as the editor's blocks, Ghost's
 * redirects file, and the site's images (a folder or a ZIP of `content/images`).
 */
export interface GhostImportPorts {
  readExport(path: string): Promise<unknown>;
  contentToBlocks(content: GhostStoredContent): Promise<GhostContent>;
  readRedirects(path: string): Promise<GhostRedirect[]>;
  images?: ImageSource;
}
