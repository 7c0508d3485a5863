import type { DomainContext } from '../domain/context.js';
import type { SourceArchivePorts } from '../domain/ports.js';
import { onArchiveQueued } from '../domain/sources/archive-queue.js';
import { archiveDueSources, type ArchiveRunOptions } from '../domain/sources/archive-sources.js';
import { systemActor } from '../domain/staff/permissions.js';
import { startWakeableJob, type WakeableJob } from './wakeable-job.js';

/**
 * Archives cited sources from `source_archive_queue` (src/jobs/README.md, "source-archiving"): at
 * start, every 5 seconds, and as soon as a commit in this process queued one. A claim is a lease in
 * the database, so a process killed mid-fetch leaves its sources to the next claim.
 */
export function startSourceArchiving(
  ctx: DomainContext,
  ports: SourceArchivePorts,
  onError: (error: unknown) => void,
  options: ArchiveRunOptions & { intervalMs?: number } = {},
): WakeableJob {
  const actor = systemActor('source archiving');
  const job = startWakeableJob(
    (signal) => archiveDueSources(ctx, ports, actor, { ...options, signal }),
    onError,
    options.intervalMs ?? 5000,
  );
  const unsubscribe = onArchiveQueued(() => job.wake());
  return {
    ...job,
    stop() {
      unsubscribe();
      job.stop();
    },
  };
}
