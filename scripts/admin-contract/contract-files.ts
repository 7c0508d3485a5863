import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { adminOpenApiDocument } from './openapi-document.js';

/*
 * The files generated from the Admin API's declarations (`npm run generate:admin`), as they are
 * written; test/unit/generated-files.test.ts fails when a written file is not what this makes now.
 */

export const openApiPath = fileURLToPath(new URL('../../docs/admin-api.openapi.json', import.meta.url));
export const adminApiTypesPath = fileURLToPath(
  new URL('../../admin/src/api-types.generated.ts', import.meta.url),
);

/** The document as it is written: formatted with the project's Prettier settings. */
export async function openApiText(): Promise<string> {
  const options = await resolveConfig(openApiPath);
  return format(JSON.stringify(adminOpenApiDocument()), { ...options, filepath: openApiPath });
}

/** The admin's types of every request and answer, from the OpenAPI document (openapi-typescript). */
export async function adminApiTypesText(): Promise<string> {
  const document = JSON.parse(JSON.stringify(adminOpenApiDocument())) as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(document);
  const header =
    '// Generated from the Admin API declarations (src/http/admin-api/*.routes.ts) by `npm run generate:admin`; do not edit.\n\n';
  const options = await resolveConfig(adminApiTypesPath);
  return format(header + astToString(ast), { ...options, filepath: adminApiTypesPath });
}
