import type { DomainContext } from '../domain/context.js';
import { rebuildSearchIfEmpty } from '../domain/search/index-posts.js';

/**
 * Rebuilds an emptied search index in the background after start, so the site answers at once and
 * search fills in as the batches commit (each batch is its own transaction).
 */
export function startSearchRebuild(
  ctx: DomainContext,
  report: { info: (message: string) => void; error: (error: unknown) => void },
): Promise<void> {
  return rebuildSearchIfEmpty(ctx, (done) => {
    if (done % 10_000 === 0) report.info(`search index: ${done} posts indexed`);
  }).then((indexed) => {
    if (indexed !== undefined) report.info(`search index rebuilt: ${indexed} posts`);
  }, report.error);
}
