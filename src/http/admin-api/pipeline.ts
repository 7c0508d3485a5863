import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { DomainContext } from '../../domain/context.js';
import { checkIdempotencyKey, runIdempotently } from '../../domain/idempotency/idempotent-create.js';
import { findCaller } from './callers.js';
import { RawAnswer, StatusAnswer, type AdminApiDeps, type Endpoint } from './endpoint.js';

/*
 * The one pipeline every Admin API declaration runs through, in this order:
 *   1. authenticate: the caller its `caller` names, and its `guard`, before a byte of the body is read
 *      (so an anonymous or forged request cannot make the server buffer a large body), with the
 *      Idempotency-Key of a create checked;
 *   2. parse params, query and body with the declared strict schemas (an unknown field is a 422 naming it);
 *   3. count the declared rate limits;
 *   4. run the operation, which authorizes against the role matrix and runs in one transaction;
 *   5. present its result and answer (no-store; 204 when there is nothing to say).
 * A create sent with an `Idempotency-Key` runs through `runIdempotently`: the operation's writes and
 * its answer in one transaction, and a retry with the key answered from the stored answer
 * (`Idempotent-Replayed: true`).
 */

interface Found {
  caller: unknown;
  idempotencyKey: string | undefined;
}

interface Answer {
  status: number;
  body: unknown;
  isReplayed?: boolean;
}

/** POSTs that make something (201, or 202 for work that follows) are the creates a key applies to. */
const isCreate = (endpoint: Endpoint) =>
  endpoint.method === 'POST' && (endpoint.status === 201 || endpoint.status === 202);

/** Method, path with query, and body: what one key may stand for. */
function fingerprintOf(request: FastifyRequest): string {
  const hash = createHash('sha256').update(`${request.method} ${request.url}\n`);
  const body: unknown = request.body;
  if (Buffer.isBuffer(body) || typeof body === 'string') hash.update(body);
  else hash.update(JSON.stringify(body ?? null));
  return hash.digest('hex');
}

function answerOf(endpoint: Endpoint, result: unknown): Answer {
  if (result instanceof StatusAnswer) return { status: result.status, body: result.body };
  if (result === undefined) return { status: 204, body: undefined };
  return { status: endpoint.status ?? 200, body: result };
}

async function answerOnce(
  deps: AdminApiDeps,
  endpoint: Endpoint,
  run: (ctx: DomainContext) => Promise<unknown>,
  key: { actorId: string; key: string; fingerprint: string },
): Promise<Answer> {
  let first: Answer | undefined;
  const answer = await runIdempotently(deps.ctx, key, async (ctx) => {
    first = answerOf(endpoint, await run(ctx));
    const stored =
      endpoint.storedAnswer && first.body !== undefined ? endpoint.storedAnswer(first.body) : first.body;
    return { status: first.status, body: JSON.stringify(stored ?? null) };
  });
  if (!answer.isReplayed && first) return first;
  return { status: answer.status, body: JSON.parse(answer.body) as unknown, isReplayed: true };
}

/** Under test: an answer that does not match its declared schema is a failure of the server. */
function checkAnswer(endpoint: Endpoint, answer: Answer): void {
  const schema: z.ZodType | undefined =
    answer.status === endpoint.alsoAnswers?.status
      ? endpoint.alsoAnswers.schema
      : typeof endpoint.answer === 'object' && 'safeParse' in endpoint.answer
        ? endpoint.answer
        : undefined;
  if (!schema || answer.body instanceof RawAnswer) return;
  const checked = schema.safeParse(answer.body);
  if (!checked.success)
    throw new Error(
      `${endpoint.method} ${endpoint.path} answered outside its schema: ${JSON.stringify(checked.error.issues)}`,
    );
}

function send(reply: FastifyReply, answer: Answer) {
  if (answer.body instanceof RawAnswer)
    return reply
      .code(answer.status)
      .headers(answer.body.headers)
      .type(answer.body.contentType)
      .send(answer.body.body);
  if (answer.isReplayed) reply.header('idempotent-replayed', 'true');
  if (answer.status === 204 || answer.body === undefined) return reply.code(answer.status).send();
  return reply.code(answer.status).send(answer.body);
}

function actorIdOf(caller: unknown): string {
  const actor = caller as { staffId?: string } | undefined;
  return actor?.staffId ?? '';
}

function serveEndpoint(app: FastifyInstance, deps: AdminApiDeps, endpoint: Endpoint): void {
  const found = new WeakMap<FastifyRequest, Found>();
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    onRequest: async (request) => {
      const caller = await findCaller(endpoint.caller, deps, request);
      endpoint.guard?.(caller as never);
      const idempotencyKey =
        isCreate(endpoint) && endpoint.caller === 'staff'
          ? checkIdempotencyKey(request.headers['idempotency-key'])
          : undefined;
      found.set(request, { caller, idempotencyKey });
    },
    handler: async (request, reply) => {
      const { caller, idempotencyKey } = found.get(request)!;
      const run = (ctx: DomainContext) => endpoint.execute(caller, ctx, deps, request, reply);
      const answer = idempotencyKey
        ? await answerOnce(deps, endpoint, run, {
            actorId: actorIdOf(caller),
            key: idempotencyKey,
            fingerprint: fingerprintOf(request),
          })
        : answerOf(endpoint, await run(deps.ctx));
      if (deps.checkAnswers && !answer.isReplayed) checkAnswer(endpoint, answer);
      reply.header('cache-control', 'no-store');
      return send(reply, answer);
    },
  });
}

/** A raw body's endpoint in a scope of its own, so its body parser applies to it alone. */
function serveRawBodyEndpoint(app: FastifyInstance, deps: AdminApiDeps, endpoint: Endpoint): void {
  const raw = endpoint.rawBody!;
  void app.register(async (scope) => {
    if (raw.contentTypes === '*') scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      raw.contentTypes === '*' ? '*' : raw.contentTypes,
      { parseAs: raw.parseAs, bodyLimit: raw.maxBytes },
      (_request, body, done) => done(null, body),
    );
    serveEndpoint(scope, deps, endpoint);
  });
}

/** Serves every declaration through the one pipeline. */
export function serveEndpoints(app: FastifyInstance, deps: AdminApiDeps, endpoints: Endpoint[]): void {
  for (const endpoint of endpoints)
    if (endpoint.rawBody) serveRawBodyEndpoint(app, deps, endpoint);
    else serveEndpoint(app, deps, endpoint);
}
