import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface RenderedPage {
  status: number;
  contentType: string;
  body: string;
  /** Seconds shared caches and browsers may keep it. */
  maxAge?: number;
}

export type Encoding = 'br' | 'gzip' | 'identity';

export interface CachedPage {
  status: number;
  contentType: string;
  maxAge: number;
  etag: string;
  /** When the entry stops being served (ms since the epoch); Infinity when never. */
  expiresAt: number;
  bodies: Partial<Record<Encoding, Buffer>>;
  /** Ready-made answers per encoding (headers as a flat list), built on first use. */
  responses: Partial<Record<Encoding | `${Encoding}-304`, PreparedResponse>>;
}

export interface PreparedResponse {
  status: number;
  headers: Record<string, string>;
  headerList: string[];
  body: Buffer | null;
}

/**
 * Rendered public pages, keyed by path. A content change drops the pages that show it (see
 * site/cache-drops.ts), so a publish shows at once and a draft save drops nothing. Compressed bodies are made once, the first time a client asks for that encoding.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private generation = 0;
  /** Page requests answered from the cache, and those rendered because it held nothing (for metrics). */
  hits = 0;
  misses = 0;

  /**
   * `maxLifeMs` bounds how long an entry is served (the pages carry signed form tokens that expire);
   * `now` is the clock in milliseconds.
   */
  constructor(
    private readonly maxEntries: number,
    private readonly options: { maxLifeMs?: number; now?: () => number } = {},
  ) {}

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page && page.expiresAt <= this.now()) {
      this.pages.delete(key);
      return undefined;
    }
    return page;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** The current generation; a render that started before a change must not be stored. */
  get currentGeneration(): number {
    return this.generation;
  }

  store(key: string, page: RenderedPage, generation: number): CachedPage {
    const identity = Buffer.from(page.body);
    const entry: CachedPage = {
      status: page.status,
      contentType: page.contentType,
      maxAge: page.maxAge ?? 0,
      expiresAt: this.options.maxLifeMs ? this.now() + this.options.maxLifeMs : Infinity,
      etag: `"${createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`,
      bodies: { identity },
      responses: {},
    };
    if (this.maxEntries > 0 && generation === this.generation) {
      if (this.pages.size >= this.maxEntries) this.pages.delete(this.pages.keys().next().value!);
      this.pages.set(key, entry);
    }
    return entry;
  }

  clear(): void {
    this.generation++;
    this.pages.clear();
  }

  /** Drops the pages whose key passes the test; renders in flight when it is called are not stored. */
  dropWhere(isShown: (key: string) => boolean): void {
    this.generation++;
    for (const key of [...this.pages.keys()]) if (isShown(key)) this.pages.delete(key);
  }

  has(key: string): boolean {
    return this.pages.has(key);
  }

  get size(): number {
    return this.pages.size;
  }
}

export function bodyFor(page: CachedPage, encoding: Encoding): Buffer {
  const existing = page.bodies[encoding];
  if (existing) return existing;
  const identity = page.bodies.identity!;
  const compressed =
    encoding === 'br'
      ? brotliCompressSync(identity, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 9,
            [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
          },
        })
      : gzipSync(identity, { level: 9 });
  page.bodies[encoding] = compressed;
  return compressed;
}

const compressible = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|feed\+json|ld\+json))/;

/** Picks br, then gzip, from Accept-Encoding (q=0 refuses); small or binary bodies stay as they are. */
export function negotiateEncoding(acceptEncoding: string | undefined, page: CachedPage): Encoding {
  if (!acceptEncoding || page.bodies.identity!.length < 512 || !compressible.test(page.contentType))
    return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name!.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return 'identity';
}
