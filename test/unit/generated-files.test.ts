import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { adminPermissionMatrix } from '../../admin/src/permissions.js';
import { permissionMatrix } from '../../src/domain/staff/permissions.js';
import { adminPermissionsPath, formattedAdminPermissions } from '../../scripts/admin-permissions-source.js';
import {
  adminApiTypesPath,
  adminApiTypesText,
  openApiPath,
  openApiText,
} from '../../scripts/admin-contract/contract-files.js';

test("the admin's role matrix is generated from the server's and is current (npm run generate:admin)", async () => {
  assert.equal(readFileSync(adminPermissionsPath, 'utf8'), await formattedAdminPermissions());
  assert.deepEqual(
    JSON.parse(JSON.stringify(adminPermissionMatrix)),
    JSON.parse(JSON.stringify(permissionMatrix)),
  );
});

test('the OpenAPI document is generated from the endpoint declarations and is current (npm run generate:admin)', async () => {
  assert.equal(readFileSync(openApiPath, 'utf8'), await openApiText());
});

test("the admin's API types are generated from the OpenAPI document and are current (npm run generate:admin)", async () => {
  assert.equal(readFileSync(adminApiTypesPath, 'utf8'), await adminApiTypesText());
});
