import { z } from 'zod';
import {
  countRecipients,
  previewNewsletter,
  sendTestNewsletter,
} from '../../domain/newsletters/newsletter-preview.js';
import { getSend, listSends, startSend } from '../../domain/newsletters/sending.js';
import { sendCorrectionAs } from '../../domain/newsletters/correction-sends.js';
import { id } from '../../domain/shared/fields.js';
import { limits } from '../../domain/limits/rate-limits.js';
import { sendAnswer, sendReportAnswer } from './answers.js';
import { asItIs, endpoint, type Endpoint } from './endpoint.js';
import { idParams } from './request-schema.js';

const startSchema = z.strictObject({ postId: id });
const correctionSchema = z.strictObject({ postId: id, noteId: id });
const listSchema = z.strictObject({ postId: id.optional() });
/** `newsletterIds=a,b`: one or more ids, comma-separated. */
const countSchema = z.strictObject({
  newsletterIds: z
    .string()
    .max(2000)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(id).min(1).max(50)),
});

/** Test sends per staff member per fifteen minutes. */
export const testSendsPerStaff = limits.testSendsPerStaff.limit;

const doc = { tag: 'Newsletter sends', caller: 'staff' } as const;

/** Newsletter sends: start one, list them, one send's totals and report (rights: `newsletter`). */
export const sendEndpoints: Endpoint[] = [
  endpoint({
    ...doc,
    operationId: 'startSend',
    summary: 'Starts sending a published post to a newsletter’s members (once per post and newsletter)',
    method: 'POST',
    path: '/admin/api/newsletters/:id/sends',
    status: 201,
    params: idParams,
    body: startSchema,
    answer: z.object({ send: sendAnswer }),
    run: ({ ctx, caller, params, body }) =>
      startSend(ctx, {
        postId: body.postId,
        newsletterId: params.id,
        actor: caller,
        createdBy: caller.kind === 'staff' ? caller.staffId : null,
      }),
    present: (send) => ({ send }),
  }),
  endpoint({
    ...doc,
    operationId: 'sendCorrection',
    summary: 'Sends a published correction to everyone the post reached as a newsletter',
    description:
      'One send per newsletter the post went to, to the members it reached who are still subscribed, through the same sending as the post. Nothing is sent unless this is asked; asking again answers with the same sends.',
    method: 'POST',
    path: '/admin/api/sends/corrections',
    status: 201,
    body: correctionSchema,
    answer: z.object({ sends: z.array(sendAnswer) }),
    run: ({ ctx, caller, body }) => sendCorrectionAs(ctx, caller, body),
    present: (sends) => ({ sends }),
  }),
  endpoint({
    ...doc,
    operationId: 'listSends',
    summary: 'Sends, newest first, of one post if `postId` is given',
    method: 'GET',
    path: '/admin/api/sends',
    query: listSchema,
    answer: z.object({ sends: z.array(sendAnswer) }),
    run: ({ ctx, caller, query }) => listSends(ctx, caller, query.postId ? { postId: query.postId } : {}),
    present: (sends) => ({ sends }),
  }),
  endpoint({
    ...doc,
    operationId: 'getSend',
    summary: 'One send’s totals and report',
    method: 'GET',
    path: '/admin/api/sends/:id',
    params: idParams,
    answer: z.object({ send: sendAnswer, report: sendReportAnswer }),
    run: ({ ctx, caller, params }) => getSend(ctx, caller, params.id),
    present: asItIs,
  }),
  endpoint({
    ...doc,
    tag: 'Newsletters',
    operationId: 'previewNewsletter',
    summary: 'The email the members would get for a post, with placeholder links',
    method: 'GET',
    path: '/admin/api/newsletters/:id/preview',
    params: idParams,
    query: startSchema,
    answer: z.object({ preview: z.object({ subject: z.string(), html: z.string(), text: z.string() }) }),
    run: ({ ctx, caller, params, query }) =>
      previewNewsletter(ctx, caller, { newsletterId: params.id, postId: query.postId }),
    present: (preview) => ({ preview }),
  }),
  endpoint({
    ...doc,
    tag: 'Newsletters',
    operationId: 'testSendNewsletter',
    summary: 'Sends that email, marked as a test, to your own address',
    method: 'POST',
    path: '/admin/api/newsletters/:id/test-send',
    params: idParams,
    body: startSchema,
    rateLimits: ({ caller }) => [[limits.testSendsPerStaff, caller.staffId]],
    answer: z.object({ test: z.object({ to: z.string(), isSent: z.boolean(), error: z.string() }) }),
    run: ({ ctx, caller, params, body, deps }) =>
      sendTestNewsletter(ctx, {
        actor: caller,
        newsletterId: params.id,
        postId: body.postId,
        mailer: deps.newsletterMailer,
      }),
    present: (test) => ({ test }),
  }),
  endpoint({
    ...doc,
    tag: 'Newsletters',
    operationId: 'countRecipients',
    summary: 'How many members one or more newsletters would reach (each counted once)',
    method: 'GET',
    path: '/admin/api/newsletters/recipient-count',
    query: countSchema,
    answer: z.object({ newsletterIds: z.array(z.string()), count: z.number().int() }),
    run: async ({ ctx, caller, query }) => ({
      newsletterIds: query.newsletterIds,
      count: await countRecipients(ctx, caller, query.newsletterIds),
    }),
    present: asItIs,
  }),
];
