import type { DomainContext } from '../context.js';
import type { PostFilter } from '../ports.js';
import { mostSimilar, tokenize, type SimilarityDocument } from './similarity.js';

export const relatedPerPost = 6;
const batchSize = 500;

/**
 * Recomputes the stored "Check Also" list of every published post from title, body and tags. Runs
 * when content changes, never while a reader waits. More are stored than shown, so a post that is
 * unpublished later still leaves enough behind.
 */
export async function recomputeRelatedPosts(ctx: DomainContext): Promise<void> {
  const docs = await similarityDocuments(ctx);
  const matches = mostSimilar(docs, relatedPerPost);
  await ctx.repos.transaction(async (repos) => {
    for (const doc of docs) {
      const related = (matches.get(doc.id) ?? []).map((m, rank) => ({
        relatedPostId: m.id,
        rank,
        score: m.score,
      }));
      await repos.posts.replaceRelated(doc.id, related);
    }
  });
}

async function similarityDocuments(ctx: DomainContext): Promise<SimilarityDocument[]> {
  const filter: PostFilter = { types: ['post'], statuses: ['published'] };
  const docs: SimilarityDocument[] = [];
  for (let offset = 0; ; offset += batchSize) {
    const posts = await ctx.repos.posts.list(filter, { offset, limit: batchSize }, 'reader');
    const tagIds = await ctx.repos.posts.tagIdsFor(posts.map((p) => p.id));
    for (const post of posts) {
      docs.push({
        id: post.id,
        language: post.language,
        group: post.translationGroup,
        fields: [
          { terms: tokenize(`${post.title} ${post.standfirst}`), weight: 3 },
          { terms: tokenize(post.bodyText), weight: 1 },
        ],
        labels: tagIds.get(post.id) ?? [],
      });
    }
    if (posts.length < batchSize) return docs;
  }
}
