import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { ApiTokenRecord } from '../ports.js';
import { DomainError, notFound } from '../shared/errors.js';
import { requiredText } from '../shared/fields.js';
import { newId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { assertCan, type AdminActor, type Role, type SystemActor } from '../staff/permissions.js';
import { staffRoles } from '../staff/staff.js';

/** Roles a token may carry: every role but owner (ownership belongs to a person). */
export const tokenRoles = staffRoles.filter((r) => r !== 'owner');
const roleRank = (role: string) => staffRoles.indexOf(role as Role);

export const createTokenSchema = z.strictObject({
  name: requiredText(100),
  role: z.enum(tokenRoles as [Role, ...Role[]], { message: `must be one of ${tokenRoles.join(', ')}` }),
});
/** Anything may come in (from HTTP or the shell); the schema decides what is a token request. */
type TokenInput = { name?: unknown; role?: unknown };

/** Secrets carry a recognisable prefix, so a leaked one is easy to find in logs and repositories. */
const secretPrefix = 'bst_';
const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
/** Last-use times are written at most this often, so a busy integration does not write on every call. */
const touchIntervalMs = 60_000;

/** Staff and tokens in the admin, or the system actor when the token is made from the shell. */
type TokenMaker = AdminActor | SystemActor;

/**
 * Makes an API token; the secret is returned this once and only its hash is kept. Made by the system
 * actor (from the shell, by someone with access to the server), it has no creator to answer to.
 */
export async function createApiToken(
  ctx: DomainContext,
  actor: TokenMaker,
  input: TokenInput,
): Promise<{ token: ApiTokenRecord; secret: string }> {
  assertCan(actor, 'create', 'integration');
  const f = parseInput(createTokenSchema, input);
  if (actor.kind !== 'system' && roleRank(f.role) < roleRank(actor.role))
    throw new DomainError('FORBIDDEN', 'A token cannot have more rights than the person making it');
  const secret = secretPrefix + randomBytes(32).toString('base64url');
  const token: ApiTokenRecord = {
    id: newId(ctx.clock.now()),
    name: f.name,
    role: f.role,
    tokenHash: hashSecret(secret),
    // A token made by a token answers to the same person, so it dies with their rights too.
    createdBy: creatorOf(actor),
    createdAt: ctx.clock.now().toISOString(),
    lastUsedAt: null,
  };
  await ctx.repos.tokens.insert(token);
  return { token, secret };
}

export async function listApiTokens(ctx: DomainContext, actor: TokenMaker): Promise<ApiTokenRecord[]> {
  assertCan(actor, 'read', 'integration');
  return ctx.repos.tokens.list();
}

export async function revokeApiToken(ctx: DomainContext, actor: TokenMaker, id: string): Promise<void> {
  assertCan(actor, 'delete', 'integration');
  if (!(await ctx.repos.tokens.delete(id))) throw notFound('Token');
}

function creatorOf(actor: TokenMaker): string | null {
  if (actor.kind === 'system') return null;
  return actor.kind === 'staff' ? actor.staffId : (actor.tokenCreatorId ?? null);
}

/** The lesser of two roles. */
const lesserRole = (a: Role, b: Role): Role => (roleRank(a) >= roleRank(b) ? a : b);

/**
 * The role a token acts with now: never more than its creator's current role. A token whose creator
 * is suspended or gone has no rights at all (null). A token made from the shell has no creator and
 * keeps its own role.
 */
async function effectiveRole(ctx: DomainContext, token: ApiTokenRecord): Promise<Role | null> {
  if (token.createdBy === null) return token.role as Role;
  const creator = await ctx.repos.staff.findById(token.createdBy);
  if (!creator || creator.status !== 'active') return null;
  return lesserRole(token.role as Role, creator.role as Role);
}

/** The actor a bearer secret stands for, or null when it is unknown, revoked or its creator lost their rights. */
export async function actorForApiToken(ctx: DomainContext, secret: string): Promise<AdminActor | null> {
  if (!secret.startsWith(secretPrefix) || secret.length > 200) return null;
  const token = await ctx.repos.tokens.findByHash(hashSecret(secret));
  if (!token) return null;
  const role = await effectiveRole(ctx, token);
  if (!role) return null;
  const now = ctx.clock.now();
  if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > touchIntervalMs)
    await ctx.repos.tokens.touch(token.id, now.toISOString());
  return {
    kind: 'token',
    role,
    staffId: `token:${token.id}`,
    name: `Integration: ${token.name}`,
    tokenCreatorId: token.createdBy,
  };
}
