import { z } from 'zod';
import { listLinkHealth, reArchiveSource, sourceHistory } from '../../domain/sources/admin-sources.js';
import { linkStates } from '../../domain/sources/source-ports.js';
import { id } from '../../domain/shared/fields.js';
import { snapshotPath } from '../../rendering/site-paths.js';
import { linkCheckAnswer, linkHealthAnswer, snapshotAnswer } from './answers.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { presentSourceState } from './presenters.js';
import { idParams } from './request-schema.js';

const doc = { tag: 'Sources' };
const listQuery = z.strictObject({
  state: z.enum(linkStates).optional(),
  after: id.optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(100).default(50),
});
const sourceOf = z.object({ source: linkHealthAnswer.omit({ post: true }) });

/** The link-health screen and "re-archive now" (src/domain/sources/admin-sources.ts). */
export const sourceEndpoints: Endpoint[] = [
  endpoint({
    ...doc,
    operationId: 'listLinkHealth',
    summary: 'Cited sources with their link health and the posts citing them, a keyset page at a time',
    description: 'Filter by `state`; the answer’s `next` is the `after` of the next page (null on the last).',
    method: 'GET',
    path: '/admin/api/sources',
    caller: 'staff',
    query: listQuery,
    answer: z.object({ sources: z.array(linkHealthAnswer), next: z.string().nullable() }),
    run: ({ ctx, caller, query }) => listLinkHealth(ctx, caller, query),
    present: ({ rows, next }) => ({
      sources: rows.map(({ source, post }) => ({
        ...presentSourceState(source),
        post: { ...post, status: post.status as 'draft' | 'scheduled' | 'published' },
      })),
      next,
    }),
  }),
  endpoint({
    ...doc,
    operationId: 'getSourceHistory',
    summary: 'One source with its link checks (newest first) and its archived copies',
    method: 'GET',
    path: '/admin/api/sources/:id',
    caller: 'staff',
    params: idParams,
    answer: z.object({
      source: linkHealthAnswer.omit({ post: true }),
      checks: z.array(linkCheckAnswer),
      snapshots: z.array(snapshotAnswer),
    }),
    run: ({ ctx, caller, params }) => sourceHistory(ctx, caller, params.id),
    present: ({ source, checks, snapshots }) => ({
      source: presentSourceState(source),
      checks: checks.map(({ checkedAt, state, httpStatus, finalUrl, detail }) => ({
        checkedAt,
        state,
        httpStatus,
        finalUrl,
        detail,
      })),
      snapshots: snapshots.map((s) => ({
        id: s.id,
        takenAt: s.takenAt,
        httpStatus: s.httpStatus,
        finalUrl: s.finalUrl,
        title: s.title,
        bodySha256: s.bodySha256,
        path: snapshotPath(s),
      })),
    }),
  }),
  endpoint({
    ...doc,
    operationId: 'reArchiveSource',
    summary: 'Re-archive now: queues a fresh snapshot of the source (earlier ones are kept)',
    method: 'POST',
    path: '/admin/api/sources/:id/archive',
    status: 202,
    caller: 'staff',
    params: idParams,
    answer: sourceOf,
    run: ({ ctx, caller, params }) => reArchiveSource(ctx, caller, params.id),
    present: (source) => ({ source: presentSourceState(source) }),
  }),
];
