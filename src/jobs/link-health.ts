import type { DomainContext } from '../domain/context.js';
import type { SourceArchivePorts } from '../domain/ports.js';
import { checkLinkHealth, type HealthRunOptions } from '../domain/sources/link-health.js';
import { systemActor } from '../domain/staff/permissions.js';
import { startWakeableJob, type WakeableJob } from './wakeable-job.js';

/**
 * Rechecks cited sources (src/jobs/README.md, "link-health"): every minute a run carries the pass on
 * from its cursor in the database, or finds the pass rested and does nothing.
 */
export function startLinkHealth(
  ctx: DomainContext,
  ports: SourceArchivePorts,
  onError: (error: unknown) => void,
  options: HealthRunOptions & { intervalMs?: number } = {},
): WakeableJob {
  const actor = systemActor('link health');
  return startWakeableJob(
    (signal) => checkLinkHealth(ctx, ports, actor, { ...options, signal }),
    onError,
    options.intervalMs ?? 60_000,
  );
}
