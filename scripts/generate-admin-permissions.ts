// `npm run generate:admin`: writes admin/src/permission-matrix.generated.ts from the server's role
// matrix, so the admin hides exactly what the server refuses. test/unit/generated-files.test.ts fails
// when the written file is not what this would write now.
import { writeFileSync } from 'node:fs';
import { adminPermissionsPath, formattedAdminPermissions } from './admin-permissions-source.js';

writeFileSync(adminPermissionsPath, await formattedAdminPermissions());
