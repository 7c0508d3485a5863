import assert from 'node:assert/strict';
import type { DomainContext } from '../../src/domain/context.js';
import { drainImportJobs, type ImportJobOptions } from '../../src/domain/import/import-job-work.js';
import { createImportJobPorts, type Site } from '../../src/main.js';
import type { AdminClient } from './admin.js';
import type { TestApp } from './http.js';

/** The answer of the import endpoints, as the tests read it. */
export interface ImportJson {
  id: string;
  source: string;
  status: string;
  files: { filename: string; kind: string; bytes: number }[];
  progress: { phase: string; done: number; total: number } | null;
  error: string | null;
  plan: ReportJson | null;
  report: ReportJson | null;
}

type Counts = { created: number; updated: number; skipped: number };
export interface ReportJson {
  isDryRun: boolean;
  files: string[];
  posts: Counts;
  pages: Counts;
  media: Counts & { missing: string[] };
  ghost: { members: Counts } | null;
  skips: { item: string; reason: string }[];
}

export const importPorts = (site: Site) => createImportJobPorts(site.config, site.ctx.privateFiles);

/** The import job run to the end in this process, as `broadsheet start` runs it. */
export const drainImports = (site: Site, options: Partial<ImportJobOptions> = {}) =>
  drainImportJobs(site.ctx as DomainContext, {
    ports: importPorts(site),
    onError: (error) => assert.fail(error as Error),
    ...options,
  });

export async function createImport(client: AdminClient, source: 'wordpress' | 'ghost') {
  const answer = await client.request('POST', '/admin/api/imports', { source });
  assert.equal(answer.statusCode, 201, answer.body);
  return (answer.json() as { import: ImportJson }).import;
}

export const uploadImportFile = (
  t: TestApp,
  client: AdminClient,
  id: string,
  filename: string,
  bytes: Buffer,
) =>
  t.app.inject({
    method: 'POST',
    url: `/admin/api/imports/${id}/files?filename=${encodeURIComponent(filename)}`,
    headers: { ...client.headers, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });

export async function importOf(client: AdminClient, id: string): Promise<ImportJson> {
  const answer = await client.request('GET', `/admin/api/imports/${id}`);
  assert.equal(answer.statusCode, 200, answer.body);
  return (answer.json() as { import: ImportJson }).import;
}

/** Asks for the plan, lets the job make it, and returns the import as the admin then reads it. */
export async function planned(t: TestApp, client: AdminClient, id: string): Promise<ImportJson> {
  const asked = await client.request('POST', `/admin/api/imports/${id}/plan`);
  assert.equal(asked.statusCode, 202, asked.body);
  await drainImports(t.site);
  return importOf(client, id);
}

/** Asks for the import, lets the job run it, and returns the import with its report. */
export async function imported(t: TestApp, client: AdminClient, id: string): Promise<ImportJson> {
  const asked = await client.request('POST', `/admin/api/imports/${id}/run`);
  assert.equal(asked.statusCode, 202, asked.body);
  assert.equal(
    (asked.json() as { import: ImportJson }).import.status,
    'queued',
    'the request imports nothing itself',
  );
  await drainImports(t.site);
  return importOf(client, id);
}
