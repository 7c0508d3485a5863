import type { DomainContext } from '../context.js';
import type { ClaimedMedia, ProcessedImage } from '../ports.js';
import { renderStoredBody } from '../posts/save-post.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../transaction.js';
import { storeRenditions, variantBaseOf } from './import-image.js';

/*
 * The media-variants job's work (src/jobs/README.md, "media-variants"): an imported original is
 * served as it is until its responsive variants exist; here they are made, one image at a time. An
 * image is claimed for a while (a lease), processed outside any transaction, its files written
 * under keys fixed by the original's, and then, in one transaction, its record points at them and
 * the posts whose stored HTML showed the original are rendered again. A process killed anywhere
 * leaves the claim to run out; whoever takes the image next writes the same files again.
 */

export interface MediaVariantsOptions {
  /** Unique to this process: whose claims are whose. */
  claimer: string;
  signal?: AbortSignal;
  /** How long a claim holds before another process may take the image. */
  leaseMs?: number;
  /** Told after each image, with what this run has done so far. */
  onProgress?: (progress: MediaVariantsProgress) => void;
}

export interface MediaVariantsProgress {
  made: number;
  failed: number;
}

/** A claim taken this many times was never finished: the process died on it each time. */
const maxAttempts = 3;
const defaultLeaseMs = 5 * 60_000;

/** Works the queue until it is empty (or the signal aborts); drops every cached page if anything changed. */
export async function drainMediaVariants(
  ctx: DomainContext,
  options: MediaVariantsOptions,
): Promise<MediaVariantsProgress> {
  const progress: MediaVariantsProgress = { made: 0, failed: 0 };
  while (!options.signal?.aborted) {
    const outcome = await makeNextVariants(ctx, options);
    if (outcome === 'none') break;
    if (outcome === 'made') progress.made++;
    if (outcome === 'failed') progress.failed++;
    options.onProgress?.({ ...progress });
    // Lets requests run between images.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Lists and teasers read an image's variants as they render: pages cached meanwhile show originals.
  if (progress.made > 0) ctx.events.contentChanged();
  return progress;
}

/** Claims one image with pending variants and makes them; 'none' when nobody's image is due. */
export async function makeNextVariants(
  ctx: DomainContext,
  options: MediaVariantsOptions,
): Promise<'none' | 'made' | 'failed' | 'lost'> {
  const now = ctx.clock.now();
  const [claimed] = await ctx.repos.media.claimPendingVariants({
    claimer: options.claimer,
    now: now.toISOString(),
    until: new Date(now.getTime() + (options.leaseMs ?? defaultLeaseMs)).toISOString(),
    limit: 1,
  });
  if (!claimed) return 'none';
  const problem = await tryMake(ctx, claimed, options.claimer);
  if (problem === undefined) return 'made';
  if (problem === 'lost') return 'lost';
  await ctx.repos.media.failVariants(
    claimed.media.id,
    options.claimer,
    problem,
    ctx.clock.now().toISOString(),
  );
  return 'failed';
}

/** Undefined when made, 'lost' when another process took the claim meanwhile, else what went wrong. */
async function tryMake(
  ctx: DomainContext,
  claimed: ClaimedMedia,
  claimer: string,
): Promise<string | undefined> {
  const { media, attempts } = claimed;
  if (attempts > maxAttempts) return `gave up after ${maxAttempts} attempts that never finished`;
  const originalKey = media.originalKey ?? media.storageKey;
  const bytes = await ctx.blobs.get(originalKey);
  if (!bytes) return `the original file ${originalKey} is missing`;
  let processed: ProcessedImage;
  try {
    processed = await ctx.images.process(bytes);
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
  const made = await storeRenditions(ctx, variantBaseOf(originalKey), processed);
  const isFinished = await inTransaction(ctx, async (tx) => {
    if (!(await tx.repos.media.finishVariants(media.id, claimer, made, tx.clock.now().toISOString())))
      return false;
    const slugs: string[] = [];
    for (const postId of await tx.repos.media.takeWaitingPosts(media.id)) {
      const slug = await renderStoredBody(tx, postId);
      if (slug !== undefined) slugs.push(slug);
    }
    if (slugs.length > 0) tx.events.contentChanged({ posts: slugs });
    return true;
  });
  return isFinished ? undefined : 'lost';
}

/** How many images wait for their variants (for progress and the CLI). */
export const pendingVariantsCount = (ctx: DomainContext) => ctx.repos.media.countPendingVariants();

/** At the start of the only process working the queue: claims left by a dead one are free again. */
export const releaseVariantClaims = (ctx: DomainContext) => ctx.repos.media.releaseVariantClaims();
