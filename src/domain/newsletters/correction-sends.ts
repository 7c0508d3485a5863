import type { DomainContext } from '../context.js';
import { loadPostFor } from '../posts/editorial.js';
import { validationError } from '../shared/errors.js';
import { assertCan, type AdminActor } from '../staff/permissions.js';
import { inTransaction } from '../transaction.js';
import { createSendWithRecipients, type SendView } from './sending.js';

/**
 * Sends a published correction to everyone the corrected post reached as a newsletter (and who is
 * still subscribed): one send per newsletter the post went to, through the same crash-safe sending
 * as the post (the newsletter-sending job). Nothing goes out unless an editor asks; asking again
 * answers with the same sends.
 */
export async function sendCorrectionAs(
  ctx: DomainContext,
  actor: AdminActor,
  target: { postId: string; noteId: string },
): Promise<SendView[]> {
  assertCan(actor, 'publish', 'newsletter');
  return inTransaction(ctx, async (tx) => {
    const { post } = await loadPostFor(tx, actor, 'post', target.postId);
    const note = await tx.repos.notes.findById(target.noteId);
    if (!note || note.postId !== post.id)
      throw validationError([{ property: 'noteId', message: 'no such note on this post' }]);
    if (note.kind !== 'correction')
      throw validationError([{ property: 'noteId', message: 'only a correction is sent to readers' }]);
    const originals = (await tx.repos.newsletterSends.listSends({ postId: post.id })).filter(
      (s) => s.noteId === null,
    );
    if (originals.length === 0)
      throw validationError([{ property: 'noteId', message: 'this post was not sent as a newsletter' }]);
    const sends: SendView[] = [];
    for (const original of originals)
      sends.push(
        await createSendWithRecipients(tx, {
          postId: post.id,
          newsletterId: original.newsletterId,
          noteId: note.id,
          createdBy: actor.kind === 'staff' ? actor.staffId : null,
        }),
      );
    return sends;
  });
}
