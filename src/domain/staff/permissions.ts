import { DomainError } from '../shared/errors.js';
import type { staffRoles } from './staff.js';

export type Role = (typeof staffRoles)[number];
export const resources = [
  'post',
  'page',
  'media',
  'tag',
  'promotion',
  'staff',
  'settings',
  'integration',
  'redirect',
  'member',
  'newsletter',
] as const;
export type Resource = (typeof resources)[number];
export const actions = ['read', 'create', 'update', 'delete', 'publish'] as const;
export type Action = (typeof actions)[number];

/**
 * Who may do what, as data. `all`: on anything; `own`: only on what the actor authored (posts) or
 * uploaded (media); `own-draft`: own and never published; absent: not allowed.
 */
export type Grant = 'all' | 'own' | 'own-draft';
type Matrix = Record<Role, Partial<Record<Resource, Partial<Record<Action, Grant>>>>>;

const everything = Object.fromEntries(actions.map((a) => [a, 'all'])) as Record<Action, Grant>;
const manage: Partial<Record<Action, Grant>> = { read: 'all', create: 'all', update: 'all', delete: 'all' };
const administration = {
  post: everything,
  page: everything,
  media: manage,
  tag: manage,
  promotion: manage,
  staff: manage,
  settings: { read: 'all', update: 'all' },
  integration: manage,
  redirect: manage,
  member: manage,
  newsletter: { ...manage, publish: 'all' },
} as const;

export const permissionMatrix: Matrix = {
  owner: administration,
  administrator: administration,
  editor: {
    post: everything,
    page: everything,
    media: manage,
    tag: manage,
    promotion: { read: 'all' },
    staff: { read: 'all' },
    settings: { read: 'all' },
    newsletter: { read: 'all', publish: 'all' },
  },
  author: {
    post: { read: 'all', create: 'all', update: 'own', delete: 'own', publish: 'own' },
    page: { read: 'all' },
    media: { read: 'all', create: 'all', update: 'own', delete: 'own' },
    tag: { read: 'all' },
    staff: { read: 'all' },
    settings: { read: 'all' },
    newsletter: { read: 'all' },
  },
  contributor: {
    post: { read: 'own', create: 'all', update: 'own-draft', delete: 'own-draft' },
    media: { read: 'own', create: 'all', update: 'own', delete: 'own' },
    tag: { read: 'all' },
    staff: { read: 'all' },
    settings: { read: 'all' },
  },
};

/**
 * What the system actor may do: what the background jobs (scheduled publishing, newsletter sending)
 * and the `broadsheet` command (newsletters, API tokens) need, and nothing else. Whoever runs the
 * command on the server could open the database anyway; the grant names what the command does.
 */
export const systemGrants: Matrix[Role] = {
  // `broadsheet import wordpress` writes posts, pages, their authors, tags, media and redirects.
  post: { read: 'all', create: 'all', update: 'all', publish: 'all' },
  page: { read: 'all', create: 'all', update: 'all', publish: 'all' },
  media: { create: 'all' },
  staff: { create: 'all' },
  redirect: { create: 'all', update: 'all' },
  // `broadsheet init` loads the demo site: its tags, promotion, newsletter and settings.
  tag: { create: 'all' },
  promotion: { create: 'all' },
  newsletter: { read: 'all', create: 'all', update: 'all', publish: 'all' },
  settings: { read: 'all', update: 'all' },
  // `broadsheet import ghost` also brings newsletters (made or updated) and members (never emailed).
  member: { create: 'all' },
  integration: { read: 'all', create: 'all', delete: 'all' },
};

export interface Actor {
  role: Role;
  staffId: string;
}

/** Nobody in particular: a background job or the `broadsheet` command, named for logs. */
export interface SystemActor {
  kind: 'system';
  role: 'system';
  name: string;
}

export const systemActor = (name: string): SystemActor => ({ kind: 'system', role: 'system', name });

/** Whoever an operation acts for: a staff member, an API token or the system; never nobody. */
export type AnyActor = Actor | SystemActor;

/**
 * Who is calling the Admin API: a signed-in staff member, or an integration's API token. A token acts
 * with its role's rights, never more than its creator's current role; it is nobody's "own", so grants
 * limited to own content never match it.
 */
export interface AdminActor extends Actor {
  kind: 'staff' | 'token';
  /** For revisions and logs: the staff member's name, or "Integration: NAME". */
  name: string;
  /** A token's creator, whose current rights bound the token's (null: made from the shell). */
  tokenCreatorId?: string | null;
}

/** Refuses with FORBIDDEN unless the actor may do `action` on `resource` (and `target`). */
export function assertCan(actor: AnyActor, action: Action, resource: Resource, target?: Target): void {
  if (!can(actor, action, resource, target))
    throw new DomainError('FORBIDDEN', `Your role (${actor.role}) may not ${action} this ${resource}`);
}

/** What the rule is checked against: who owns the target and whether it was ever published. */
export interface Target {
  ownerIds: string[];
  isPublished?: boolean;
}

export function grantFor(role: Role | 'system', resource: Resource, action: Action): Grant | undefined {
  return (role === 'system' ? systemGrants : permissionMatrix[role])[resource]?.[action];
}

/** May `actor` do `action` on `resource` (on `target`, when the rule depends on ownership)? */
export function can(actor: AnyActor, action: Action, resource: Resource, target?: Target): boolean {
  const grant = grantFor(actor.role, resource, action);
  if (!grant) return false;
  // Without a target the question is "may they do this to anything at all?" (a route guard).
  if (grant === 'all' || !target) return true;
  // The system owns nothing, so a grant limited to own content never matches it.
  const isOwn = 'staffId' in actor && target.ownerIds.includes(actor.staffId);
  return grant === 'own' ? isOwn : isOwn && !target.isPublished;
}

const cell = (grant: Grant | undefined) => (grant === 'all' ? 'yes' : (grant ?? 'no'));

const header = `| resource | ${actions.join(' | ')} |\n| --- |${actions.map(() => ' --- |').join('')}`;

function roleTable(title: string, role: Role | 'system'): string {
  const rows = resources.map(
    (r) => `| ${r} | ${actions.map((a) => cell(grantFor(role, r, a))).join(' | ')} |`,
  );
  return `### ${title}\n\n${header}\n${rows.join('\n')}\n`;
}

/** The matrix as a Markdown table, one table per role (docs/roles.md is checked against it). */
export function permissionTable(): string {
  return (Object.keys(permissionMatrix) as Role[])
    .map((role) => roleTable(role, role))
    .concat(roleTable('system (background jobs and the `broadsheet` command)', 'system'))
    .join('\n');
}
