import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboundFetchError, type OutboundFetcher } from '../../domain/fetch-ports.js';
import type { MediaFetch, WantedImage } from '../../domain/import/import-ports.js';

export interface MediaFetchOptions {
  /** The safe outbound fetcher (src/adapters/fetch/safe-fetcher.ts): its caps and address checks apply. */
  fetcher: OutboundFetcher;
  /** Fetches under way at once, over every host. */
  concurrency?: number;
  /** Fetches under way at once to one host (politeness to the old site's server). */
  perHost?: number;
}

type Outcome = { file: string } | { problem: string };

const hostOf = (url: string) => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
};

/**
 * An import's images fetched by URL: each image's URLs tried in order until one answers 200 with
 * a body, at most `concurrency` fetches at once and `perHost` to one host. The bytes are kept in a
 * folder of their own under the system's temporary folder (not in memory) until the import has
 * read them; `close` removes it. Every failure is kept as a sentence for the import's report.
 */
export function createMediaFetch(options: MediaFetchOptions): MediaFetch {
  const concurrency = options.concurrency ?? 4;
  const perHost = options.perHost ?? 2;
  const outcomes = new Map<string, Outcome>();
  let folder: Promise<string> | undefined;
  const folderOf = () => (folder ??= mkdtemp(join(tmpdir(), 'broadsheet-fetched-media-')));
  let count = 0;

  const fetchOne = async (image: WantedImage): Promise<Outcome> => {
    const problems: string[] = [];
    for (const url of image.urls) {
      try {
        const answer = await options.fetcher.get(url);
        if (answer.status === 200 && answer.body.length > 0) {
          const file = join(await folderOf(), String(count++));
          await writeFile(file, answer.body);
          return { file };
        }
        problems.push(`${url}: HTTP ${answer.status}${answer.status === 200 ? ' with no body' : ''}`);
      } catch (error) {
        if (!(error instanceof OutboundFetchError)) throw error;
        problems.push(`${url}: ${error.message}`);
      }
    }
    return { problem: `not fetched: ${problems.join('; ')}` };
  };

  return {
    async fetchAll(wanted, onProgress) {
      const queue = new HostQueue(wanted, perHost);
      let done = 0;
      const worker = async () => {
        for (let image = await queue.take(); image; image = await queue.take()) {
          try {
            outcomes.set(image.key, await fetchOne(image));
          } finally {
            queue.release(image);
          }
          onProgress?.({ done: ++done, total: wanted.length });
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, wanted.length) }, worker));
    },
    async read(key) {
      const outcome = outcomes.get(key);
      if (!outcome) return { problem: 'not fetched: not at an address of the old site' };
      return 'file' in outcome ? readFile(outcome.file) : outcome;
    },
    async close() {
      outcomes.clear();
      if (folder) await rm(await folder, { recursive: true, force: true });
      folder = undefined;
    },
  };
}

/** Images by host, handed out round the hosts, never more than `perHost` at once from one. */
class HostQueue {
  private readonly byHost = new Map<string, WantedImage[]>();
  private readonly active = new Map<string, number>();
  private readonly waiting: (() => void)[] = [];
  private left: number;

  constructor(
    wanted: WantedImage[],
    private readonly perHost: number,
  ) {
    for (const image of wanted) {
      const host = hostOf(image.urls[0] ?? '');
      const list = this.byHost.get(host) ?? [];
      list.push(image);
      this.byHost.set(host, list);
    }
    for (const list of this.byHost.values()) list.reverse();
    this.left = wanted.length;
  }

  /** The next image a host has room for; waits while every host with images left is busy; undefined at the end. */
  async take(): Promise<WantedImage | undefined> {
    for (;;) {
      if (this.left === 0) return undefined;
      for (const [host, list] of this.byHost) {
        const busy = this.active.get(host) ?? 0;
        if (list.length === 0 || busy >= this.perHost) continue;
        this.active.set(host, busy + 1);
        this.left--;
        // The host goes to the back, so hosts take turns.
        this.byHost.delete(host);
        this.byHost.set(host, list);
        return list.pop();
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  release(image: WantedImage): void {
    const host = hostOf(image.urls[0] ?? '');
    this.active.set(host, (this.active.get(host) ?? 1) - 1);
    for (const wake of this.waiting.splice(0)) wake();
  }
}
