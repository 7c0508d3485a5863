import type { AdminActor } from '../../src/domain/staff/permissions.js';

/**
 * An administrator for tests that call admin operations directly (making tags, newsletters,
 * members): the operations check the role matrix, and the system actor may do only what the jobs
 * and the command need.
 */
export const testAdministrator: AdminActor = {
  kind: 'staff',
  role: 'administrator',
  staffId: 'test-administrator',
  name: 'Test administrator',
};
