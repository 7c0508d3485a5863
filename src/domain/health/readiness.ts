import type { BlobStore } from '../ports.js';

/** One thing a process needs to serve: the database, its schema, the blob store. */
export interface ReadinessCheck {
  name: string;
  /** Resolves when the thing answers; rejects (or throws) with what is wrong. */
  run(): Promise<void>;
}

export interface CheckOutcome {
  name: string;
  isOk: boolean;
  /** What failed, in words safe to show a load balancer (never a connection string). */
  problem?: string;
}

export interface Readiness {
  isReady: boolean;
  checks: CheckOutcome[];
}

/** A check's failure in words meant for the operator; the cause is logged, not shown. */
export class ReadinessProblem extends Error {}

function withinTime(check: ReadinessCheck, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadinessProblem(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([check.run(), late]).finally(() => clearTimeout(timer));
}

/**
 * Runs every check at once, each bounded by `timeoutMs`, so a database that hangs makes the answer
 * "not ready" in time for the load balancer rather than no answer at all. `onFailure` hears the cause.
 */
export async function checkReadiness(
  checks: ReadinessCheck[],
  options: { timeoutMs: number; onFailure?: (name: string, error: unknown) => void },
): Promise<Readiness> {
  const outcomes = await Promise.all(
    checks.map(async (check): Promise<CheckOutcome> => {
      try {
        await withinTime(check, options.timeoutMs);
        return { name: check.name, isOk: true };
      } catch (error) {
        options.onFailure?.(check.name, error);
        const problem = error instanceof ReadinessProblem ? error.message : 'failed';
        return { name: check.name, isOk: false, problem };
      }
    }),
  );
  return { isReady: outcomes.every((o) => o.isOk), checks: outcomes };
}

/**
 * The blob store can be written, read back and cleaned up through its port: a full disk, a
 * read-only mount or lost object-storage credentials all fail here. Each probe writes its own key.
 */
export async function probeBlobStore(
  blobs: Pick<BlobStore, 'put' | 'get' | 'delete'>,
  probeKey: string,
): Promise<void> {
  const bytes = Buffer.from(`readiness probe ${probeKey}\n`);
  await blobs.put(probeKey, bytes, 'text/plain');
  try {
    const back = await blobs.get(probeKey);
    if (!back || !back.equals(bytes)) throw new ReadinessProblem('a file written could not be read back');
  } finally {
    await blobs.delete(probeKey);
  }
}
