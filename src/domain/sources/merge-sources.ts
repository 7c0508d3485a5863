import type { Repositories, SourceFields, SourceRecord, SourceReviewState } from '../ports.js';
import { newId } from '../shared/ids.js';

export interface SourceInput {
  publisher: string;
  title: string;
  url: string;
  note: string;
  reviewState?: SourceReviewState;
}

export interface SourceMergePlan {
  /** Existing rows kept (matched by URL), with the editor's fields as they are now. */
  updates: { id: string; fields: SourceFields }[];
  inserts: { id: string; fields: SourceFields }[];
  deletes: string[];
}

/**
 * Matches the saved list against the stored one by URL, so a source that stays cited keeps its row,
 * and with it its snapshots and its health history; a URL cited twice matches its stored rows in
 * order. Only the editor's fields of a kept row change; a new URL is a new row.
 */
export function planSourceMerge(
  existing: SourceRecord[],
  incoming: SourceInput[],
  now: Date,
): SourceMergePlan {
  const unmatched = new Map<string, string[]>();
  for (const row of existing) unmatched.set(row.url, [...(unmatched.get(row.url) ?? []), row.id]);
  const plan: SourceMergePlan = { updates: [], inserts: [], deletes: [] };
  incoming.forEach((source, sortOrder) => {
    const fields: SourceFields = { ...source, reviewState: source.reviewState ?? null, sortOrder };
    const id = unmatched.get(source.url)?.shift();
    if (id) plan.updates.push({ id, fields });
    else plan.inserts.push({ id: newId(now), fields });
  });
  for (const ids of unmatched.values()) plan.deletes.push(...ids);
  return plan;
}

/** Saves a post's sources by merging; returns the ids of the sources it added. */
export async function mergeSources(
  repos: Repositories,
  postId: string,
  incoming: SourceInput[],
  now: Date,
): Promise<string[]> {
  const existing = await repos.sources.ofPost(postId);
  const plan = planSourceMerge(existing, incoming, now);
  const byId = new Map(existing.map((row) => [row.id, row]));
  await repos.sources.delete(plan.deletes);
  for (const { id, fields } of plan.updates)
    if (hasChanged(byId.get(id)!, fields)) await repos.sources.updateFields(id, fields);
  for (const { id, fields } of plan.inserts) await repos.sources.insert(postId, id, fields);
  return plan.inserts.map((insert) => insert.id);
}

function hasChanged(row: SourceRecord, fields: SourceFields): boolean {
  return (
    row.publisher !== fields.publisher ||
    row.title !== fields.title ||
    row.note !== fields.note ||
    row.reviewState !== fields.reviewState ||
    row.sortOrder !== fields.sortOrder
  );
}
