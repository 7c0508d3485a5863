import type { DomainContext } from './context.js';
import type { ContentChange, ContentEvents } from './ports.js';

/** Work that must wait for the commit: page-cache drops, job wake-ups, notifications. */
export type AfterCommitWork = () => void | Promise<void>;

/** The open transaction a context is bound to: what it leaves for after the commit. */
export interface UnitOfWork {
  afterCommit(work: AfterCommitWork): void;
}

/** Announces changes only once the transaction holding them has committed. */
function deferredEvents(events: ContentEvents, unit: UnitOfWork): ContentEvents {
  return {
    contentChanged: (change?: ContentChange) => unit.afterCommit(() => events.contentChanged(change)),
  };
}

/**
 * Runs one operation in one transaction: `work` receives a context whose repositories write inside
 * it and whose after-commit work (including `events`) runs once it has committed, never on a
 * rollback. Inside a transaction already, `work` joins it, so operations compose into one.
 */
export async function inTransaction<T>(
  ctx: DomainContext,
  work: (tx: DomainContext) => Promise<T>,
): Promise<T> {
  if (ctx.unitOfWork) return work(ctx);
  const pending: AfterCommitWork[] = [];
  const unitOfWork: UnitOfWork = { afterCommit: (next) => void pending.push(next) };
  const events = deferredEvents(ctx.events, unitOfWork);
  const result = await ctx.repos.transaction((repos) => work({ ...ctx, repos, events, unitOfWork }));
  await runAfterCommit(pending);
  return result;
}

/** Leaves `work` for after the commit of the context's transaction; outside one, runs it now. */
export function afterCommit(ctx: DomainContext, work: AfterCommitWork): void {
  if (ctx.unitOfWork) ctx.unitOfWork.afterCommit(work);
  else void runAfterCommit([work]);
}

/**
 * The operation has committed, so its caller is told it succeeded whatever happens here: a failing
 * cache drop or wake-up is logged, and the next change or the job's own timer catches up.
 */
async function runAfterCommit(pending: AfterCommitWork[]): Promise<void> {
  for (const work of pending) {
    try {
      await work();
    } catch (error) {
      console.error('after commit:', error);
    }
  }
}
