import { z } from 'zod';
import { parseInput } from '../../domain/shared/validate.js';

const pagingSchema = z.object({
  page: z.coerce.number().int('must be a whole number').min(1).max(1_000_000).default(1),
  limit: z.coerce.number().int('must be a whole number').min(1).max(100).default(20),
});

/** `page` (from 1) and `limit` (1–100) from a query string, as offsets for a repository. */
export function pagingOf(query: Record<string, unknown>) {
  const { page, limit } = parseInput(pagingSchema, { page: query.page, limit: query.limit });
  return { page, limit, offset: (page - 1) * limit };
}

export const metaOf = (paging: { page: number; limit: number }, total: number) => ({
  page: paging.page,
  limit: paging.limit,
  total,
});
