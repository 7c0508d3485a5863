import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

const maxUploadBytes = 20 * 1024 * 1024;

/**
 * A copy of a WordPress site's `wp-content/uploads`, read by relative path (`2024/05/photo.jpg`).
 * Only regular files inside the folder are read: `..`, absolute paths and symbolic links that lead
 * out of it give nothing, as do files larger than the media pipeline takes.
 */
export function uploadsFolder(root: string): (relativePath: string) => Promise<Buffer | undefined> {
  const base = resolve(root);
  return async (relativePath) => {
    if (relativePath.includes('\0')) return undefined;
    const wanted = resolve(base, relativePath);
    if (!wanted.startsWith(base + sep)) return undefined;
    try {
      const real = await realpath(wanted);
      const realBase = await realpath(base);
      if (!real.startsWith(realBase + sep)) return undefined;
      const info = await stat(real);
      if (!info.isFile() || info.size > maxUploadBytes) return undefined;
      return await readFile(real);
    } catch {
      return undefined;
    }
  };
}
