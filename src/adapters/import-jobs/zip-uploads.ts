import type { ImageSource } from '../../domain/import/import-ports.js';
import { ghostImages } from '../import/ghost-images.js';

/** Where a ZIP of a WordPress site's uploads may hold `2024/05/photo.jpg`. */
const prefixes = ['', 'uploads/', 'wp-content/uploads/'];

/**
 * A ZIP of a WordPress site's `wp-content/uploads` (zipped as the folder's contents, as `uploads/` or
 * as `wp-content/`), read by relative path with the ZIP reader Ghost's images use: nothing extracted
 * to disk, entries larger than the media pipeline takes left unread.
 */
export function zipUploads(path: string): ImageSource {
  const zip = ghostImages(path);
  return {
    read: async (relativePath) => {
      for (const prefix of prefixes) {
        const found = await zip.read(`${prefix}${relativePath}`);
        if (found) return found;
      }
      return undefined;
    },
    close: () => zip.close(),
  };
}
