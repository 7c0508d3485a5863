import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { GhostReadError } from '../../domain/import/ghost-export.js';
import type { ImageSource } from '../../domain/import/import-ports.js';
import { uploadsFolder } from './uploads-folder.js';

const maxImageBytes = 20 * 1024 * 1024;
const maxZipEntries = 200_000;

/**
 * A Ghost site's images, by their path under `content/images` (`2024/05/photo.jpg`): a folder
 * (Ghost's `content/images`, its `content` folder or the site's root) or a ZIP of one, read with
 * yauzl without extracting anything to disk. Entries larger than the media pipeline takes are not
 * read; yauzl checks each entry's real size against the one declared.
 */
export function ghostImages(path: string): ImageSource {
  return statSync(path).isDirectory() ? folderImages(path) : zipImages(path);
}

function folderImages(root: string): ImageSource {
  const readers = [root, join(root, 'images'), join(root, 'content', 'images')].map(uploadsFolder);
  return {
    read: async (key) => {
      for (const read of readers) {
        const found = await read(key);
        if (found) return found;
      }
      return undefined;
    },
    close: async () => undefined,
  };
}

/** The key of a ZIP entry: its path after the last `content/images/` or a leading `images/`. */
export function zipEntryKey(name: string): string | undefined {
  const path = name.replace(/\\/g, '/');
  if (path.endsWith('/') || path.split('/').some((p) => p === '..')) return undefined;
  const inContent = /(?:^|\/)content\/images\/(.+)$/.exec(path)?.[1];
  return inContent ?? /^(?:[^/]+\/)?images\/(.+)$/.exec(path)?.[1] ?? path;
}

function zipImages(path: string): ImageSource {
  let opened: Promise<{ zip: yauzl.ZipFile; entries: Map<string, yauzl.Entry> }> | undefined;
  const open = () => (opened ??= indexZip(path));
  return {
    read: async (key) => {
      const { zip, entries } = await open();
      const entry = entries.get(key);
      if (!entry || entry.uncompressedSize > maxImageBytes) return undefined;
      return readEntry(zip, entry);
    },
    close: async () => {
      if (opened) (await opened).zip.close();
    },
  };
}

function indexZip(path: string): Promise<{ zip: yauzl.ZipFile; entries: Map<string, yauzl.Entry> }> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, zip) => {
      if (error) return reject(new GhostReadError(`The images file is not a readable ZIP: ${error.message}`));
      const entries = new Map<string, yauzl.Entry>();
      zip.on('entry', (entry: yauzl.Entry) => {
        const key = zipEntryKey(entry.fileName);
        if (key !== undefined && !entries.has(key)) entries.set(key, entry);
        if (entries.size > maxZipEntries) {
          zip.close();
          return reject(new GhostReadError(`The images ZIP holds more than ${maxZipEntries} files`));
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve({ zip, entries }));
      zip.on('error', (e: Error) =>
        reject(new GhostReadError(`The images file is not a readable ZIP: ${e.message}`)),
      );
      zip.readEntry();
    });
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    zip.openReadStream(entry, (error, stream: Readable) => {
      if (error) return resolve(undefined);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxImageBytes) stream.destroy();
        else chunks.push(chunk);
      });
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', () => resolve(undefined));
      stream.on('close', () => resolve(size > maxImageBytes ? undefined : Buffer.concat(chunks)));
    });
  });
}
