import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Staff } from './api.js';
import { can, canOn, type Action, type Resource } from './permissions.js';

export interface SessionValue {
  staff: Staff;
  setStaff: (staff: Staff) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in screen');
  return value;
}

/** What the signed-in role may do: `may('tag', 'create')`, or on one thing with `mayOn`. */
export function usePermissions() {
  const { staff } = useSession();
  return {
    may: (resource: Resource, action: Action) => can(staff.role, resource, action),
    mayOn: (resource: Resource, action: Action, target: { isOwn: boolean; isPublished?: boolean }) =>
      canOn(staff.role, resource, action, target),
  };
}
