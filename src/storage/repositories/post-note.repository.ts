import type { Kysely } from 'kysely';
import type { ListedCorrection, NoteCursor, PostNoteRecord, PostNoteRepository } from '../../domain/ports.js';
import type { NoteKind } from '../../domain/posts/post.types.js';
import type { Database, PostNoteRow } from '../tables.js';
import { groupBy } from './group-by.js';
import { noteListingOf } from './post-listings.js';

const toNoteRecord = (row: PostNoteRow): PostNoteRecord => ({
  id: row.id,
  postId: row.post_id,
  kind: row.kind as NoteKind,
  body: row.body,
  authorId: row.author_id,
  authorName: row.author_name,
  createdAt: row.created_at,
});

export interface ListedQuery {
  language: string;
  kind: NoteKind;
  before: NoteCursor | null;
  limit: number;
}

/**
 * One page of `/corrections/`: a range of `post_notes_listing_idx` from the cursor back, each row
 * joined to its post by primary key (the storage tests check the plan on both databases).
 */
export function listedNotesQuery(db: Kysely<Database>, query: ListedQuery) {
  const { before } = query;
  return (
    db
      .selectFrom('post_notes')
      .innerJoin('posts', 'posts.id', 'post_notes.post_id')
      .selectAll('post_notes')
      .select(['posts.slug as post_slug', 'posts.title as post_title', 'posts.language as post_language'])
      .where('post_notes.listed_language', '=', query.language)
      .where('post_notes.kind', '=', query.kind)
      // A row-value comparison: one range of the index, from the cursor back.
      .$if(before !== null, (q) =>
        q.where((eb) =>
          eb(
            eb.refTuple('post_notes.created_at', 'post_notes.id'),
            '<',
            eb.tuple(before!.createdAt, before!.id),
          ),
        ),
      )
      .orderBy('post_notes.created_at', 'desc')
      .orderBy('post_notes.id', 'desc')
      .limit(query.limit)
  );
}

/**
 * Posts' append-only records (migration 028). There is no update and no delete here: the database
 * refuses both (a note goes only with its post), so this repository offers none.
 */
export class KyselyPostNoteRepository implements PostNoteRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(note: PostNoteRecord): Promise<void> {
    await this.db
      .insertInto('post_notes')
      .values({
        id: note.id,
        post_id: note.postId,
        kind: note.kind,
        body: note.body,
        author_id: note.authorId,
        author_name: note.authorName,
        created_at: note.createdAt,
        listed_language: noteListingOf(note.postId),
      })
      .execute();
  }

  async notesFor(postIds: string[]): Promise<Map<string, PostNoteRecord[]>> {
    if (postIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('post_notes')
      .selectAll()
      .where('post_id', 'in', postIds)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return groupBy(rows, (r) => r.post_id, toNoteRecord);
  }

  async findById(id: string): Promise<PostNoteRecord | undefined> {
    const row = await this.db.selectFrom('post_notes').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toNoteRecord(row);
  }

  async listed(query: ListedQuery): Promise<ListedCorrection[]> {
    const rows = await listedNotesQuery(this.db, query).execute();
    return rows.map(({ post_slug, post_title, post_language, ...note }) => ({
      note: toNoteRecord(note),
      post: { slug: post_slug, title: post_title, language: post_language },
    }));
  }
}
