import type { EditorDocument } from './posts/editor-document.js';
import type { Picture } from './posts/post.types.js';
import type { UnitOfWork } from './transaction.js';
import type {
  BlobStore,
  Clock,
  ContentEvents,
  ImageProcessor,
  Mailer,
  PasswordHasher,
  Repositories,
} from './ports.js';

export type BodyRenderer = (
  doc: EditorDocument,
  pictures: Map<string, Picture>,
) => Promise<{ html: string; text: string }>;

/** What every domain operation may use. Built once in main.ts (and by tests, with real storage). */
export interface DomainContext {
  repos: Repositories;
  clock: Clock;
  events: ContentEvents;
  images: ImageProcessor;
  blobs: BlobStore;
  /** Files kept for the site's own work and never served (the uploads of an import from the admin). */
  privateFiles: BlobStore;
  renderBody: BodyRenderer;
  passwords: PasswordHasher;
  mail: Mailer;
  /** The site's public URL (no trailing slash), for links in emails. */
  siteUrl: string;
  /** Set inside a transaction (see transaction.ts): `repos` write in it, after-commit work waits for it. */
  unitOfWork?: UnitOfWork;
}

export const systemClock: Clock = { now: () => new Date() };
