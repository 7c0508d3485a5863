import { z } from 'zod';
import { addPostNoteAs, listPostNotesFor, noteInputSchema } from '../../domain/posts/post-notes.js';
import type { PostType } from '../../domain/posts/post.types.js';
import { noteAnswer } from './answers.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { presentNote } from './presenters.js';
import { idParams } from './request-schema.js';

/**
 * A post's record of notes: read and append, nothing else. There is deliberately no route that
 * changes or deletes a note (any other method on these paths answers 404), and the database refuses
 * both anyway (migration 028).
 */
export const noteEndpoints: Endpoint[] = (['post', 'page'] as const).flatMap(noteEndpointsOfType);

function noteEndpointsOfType(type: PostType): Endpoint[] {
  const Type = type === 'post' ? 'Post' : 'Page';
  const path = `/admin/api/${type}s/:id/notes`;
  const doc = { tag: `${Type}s`, caller: 'staff', params: idParams } as const;
  return [
    endpoint({
      ...doc,
      operationId: `list${Type}Notes`,
      summary: `A ${type}'s corrections, clarifications, updates and editor's notes, oldest first`,
      method: 'GET',
      path,
      answer: z.object({ notes: z.array(noteAnswer) }),
      run: ({ ctx, caller, params }) => listPostNotesFor(ctx, caller, { type, id: params.id }),
      present: (notes) => ({ notes: notes.map(presentNote) }),
    }),
    endpoint({
      ...doc,
      operationId: `add${Type}Note`,
      summary: `Publishes a note on a published ${type}'s record; it can never be changed or deleted`,
      description:
        'Takes the right to publish the post. The note is published at once: on the page, in its JSON-LD and, for a correction, on /corrections/ and its feeds. A mistaken note is answered by another note.',
      method: 'POST',
      path,
      status: 201,
      body: noteInputSchema,
      answer: z.object({ note: noteAnswer }),
      run: ({ ctx, caller, params, body }) => addPostNoteAs(ctx, caller, { type, id: params.id }, body),
      present: (note) => ({ note: presentNote(note) }),
    }),
  ];
}
