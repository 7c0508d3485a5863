import { z } from 'zod';
import { importJobStatuses, importSources } from '../../domain/import/import-job-ports.js';
import { namedAnswers } from './answers.js';

/* The Admin API's answers about imports from the admin, named in the contract like answers.ts's. */

function named<T extends z.ZodType>(id: string, description: string, schema: T): T {
  namedAnswers.push({ schema, id, description });
  return schema;
}

const time = z.string().describe('An ISO 8601 time in UTC');
const counts = z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int() });
const tally = z.record(z.string(), z.number().int());

export const importReportAnswer = named(
  'ImportReport',
  'What an import did, or (`isDryRun`) what it would do: counts, every skip with its reason, missing media, what was not understood. Lists longer than 1,000 entries are cut; `omitted` says by how many.',
  z.object({
    source: z.enum(importSources),
    files: z.array(z.string()),
    isDryRun: z.boolean(),
    startedAt: time,
    finishedAt: time,
    posts: counts,
    pages: counts,
    authors: counts,
    tags: counts,
    media: counts.extend({ missing: z.array(z.string()) }),
    redirects: counts,
    skips: z.array(z.object({ item: z.string(), reason: z.string() })),
    notes: z.array(z.object({ item: z.string(), note: z.string() })),
    unknownBlocks: tally,
    unknownShortcodes: tally,
    embeds: z.number().int(),
    comments: z.number().int(),
    customTaxonomies: z.object({ names: z.array(z.string()), terms: z.number().int() }),
    otherPostTypes: tally,
    readerNotices: z.array(z.string()),
    ghost: z
      .object({
        members: counts,
        newsletters: counts,
        settings: z.array(z.string()),
        codeInjection: z.array(z.string()),
        unknownCards: tally,
        droppedCards: tally,
        otherTables: tally,
      })
      .nullable(),
    omitted: z.object({ skips: z.number().int(), notes: z.number().int(), missingMedia: z.number().int() }),
  }),
);

const importJobFields = {
  id: z.string(),
  source: z.enum(importSources),
  status: z.enum(importJobStatuses),
  files: z.array(
    z.object({
      filename: z.string(),
      kind: z.enum(['wordpress-export', 'ghost-export', 'archive']),
      bytes: z.number().int(),
    }),
  ),
  progress: z
    .object({ phase: z.enum(['plan', 'import']), done: z.number().int(), total: z.number().int(), at: time })
    .nullable(),
  error: z.string().nullable(),
  createdAt: time,
  updatedAt: time,
  finishedAt: time.nullable(),
};

export const importJobSummaryAnswer = named(
  'ImportJobSummary',
  'An import from the admin, without its plan and report.',
  z.object(importJobFields),
);

export const importJobAnswer = named(
  'ImportJob',
  'An import from the admin: uploading → plan-queued → planning → planned → queued → running → done (or failed, or cancelled), with its plan (a dry run) and its report.',
  z.object({
    ...importJobFields,
    plan: importReportAnswer.nullable(),
    report: importReportAnswer.nullable(),
  }),
);
