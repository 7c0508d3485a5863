import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { DomainContext } from '../../domain/context.js';
import type { BulkMailer } from '../../domain/ports.js';
import { enforce, type Limit } from '../../domain/limits/rate-limits.js';
import type { AdminActor } from '../../domain/staff/permissions.js';
import type { SignedInSession } from './callers.js';
import { nothing, parseRequest } from './request-schema.js';

/*
 * An Admin API endpoint declared as data: method, path, who may call, the request's schemas, its
 * rate limits, the operation and the presenter. `serveEndpoints` (pipeline.ts) runs every declaration
 * through the same stages in the same order; the OpenAPI document and the admin's API types are
 * generated from the declarations (scripts/generate-admin-contract.ts).
 */

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Who may call, checked before a byte of the body is read:
 * - `staff`: a signed-in session (on a change: same origin and the session's CSRF token) or an API token;
 * - `session`: a signed-in person's own session, never an API token (one's own account);
 * - `pending-session`: a session whose second sign-in step is still to do (same origin, its CSRF token);
 * - `anyone`: no session needed; a change must still come from our own pages.
 */
export type CallerKind = 'staff' | 'session' | 'pending-session' | 'anyone';

export interface Callers {
  staff: AdminActor;
  session: SignedInSession;
  /** The pending session's token. */
  'pending-session': string;
  anyone: undefined;
}

export interface AdminApiDeps {
  ctx: DomainContext;
  siteUrl: string;
  publicPath: (key: string) => string;
  /** The newsletters' SMTP pool, for test sends; undefined without SMTP_URL. */
  newsletterMailer?: BulkMailer | undefined;
  /** A post's preview page, rendered by the site. */
  preview: (postId: string) => Promise<{ contentType: string; body: string | Buffer } | null>;
  /** Check every JSON answer against its declared schema (the test suite turns this on). */
  checkAnswers?: boolean;
}

/** What an operation is handed: the caller, the parsed request, and the transport around it. */
export interface EndpointInput<C extends CallerKind, P, Q, B> {
  caller: Callers[C];
  params: P;
  query: Q;
  body: B;
  /** The context to call the domain with (on an idempotent create, the one its answer is stored in). */
  ctx: DomainContext;
  deps: AdminApiDeps;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** A body that is not JSON: the route's own parser reads it (an upload's bytes, a CSV file). */
export interface RawBody {
  contentTypes: string[] | '*';
  parseAs: 'buffer' | 'string';
  maxBytes: number;
  description: string;
}

/** An answer that is not JSON (a CSV export, a preview page): sent as it is, with its headers. */
export class RawAnswer {
  constructor(
    readonly contentType: string,
    readonly body: string | Buffer,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** A JSON answer with a status other than the endpoint's usual one (sign-in: 201 or 202). */
export class StatusAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export interface EndpointDoc {
  /** The OpenAPI group. */
  tag: string;
  operationId: string;
  summary: string;
  description?: string;
}

interface EndpointCommon<C extends CallerKind> extends EndpointDoc {
  method: Method;
  path: string;
  caller: C;
  /** The answer on success: 200 unless said (201 for creates, 202 for work that follows). */
  status?: number;
  /** Also answered, with its schema (sign-in's 202 when a second step is needed). */
  alsoAnswers?: { status: number; schema: z.ZodType; description: string };
  rawBody?: RawBody;
  /** The JSON answer's schema; `'none'` answers 204; a RawAnswer's content type for other bodies. */
  answer: z.ZodType | 'none' | { contentType: string; description: string };
  /** A rule of the endpoint as a whole ("may upload at all"), checked with the caller. */
  guard?: (caller: Callers[C]) => void;
  /** What a replay of this create answers, when the first answer holds what must not be stored. */
  storedAnswer?: (answer: unknown) => unknown;
}

export interface EndpointSpec<
  C extends CallerKind,
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R,
> extends EndpointCommon<C> {
  params?: P;
  query?: Q;
  body?: B;
  /** Counted in the database after parsing, before the operation: a key per limit. */
  rateLimits?: (input: EndpointInput<C, z.output<P>, z.output<Q>, z.output<B>>) => [Limit, string][];
  /** The operation: authorizes, runs in its one transaction, returns what it did. */
  run: (input: EndpointInput<C, z.output<P>, z.output<Q>, z.output<B>>) => Promise<R>;
  /** A pure function of what the operation returned: the fields that leave the server. */
  present: (result: R, deps: AdminApiDeps) => unknown;
}

/** A declaration with its types erased, as the pipeline and the generators see it. */
export interface Endpoint extends EndpointCommon<CallerKind> {
  request: { params: z.ZodType; query: z.ZodType; body: z.ZodType };
  hasRateLimits: boolean;
  /** Parses the request, counts the limits, runs the operation and presents its result. */
  execute(
    found: unknown,
    ctx: DomainContext,
    deps: AdminApiDeps,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<unknown>;
}

/** Declares an endpoint; the input types of `run` are the outputs of its schemas. */
export function endpoint<
  C extends CallerKind,
  P extends z.ZodType = typeof nothing,
  Q extends z.ZodType = typeof nothing,
  B extends z.ZodType = typeof nothing,
  R = unknown,
>(spec: EndpointSpec<C, P, Q, B, R>): Endpoint {
  const { params, query, body, run, present, rateLimits, ...common } = spec;
  const schemas = { params: params ?? nothing, query: query ?? nothing, body: body ?? nothing };
  return {
    ...(common as EndpointCommon<CallerKind>),
    request: schemas,
    hasRateLimits: rateLimits !== undefined,
    async execute(found, ctx, deps, request, reply) {
      const parsed = parseRequest(request, schemas as { params: P; query: Q; body: B });
      const input = { ...parsed, caller: found as Callers[C], ctx, deps, request, reply };
      for (const [limit, key] of rateLimits?.(input) ?? []) await enforce(deps.ctx, limit, key);
      return present(await run(input), deps);
    },
  };
}

/** The presenter of an operation whose result is already its answer. */
export const asItIs = <T>(answer: T): T => answer;

/** The presenter of an operation whose answer is 204 No Content. */
export const noContent = (): undefined => undefined;
