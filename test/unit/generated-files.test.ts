import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { adminPermissionMatrix } from '../../admin/src/permissions.js';
import { permissionMatrix } from '../../src/domain/staff/permissions.js';
import { adminPermissionsPath, formattedAdminPermissions } from '../../scripts/admin-permissions-source.js';

test("the admin's role matrix is generated from the server's and is current (npm run generate:admin)", async () => {
  assert.equal(readFileSync(adminPermissionsPath, 'utf8'), await formattedAdminPermissions());
  assert.deepEqual(
    JSON.parse(JSON.stringify(adminPermissionMatrix)),
    JSON.parse(JSON.stringify(permissionMatrix)),
  );
});
