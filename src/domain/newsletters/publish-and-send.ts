import type { DomainContext } from '../context.js';
import { publishPostAs } from '../posts/editorial.js';
import type { PostRecord } from '../ports.js';
import type { PostType } from '../posts/post.types.js';
import type { AdminActor } from '../staff/permissions.js';
import { inTransaction } from '../transaction.js';
import { checkSendRequest, requestSendsOnPublish } from './sending.js';

export interface PublishAndSendInput {
  type: PostType;
  id: string;
  publishedAt?: string | undefined;
  /** Newsletters to send the post to when it goes live (now, or at its scheduled time). */
  newsletterIds?: string[] | undefined;
}

/**
 * Publishes or schedules a post and asks for its newsletters, in one transaction: a post is never
 * left published without the sends it was published with, nor a send started for a post that did
 * not go live. A post live now has its sends (and their recipients) created in the same commit.
 */
export async function publishAndSendAs(
  ctx: DomainContext,
  actor: AdminActor,
  input: PublishAndSendInput,
): Promise<PostRecord> {
  const newsletterIds = input.newsletterIds ?? [];
  return inTransaction(ctx, async (tx) => {
    await checkSendRequest(tx, actor, newsletterIds);
    const post = await publishPostAs(tx, actor, input.type, input.id, input.publishedAt);
    const requestedBy = actor.kind === 'staff' ? actor.staffId : null;
    await requestSendsOnPublish(tx, actor, { postId: post.id, newsletterIds, requestedBy });
    return post;
  });
}
