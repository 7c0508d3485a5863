import { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { RedirectRecord } from '../ports.js';
import { conflict, notFound, validationError } from '../shared/errors.js';
import { linkUrl } from '../shared/fields.js';
import { newId } from '../shared/ids.js';
import { isSafeSitePath, parseInput } from '../shared/validate.js';
import { assertCan, type AdminActor } from '../staff/permissions.js';

/** A path on this site: starts with one slash, no query, no fragment, no control or space characters. */
const fromPath = z
  .string()
  .max(1024)
  .transform((v) => v.trim())
  .refine(
    (v) => /^\/[^\s?#]*$/.test(v) && isSafeSitePath(v),
    'must be a path on this site such as /old-slug/',
  );

const redirectFields = z.strictObject({
  fromPath,
  toUrl: linkUrl,
  statusCode: z.union([z.literal(301), z.literal(302)], { message: 'must be 301 or 302' }),
});
export const createRedirectSchema = redirectFields.partial().required({ fromPath: true, toUrl: true });
export const updateRedirectSchema = redirectFields.partial();

/** Paths the admin and the API live under: a redirect must never hide them. */
const protectedPrefixes = ['/admin', '/media/', '/assets/', '/ghost/'];

function checkPaths(from: string, to: string): void {
  const isProtected = (prefix: string) => from === prefix || from.startsWith(prefix.replace(/\/?$/, '/'));
  if (protectedPrefixes.some(isProtected))
    throw validationError([{ property: 'fromPath', message: 'this path belongs to Broadsheet itself' }]);
  if (from === to) throw validationError([{ property: 'toUrl', message: 'must differ from the path' }]);
}

export async function listRedirects(ctx: DomainContext, actor: AdminActor): Promise<RedirectRecord[]> {
  assertCan(actor, 'read', 'redirect');
  return ctx.repos.redirects.list();
}

export async function createRedirect(
  ctx: DomainContext,
  actor: AdminActor,
  input: z.input<typeof createRedirectSchema>,
): Promise<RedirectRecord> {
  assertCan(actor, 'create', 'redirect');
  const f = parseInput(createRedirectSchema, input);
  checkPaths(f.fromPath, f.toUrl);
  if (await ctx.repos.redirects.findByPath(f.fromPath))
    throw conflict(`There is already a redirect from ${f.fromPath}`, 'fromPath');
  const now = ctx.clock.now().toISOString();
  const redirect: RedirectRecord = {
    id: newId(ctx.clock.now()),
    fromPath: f.fromPath,
    toUrl: f.toUrl,
    statusCode: f.statusCode ?? 301,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.repos.redirects.insert(redirect);
  ctx.events.contentChanged();
  return redirect;
}

export async function updateRedirect(
  ctx: DomainContext,
  actor: AdminActor,
  id: string,
  input: z.input<typeof updateRedirectSchema>,
): Promise<RedirectRecord> {
  assertCan(actor, 'update', 'redirect');
  const f = parseInput(updateRedirectSchema, input);
  const existing = await ctx.repos.redirects.findById(id);
  if (!existing) throw notFound('Redirect');
  const next = { ...existing, ...f };
  checkPaths(next.fromPath, next.toUrl);
  const clash = await ctx.repos.redirects.findByPath(next.fromPath);
  if (clash && clash.id !== id)
    throw conflict(`There is already a redirect from ${next.fromPath}`, 'fromPath');
  await ctx.repos.redirects.update(id, { ...f, updatedAt: ctx.clock.now().toISOString() });
  ctx.events.contentChanged();
  return (await ctx.repos.redirects.findById(id))!;
}

export async function deleteRedirect(ctx: DomainContext, actor: AdminActor, id: string): Promise<void> {
  assertCan(actor, 'delete', 'redirect');
  if (!(await ctx.repos.redirects.delete(id))) throw notFound('Redirect');
  ctx.events.contentChanged();
}

/** Where a request path should go instead, if a redirect covers it. */
export function findRedirect(ctx: DomainContext, path: string): Promise<RedirectRecord | undefined> {
  return ctx.repos.redirects.findByPath(path);
}
