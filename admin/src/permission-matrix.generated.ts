// Generated from src/domain/staff/permissions.ts by `npm run generate:admin`; do not edit.

export const roles = ['owner', 'administrator', 'editor', 'author', 'contributor'] as const;
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
export const actions = ['read', 'create', 'update', 'delete', 'publish'] as const;
export type Role = (typeof roles)[number];
export type Resource = (typeof resources)[number];
export type Action = (typeof actions)[number];
export type Grant = 'all' | 'own' | 'own-draft';

export const adminPermissionMatrix: Record<
  Role,
  Partial<Record<Resource, Partial<Record<Action, Grant>>>>
> = {
  owner: {
    post: { read: 'all', create: 'all', update: 'all', delete: 'all', publish: 'all' },
    page: { read: 'all', create: 'all', update: 'all', delete: 'all', publish: 'all' },
    media: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    tag: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    promotion: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    staff: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    settings: { read: 'all', update: 'all' },
    integration: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    redirect: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    member: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    newsletter: { read: 'all', create: 'all', update: 'all', delete: 'all', publish: 'all' },
  },
  administrator: {
    post: { read: 'all', create: 'all', update: 'all', delete: 'all', publish: 'all' },
    page: { read: 'all', create: 'all', update: 'all', delete: 'all', publish: 'all' },
    media: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    tag: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    promotion: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    staff: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    settings: { read: 'all', update: 'all' },
    integration: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    redirect: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    member: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    newsletter: { read: 'all', create: 'all', update: 'all', delete: 'all', publish: 'all' },
  },
  editor: {
    post: { read: 'all', create: 'all', update: 'all', delete: 'all', publish: 'all' },
    page: { read: 'all', create: 'all', update: 'all', delete: 'all', publish: 'all' },
    media: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    tag: { read: 'all', create: 'all', update: 'all', delete: 'all' },
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
