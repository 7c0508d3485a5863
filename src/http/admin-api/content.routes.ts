import { z } from 'zod';
import {
  createPromotion,
  createPromotionSchema,
  deletePromotion,
  listPromotions,
  type PromotionWithImage,
  updatePromotion,
  updatePromotionSchema,
  withImage,
} from '../../domain/promos/promotions.js';
import {
  createRedirect,
  createRedirectSchema,
  deleteRedirect,
  listRedirects,
  updateRedirect,
  updateRedirectSchema,
} from '../../domain/redirects/redirects.js';
import {
  createTag,
  createTagSchema,
  deleteTag,
  listTags,
  updateTag,
  updateTagSchema,
} from '../../domain/taxonomy/tags.js';
import { promotionAnswer, redirectAnswer, tagAnswer } from './answers.js';
import { endpoint, noContent, type AdminApiDeps, type Endpoint } from './endpoint.js';
import { presentPromotion, presentRedirect, presentTag } from './presenters.js';
import { idParams } from './request-schema.js';

/** Tags (topics, people, organisations, places), promotions and redirects. */

const tags = { tag: 'Tags', caller: 'staff' } as const;
const tagOf = z.object({ tag: tagAnswer });

export const tagEndpoints: Endpoint[] = [
  endpoint({
    ...tags,
    operationId: 'listTags',
    summary: 'Every tag, with how many posts carry it',
    method: 'GET',
    path: '/admin/api/tags',
    answer: z.object({ tags: z.array(tagAnswer) }),
    run: ({ ctx, caller }) => listTags(ctx, caller),
    present: (list) => ({ tags: list.map(({ tag, postCount }) => presentTag(tag, postCount)) }),
  }),
  endpoint({
    ...tags,
    operationId: 'createTag',
    summary: 'Creates a tag',
    method: 'POST',
    path: '/admin/api/tags',
    status: 201,
    body: createTagSchema,
    answer: tagOf,
    run: ({ ctx, caller, body }) => createTag(ctx, caller, body),
    present: (tag) => ({ tag: presentTag(tag) }),
  }),
  endpoint({
    ...tags,
    operationId: 'updateTag',
    summary: 'Changes a tag',
    method: 'PATCH',
    path: '/admin/api/tags/:id',
    params: idParams,
    body: updateTagSchema,
    answer: tagOf,
    run: ({ ctx, caller, params, body }) => updateTag(ctx, caller, params.id, body),
    present: (tag) => ({ tag: presentTag(tag) }),
  }),
  endpoint({
    ...tags,
    operationId: 'deleteTag',
    summary: 'Deletes a tag (posts lose it)',
    method: 'DELETE',
    path: '/admin/api/tags/:id',
    params: idParams,
    answer: 'none',
    run: ({ ctx, caller, params }) => deleteTag(ctx, caller, params.id),
    present: noContent,
  }),
];

const promotions = { tag: 'Promotions', caller: 'staff' } as const;
const promotionOf = z.object({ promotion: promotionAnswer });
const present = ({ promotion, image }: PromotionWithImage, deps: AdminApiDeps) =>
  presentPromotion(deps.publicPath, promotion, image);

export const promotionEndpoints: Endpoint[] = [
  endpoint({
    ...promotions,
    operationId: 'listPromotions',
    summary: 'Every promotion',
    method: 'GET',
    path: '/admin/api/promotions',
    answer: z.object({ promotions: z.array(promotionAnswer) }),
    run: ({ ctx, caller }) => listPromotions(ctx, caller),
    present: (list, deps) => ({ promotions: list.map((p) => present(p, deps)) }),
  }),
  endpoint({
    ...promotions,
    operationId: 'createPromotion',
    summary: 'Creates a promotion',
    method: 'POST',
    path: '/admin/api/promotions',
    status: 201,
    body: createPromotionSchema,
    answer: promotionOf,
    run: async ({ ctx, caller, body }) => withImage(ctx, await createPromotion(ctx, caller, body)),
    present: (promotion, deps) => ({ promotion: present(promotion, deps) }),
  }),
  endpoint({
    ...promotions,
    operationId: 'updatePromotion',
    summary: 'Changes a promotion',
    method: 'PATCH',
    path: '/admin/api/promotions/:id',
    params: idParams,
    body: updatePromotionSchema,
    answer: promotionOf,
    run: async ({ ctx, caller, params, body }) =>
      withImage(ctx, await updatePromotion(ctx, caller, params.id, body)),
    present: (promotion, deps) => ({ promotion: present(promotion, deps) }),
  }),
  endpoint({
    ...promotions,
    operationId: 'deletePromotion',
    summary: 'Deletes a promotion',
    method: 'DELETE',
    path: '/admin/api/promotions/:id',
    params: idParams,
    answer: 'none',
    run: ({ ctx, caller, params }) => deletePromotion(ctx, caller, params.id),
    present: noContent,
  }),
];

const redirects = { tag: 'Redirects', caller: 'staff' } as const;
const redirectOf = z.object({ redirect: redirectAnswer });

export const redirectEndpoints: Endpoint[] = [
  endpoint({
    ...redirects,
    operationId: 'listRedirects',
    summary: 'Every redirect',
    method: 'GET',
    path: '/admin/api/redirects',
    answer: z.object({ redirects: z.array(redirectAnswer) }),
    run: ({ ctx, caller }) => listRedirects(ctx, caller),
    present: (list) => ({ redirects: list.map(presentRedirect) }),
  }),
  endpoint({
    ...redirects,
    operationId: 'createRedirect',
    summary: 'Creates a redirect',
    method: 'POST',
    path: '/admin/api/redirects',
    status: 201,
    body: createRedirectSchema,
    answer: redirectOf,
    run: ({ ctx, caller, body }) => createRedirect(ctx, caller, body),
    present: (redirect) => ({ redirect: presentRedirect(redirect) }),
  }),
  endpoint({
    ...redirects,
    operationId: 'updateRedirect',
    summary: 'Changes a redirect',
    method: 'PATCH',
    path: '/admin/api/redirects/:id',
    params: idParams,
    body: updateRedirectSchema,
    answer: redirectOf,
    run: ({ ctx, caller, params, body }) => updateRedirect(ctx, caller, params.id, body),
    present: (redirect) => ({ redirect: presentRedirect(redirect) }),
  }),
  endpoint({
    ...redirects,
    operationId: 'deleteRedirect',
    summary: 'Deletes a redirect',
    method: 'DELETE',
    path: '/admin/api/redirects/:id',
    params: idParams,
    answer: 'none',
    run: ({ ctx, caller, params }) => deleteRedirect(ctx, caller, params.id),
    present: noContent,
  }),
];
