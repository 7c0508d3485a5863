import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportJobFile, OpenedImportFiles } from '../../domain/import/import-job-ports.js';
import type { BlobStore } from '../../domain/ports.js';
import { DomainError } from '../../domain/shared/errors.js';

const extensionOf: Record<ImportJobFile['kind'], string> = {
  'wordpress-export': 'xml',
  'ghost-export': 'json',
  archive: 'zip',
};

/**
 * An import job's files where the importers read them: copied from the private file store into a
 * folder of the job's own (`<root>/<job id>`), emptied first, so what a killed process left there is
 * replaced; `close` removes it. The store keeps the originals until the job ends.
 */
export function importWorkspace(
  store: BlobStore,
  root: string,
): (jobId: string, files: ImportJobFile[]) => Promise<OpenedImportFiles> {
  return async (jobId, files) => {
    if (!/^[a-z0-9]+$/.test(jobId)) throw new Error(`Unsafe import job id: ${jobId}`);
    const folder = join(root, jobId);
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    const close = () => rm(folder, { recursive: true, force: true });
    try {
      const opened: OpenedImportFiles = { exportPaths: [], archivePath: undefined, close };
      for (const file of files) {
        const bytes = await store.get(file.blobKey);
        if (!bytes)
          throw new DomainError('NOT_FOUND', `The uploaded file ${file.filename} is no longer stored`);
        const path = join(folder, `${file.position}.${extensionOf[file.kind]}`);
        await writeFile(path, bytes);
        if (file.kind === 'archive') opened.archivePath = path;
        else opened.exportPaths.push(path);
      }
      return opened;
    } catch (error) {
      await close();
      throw error;
    }
  };
}
