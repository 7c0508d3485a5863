import type { Config } from '../config/config.js';
import { reindexSearch } from '../domain/search/index-posts.js';
import { openSite } from '../main.js';

const usage = `Usage:
  broadsheet search reindex   Rebuild the search index from every post (batched; the site may keep running)`;

/** `broadsheet search reindex`: rebuilds the full-text index, 500 posts to a transaction. */
export async function runSearch(config: Config, words: string[]): Promise<number> {
  if (words[0] !== 'reindex' || words.length > 1) {
    console.error(usage);
    return 2;
  }
  const site = await openSite(config);
  try {
    const started = Date.now();
    let last = 0;
    const done = await reindexSearch(site.ctx, {
      onProgress: (count) => {
        if (Date.now() - last < 1000) return;
        last = Date.now();
        console.log(`Indexed ${count} posts…`);
      },
    });
    console.log(`Indexed ${done} posts in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } finally {
    await site.close();
  }
}
