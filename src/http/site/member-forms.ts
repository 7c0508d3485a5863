import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseRequest, type RequestSchemas } from '../admin-api/request-schema.js';

/*
 * The request schemas of the public members' pages (member-routes.ts): their query strings and form
 * fields, strict, so a field no form of ours sends is refused (422, naming it) rather than ignored.
 * The domain checks the values themselves (the address, the newsletters, the token).
 */

const token = z.string().max(300);
/** The signed form token every form of ours carries (form-token.ts); checked by the route. */
const formToken = { form_token: z.string().max(300).optional() };
/** Fields a form may repeat (checkboxes); any other field given twice is refused. */
const repeatable = ['newsletters'];

/** The query of a members' link: its token. */
export const linkQuery = z.strictObject({ token: token.optional() });

export const subscribePageQuery = z.strictObject({ sent: z.literal('1').optional() });

export const signupForm = z.strictObject({
  email: z.string().max(1000).default(''),
  newsletters: z.array(z.string().max(64)).max(50).default([]),
  language: z.string().max(10).default(''),
  /** The trap field people never see: a robot fills it in. */
  website: z.string().max(1000).default(''),
  ...formToken,
});

export const tokenForm = z.strictObject({ token: token.optional(), ...formToken });

export const manageForm = z.strictObject({
  token: token.optional(),
  action: z.enum(['update', 'unsubscribe', 'delete']),
  newsletters: z.array(z.string().max(64)).max(100).default([]),
  ...formToken,
});

/**
 * RFC 8058 one-click: `List-Unsubscribe=One-Click`, or nothing (a multipart body is not read); or the
 * unsubscribe page's own form, with the token and its form token.
 */
export const unsubscribeForm = z.strictObject({
  'List-Unsubscribe': z.literal('One-Click').optional(),
  token: token.optional(),
  ...formToken,
});

/** A form body's fields as an object (own properties only): repeatable ones as lists, others as text. */
export function formFields(body: unknown): Record<string, string | string[]> {
  if (!(body instanceof URLSearchParams)) return {};
  return Object.fromEntries(
    [...new Set(body.keys())].map((key) => {
      const all = body.getAll(key);
      return [key, repeatable.includes(key) || all.length > 1 ? all : all[0]!];
    }),
  );
}

/** A members' page request, parsed (see parseRequest): a VALIDATION error names every problem. */
export function parseForm<Q extends z.ZodType, B extends z.ZodType>(
  request: FastifyRequest,
  schemas: Pick<RequestSchemas<z.ZodType, Q, B>, 'query' | 'body'>,
) {
  return parseRequest({ params: {}, query: request.query, body: formFields(request.body) }, schemas);
}
