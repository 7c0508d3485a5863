import { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { ListedCorrection, NoteCursor, PostNoteRecord } from '../ports.js';
import { notFound, validationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { requiredText } from '../shared/fields.js';
import { assertCan, type AdminActor, type SystemActor } from '../staff/permissions.js';
import { targetOf } from './post-access.js';
import { inTransaction } from '../transaction.js';
import { loadPostFor, loadPostForChange } from './editorial.js';
import { noteKinds, type NoteKind, type PostType } from './post.types.js';

/*
 * A post's record: corrections, clarifications, updates and editor's notes, appended and never
 * changed. A mistaken note is answered by another note. The database refuses any change or delete
 * (migration 028); nothing here, or anywhere, offers one.
 */

export const noteInputSchema = z.strictObject({
  kind: z.enum(noteKinds),
  body: requiredText(5000),
});
export type NoteInput = z.input<typeof noteInputSchema>;

/** The kinds `/corrections/` lists. */
export const listedNoteKind: NoteKind = 'correction';

/**
 * Appends a note to a post that has been published (a draft is simply edited). Taking the right to
 * publish the post: a note is published the moment it is added.
 */
export async function addPostNoteAs(
  ctx: DomainContext,
  actor: AdminActor | SystemActor,
  target: { type: PostType; id: string },
  input: NoteInput,
): Promise<PostNoteRecord> {
  const fields = parseInput(noteInputSchema, input);
  return inTransaction(ctx, async (tx) => {
    const { post, target: owners } = await loadForNote(tx, actor, target);
    assertCan(actor, 'publish', target.type, owners);
    if (post.firstPublishedAt === null)
      throw validationError([
        { property: 'kind', message: 'a note goes on a published post; edit a draft instead' },
      ]);
    const existing = (await tx.repos.notes.notesFor([post.id])).get(post.id) ?? [];
    const note: PostNoteRecord = {
      id: newId(tx.clock.now()),
      postId: post.id,
      kind: fields.kind,
      body: fields.body,
      authorId: actor.kind === 'staff' ? actor.staffId : null,
      // A token is "Integration: NAME"; the system (the demo, an import) is named by its caller.
      authorName: actor.name,
      createdAt: laterThanAll(existing, tx.clock.now()),
    };
    await tx.repos.notes.append(note);
    // Only the post's own page (and its JSON-LD) shows its notes, and /corrections/ its corrections.
    if (post.status === 'published')
      tx.events.contentChanged({ posts: [post.slug], isCorrectionListed: note.kind === listedNoteKind });
    return note;
  });
}

/** The post a note goes on, read (and on PostgreSQL locked) in the note's transaction. */
async function loadForNote(
  tx: DomainContext,
  actor: AdminActor | SystemActor,
  target: { type: PostType; id: string },
) {
  if (actor.kind !== 'system') return loadPostForChange(tx, actor, target.type, target.id);
  const post = await tx.repos.posts.findForChange(target.id);
  if (!post || post.type !== target.type) throw notFound(target.type === 'page' ? 'Page' : 'Post');
  return { post, target: await targetOf(tx, post) };
}

/** Two notes within one millisecond still sort in the order they were added. */
function laterThanAll(existing: PostNoteRecord[], now: Date): string {
  const latest = existing.reduce((max, n) => Math.max(max, Date.parse(n.createdAt)), 0);
  return new Date(latest >= now.getTime() ? latest + 1 : now.getTime()).toISOString();
}

/** A post's record, oldest first, for whoever may read the post. */
export async function listPostNotesFor(
  ctx: DomainContext,
  actor: AdminActor,
  target: { type: PostType; id: string },
): Promise<PostNoteRecord[]> {
  const { post } = await loadPostFor(ctx, actor, target.type, target.id);
  return (await ctx.repos.notes.notesFor([post.id])).get(post.id) ?? [];
}

/** The cursor of a page of `/corrections/` as it travels in a URL: `<ms>-<id>`. */
export function parseNoteCursor(raw: string): NoteCursor | null {
  const match = /^([0-9]{13})-([0-9a-f]{24})$/.exec(raw);
  if (!match) return null;
  const createdAt = new Date(Number(match[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt: createdAt.toISOString(), id: match[2]! };
}

export const noteCursorOf = (note: Pick<PostNoteRecord, 'createdAt' | 'id'>): string =>
  `${String(Date.parse(note.createdAt)).padStart(13, '0')}-${note.id}`;

/**
 * One page of the published corrections in a language, newest first: one walk along an index,
 * whatever the size of the site. `next` is the cursor of the page after, when there is one.
 */
export async function listCorrections(
  ctx: DomainContext,
  query: { language: string; before: NoteCursor | null; limit: number },
): Promise<{ corrections: ListedCorrection[]; next: string | null }> {
  const limit = Math.min(Math.max(1, Math.floor(query.limit)), 100);
  const rows = await ctx.repos.notes.listed({ ...query, kind: listedNoteKind, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { corrections: page, next: rows.length > limit && last ? noteCursorOf(last.note) : null };
}
