import { DomainError, validationError } from '../shared/errors.js';
import { cleanText } from '../shared/validate.js';
import type { ImportFileKind, ImportJobFile, ImportSource } from './import-job-ports.js';

/*
 * What an upload to an import job may be, decided from its bytes (never from its name or a header):
 * a WordPress export (WXR), a Ghost export (JSON) or a ZIP of the old site's uploads or images. The
 * importers check every file whole when the plan is made; this refuses the junk a person can pick
 * by mistake (a photo, a PDF, a UTF-16 file, a page of HTML) before anything is stored.
 */

const mib = 1024 * 1024;
/** Exports larger than this are imported with `broadsheet import` on the server. */
export const maxExportFileBytes = 128 * mib;
export const maxArchiveBytes = 512 * mib;
/** The largest body the upload endpoint reads. */
export const maxUploadBytes = maxArchiveBytes;
/** WordPress splits a large site into several export files. */
export const maxExportFiles = 20;
const headBytes = 64 * 1024;

const refused = (message: string) => validationError([{ property: 'file', message }]);

function sniffText(head: string): ImportFileKind {
  // eslint-disable-next-line no-control-regex -- a NUL byte marks a file that is not text
  if (/\u0000/.test(head)) throw refused('holds NUL bytes: it is not an export saved as text (UTF-8)');
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) {
    if (/<!DOCTYPE/i.test(text))
      throw refused('declares a DTD, which no WordPress export has: it is not read');
    if (/<rss[\s>]/.test(text) && /wordpress\.org\/export\/1\.[0-2]\//.test(text)) return 'wordpress-export';
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'This XML file is not a WordPress export (WXR): export the site in WordPress under Tools → Export',
    );
  }
  if (text.startsWith('{')) {
    if (/"(?:db|data|meta)"\s*:/.test(text)) return 'ghost-export';
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'This JSON file is not a Ghost export: export the site in Ghost under Settings → Advanced → Export',
    );
  }
  throw new DomainError(
    'UNSUPPORTED_MEDIA_TYPE',
    'The file is not a WordPress export (.xml), a Ghost export (.json) or a ZIP of images',
  );
}

/** Files people pick by mistake, by their first bytes. */
const otherKinds: [string, number[]][] = [
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a gzip file', [0x1f, 0x8b]],
];

/** The kind of an uploaded file, from its first bytes; refused with a 4xx error that says why. */
export function sniffImportFile(bytes: Buffer): ImportFileKind {
  if (bytes.length === 0) throw refused('is empty');
  const other = otherKinds.find(([, magic]) => bytes.subarray(0, magic.length).equals(Buffer.from(magic)));
  if (other)
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The file is ${other[0]}, not a WordPress export (.xml), a Ghost export (.json) or a ZIP of images`,
    );
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x05, 0x06])))
    throw refused('is an empty ZIP file');
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    if (bytes.length > maxArchiveBytes)
      throw new DomainError('PAYLOAD_TOO_LARGE', 'The ZIP file is larger than 512 MiB');
    return 'archive';
  }
  const bom = bytes.subarray(0, 2);
  if (bom.equals(Buffer.from([0xff, 0xfe])) || bom.equals(Buffer.from([0xfe, 0xff])))
    throw refused('is saved as UTF-16: export it again as UTF-8');
  if (bytes.length > maxExportFileBytes)
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      'An export larger than 128 MiB is imported with `broadsheet import` on the server',
    );
  return sniffText(bytes.subarray(0, headBytes).toString('utf8'));
}

/** Refuses a file the job cannot take beside the ones it holds (the other source's export, a second ZIP). */
export function checkFileFits(source: ImportSource, kind: ImportFileKind, files: ImportJobFile[]): void {
  const exports = files.filter((f) => f.kind !== 'archive').length;
  if (kind === 'archive') {
    if (files.some((f) => f.kind === 'archive'))
      throw refused('one ZIP of images per import: it holds one already');
    return;
  }
  const wanted: ImportFileKind = source === 'ghost' ? 'ghost-export' : 'wordpress-export';
  if (kind !== wanted)
    throw refused(
      source === 'ghost'
        ? 'is a WordPress export, and this is a Ghost import: start a WordPress import instead'
        : 'is a Ghost export, and this is a WordPress import: start a Ghost import instead',
    );
  if (source === 'ghost' && exports >= 1)
    throw refused('a Ghost import reads one export file: it holds one already');
  if (exports >= maxExportFiles) throw refused(`an import reads at most ${maxExportFiles} export files`);
}

/** The name the person gave the file, for the screen and the report: no folders, no control characters. */
export function uploadedFileName(name: string): string {
  const base = cleanText(name).split(/[/\\]/).pop() ?? '';
  return base.slice(0, 200) || 'upload';
}
