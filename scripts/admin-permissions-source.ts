import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { staffRoles } from '../src/domain/staff/staff.js';
import { actions, permissionMatrix, resources } from '../src/domain/staff/permissions.js';

const list = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/**
 * The role matrix as a TypeScript module for the admin app (which must not import the server):
 * the roles, resources and actions, and every role's grants.
 */
export function adminPermissionsSource(): string {
  const grants = staffRoles.map((role) => {
    const byResource = Object.entries(permissionMatrix[role]).map(([resource, byAction]) => {
      const entries = Object.entries(byAction ?? {}).map(([action, grant]) => `${action}: '${grant}'`);
      return `    ${resource}: { ${entries.join(', ')} },`;
    });
    return `  ${role}: {\n${byResource.join('\n')}\n  },`;
  });
  return `// Generated from src/domain/staff/permissions.ts by \`npm run generate:admin\`; do not edit.

export const roles = ${list(staffRoles)} as const;
export const resources = ${list(resources)} as const;
export const actions = ${list(actions)} as const;
export type Role = (typeof roles)[number];
export type Resource = (typeof resources)[number];
export type Action = (typeof actions)[number];
export type Grant = 'all' | 'own' | 'own-draft';

export const adminPermissionMatrix: Record<Role, Partial<Record<Resource, Partial<Record<Action, Grant>>>>> = {
${grants.join('\n')}
};
`;
}

export const adminPermissionsPath = fileURLToPath(
  new URL('../admin/src/permission-matrix.generated.ts', import.meta.url),
);

/** The generated module as it is written: formatted with the project's Prettier settings. */
export async function formattedAdminPermissions(): Promise<string> {
  const options = await resolveConfig(adminPermissionsPath);
  return format(adminPermissionsSource(), { ...options, filepath: adminPermissionsPath });
}
