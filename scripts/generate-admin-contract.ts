// `npm run generate:admin` (with the role table): the Admin API's OpenAPI document and the admin's
// API types, from the endpoints' declarations.
import { writeFileSync } from 'node:fs';
import {
  adminApiTypesPath,
  adminApiTypesText,
  openApiPath,
  openApiText,
} from './admin-contract/contract-files.js';

writeFileSync(openApiPath, await openApiText());
writeFileSync(adminApiTypesPath, await adminApiTypesText());
