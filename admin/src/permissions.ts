// The role matrix of docs/roles.md, as the admin needs it to hide what a role may not do. The server
// enforces the same rules; test/http/admin-app.test.ts checks this copy against the server's.

export const roles = ['owner', 'administrator', 'editor', 'author', 'contributor'] as const;
export type Role = (typeof roles)[number];
export type Resource =
  | 'post'
  | 'page'
  | 'media'
  | 'tag'
  | 'promotion'
  | 'staff'
  | 'settings'
  | 'integration'
  | 'redirect'
  | 'member'
  | 'newsletter';
export type Action = 'read' | 'create' | 'update' | 'delete' | 'publish';
export type Grant = 'all' | 'own' | 'own-draft';
type Matrix = Record<Role, Partial<Record<Resource, Partial<Record<Action, Grant>>>>>;

const everything = { read: 'all', create: 'all', update: 'all', delete: 'all', publish: 'all' } as const;
const manage = { read: 'all', create: 'all', update: 'all', delete: 'all' } as const;
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

export const adminPermissionMatrix: Matrix = {
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

export function grantOf(role: Role, resource: Resource, action: Action): Grant | undefined {
  return adminPermissionMatrix[role]?.[resource]?.[action];
}

/** Whether a role may do `action` on some `resource` at all (perhaps only on its own). */
export function can(role: Role, resource: Resource, action: Action): boolean {
  return grantOf(role, resource, action) !== undefined;
}

/** Whether a role may do `action` on one thing, given who owns it and whether it was ever published. */
export function canOn(
  role: Role,
  resource: Resource,
  action: Action,
  target: { isOwn: boolean; isPublished?: boolean },
): boolean {
  const grant = grantOf(role, resource, action);
  if (grant === 'all') return true;
  if (grant === 'own') return target.isOwn;
  if (grant === 'own-draft') return target.isOwn && !target.isPublished;
  return false;
}
