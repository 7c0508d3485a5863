import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { id } from '../../domain/shared/fields.js';
import { validationError } from '../../domain/shared/errors.js';
import { detailsOf } from '../../domain/shared/validate.js';

/*
 * The first step of every Admin API endpoint (docs/admin-api.md, "Requests"): its route parameters,
 * query string and body parsed with strict zod schemas. A part without a schema must be empty, so an
 * unknown field anywhere, top-level or nested, is a 422 VALIDATION error naming it (`sources.0.foo`)
 * before anything is read or stored. The handler's input types are the schemas' outputs.
 */

/** Nothing at all: the schema of a part the endpoint does not take. */
export const nothing = z.strictObject({});

/** `:id` alone, the route parameters of most item routes. */
export const idParams = z.strictObject({ id });

/**
 * A body the route reads itself, not as fields (an upload's bytes, a CSV file): its own checks apply,
 * and there are no fields to refuse.
 */
export const rawBody = z.unknown();

export interface RequestSchemas<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params?: P;
  query?: Q;
  body?: B;
}

export interface ParsedRequest<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
}

/**
 * Parses a request's parameters, query string and body (an absent body is `{}`); on any problem
 * throws one VALIDATION error listing every one of them, each naming its property.
 */
export function parseRequest<
  P extends z.ZodType = typeof nothing,
  Q extends z.ZodType = typeof nothing,
  B extends z.ZodType = typeof nothing,
>(
  request: Pick<FastifyRequest, 'params' | 'query' | 'body'>,
  schemas: RequestSchemas<P, Q, B>,
): ParsedRequest<P, Q, B> {
  const parts = [
    [schemas.params ?? nothing, request.params ?? {}],
    [schemas.query ?? nothing, request.query ?? {}],
    [schemas.body ?? nothing, request.body ?? {}],
  ] as const;
  const results = parts.map(([schema, value]) => schema.safeParse(value));
  const issues = results.flatMap((r) => (r.success ? [] : r.error.issues));
  if (issues.length) throw validationError(detailsOf(issues));
  const [params, query, body] = results.map((r) => r.data);
  return { params, query, body } as ParsedRequest<P, Q, B>;
}
