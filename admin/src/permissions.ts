// The role matrix of docs/roles.md, as the admin needs it to hide what a role may not do. The
// matrix is generated from the server's (permission-matrix.generated.ts, `npm run generate:admin`);
// the server enforces it.
import {
  adminPermissionMatrix,
  type Action,
  type Grant,
  type Resource,
  type Role,
} from './permission-matrix.generated.js';

export { adminPermissionMatrix, roles } from './permission-matrix.generated.js';
export type { Action, Grant, Resource, Role } from './permission-matrix.generated.js';

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
