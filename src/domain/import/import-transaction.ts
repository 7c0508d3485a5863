import type { DomainContext } from '../context.js';
import type { BlobStore } from '../ports.js';
import { inTransaction } from '../transaction.js';

/** Thrown inside the transaction of a dry run so that it rolls back. */
class DryRunRollback extends Error {}

/**
 * An import's one transaction: all of `work` commits, or none of it does and the image files it
 * stored are removed again. A dry run does all the work and rolls it back, so its plan counts
 * exactly what the import would do.
 */
export async function inImportTransaction(
  ctx: DomainContext,
  isDryRun: boolean,
  work: (tx: DomainContext) => Promise<void>,
): Promise<void> {
  const blobs = recordingBlobs(ctx.blobs);
  try {
    await inTransaction({ ...ctx, blobs: blobs.store }, async (tx) => {
      await work(tx);
      if (isDryRun) throw new DryRunRollback();
    });
  } catch (error) {
    // The files of images stored before the failure belong to no media record now.
    await blobs.removeAll();
    if (!(error instanceof DryRunRollback)) throw error;
  }
}

/** The blob store, remembering what it was given, so that a rolled-back import leaves no file behind. */
function recordingBlobs(store: BlobStore) {
  const written: string[] = [];
  return {
    store: {
      put: async (key: string, bytes: Buffer, contentType: string) => {
        written.push(key);
        await store.put(key, bytes, contentType);
      },
      get: (key: string) => store.get(key),
      delete: (key: string) => store.delete(key),
      publicPath: (key: string) => store.publicPath(key),
    } satisfies BlobStore,
    removeAll: async () => {
      for (const key of written.splice(0)) await store.delete(key).catch(() => undefined);
    },
  };
}
