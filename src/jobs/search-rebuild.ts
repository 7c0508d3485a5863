import type { DomainContext } from '../domain/context.js';
import { resumeSearchRebuild } from '../domain/search/index-posts.js';

/**
 * Runs the search rebuild an upgrade asked for, in the background after start, so the site answers
 * at once and search fills in as the batches commit (src/jobs/README.md).
 */
export function startSearchRebuild(
  ctx: DomainContext,
  report: { info: (message: string) => void; error: (error: unknown) => void },
): Promise<void> {
  return resumeSearchRebuild(ctx, (done) => {
    if (done % 10_000 === 0) report.info(`search index: ${done} posts indexed`);
  }).then((indexed) => {
    if (indexed !== undefined) report.info(`search index rebuilt: ${indexed} posts`);
  }, report.error);
}
