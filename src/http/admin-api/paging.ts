import { z } from 'zod';

/** `page` (from 1) and `limit` (1–100) in a query string; extend a list's query schema with these. */
export const pagingFields = {
  page: z.coerce.number().int('must be a whole number').min(1).max(1_000_000).default(1),
  limit: z.coerce.number().int('must be a whole number').min(1).max(100).default(20),
};
/** A list's query string when it takes paging alone. */
export const pagingSchema = z.strictObject(pagingFields);

export const toPaging = ({ page, limit }: { page: number; limit: number }) => ({
  page,
  limit,
  offset: (page - 1) * limit,
});

export const metaOf = (paging: { page: number; limit: number }, total: number) => ({
  page: paging.page,
  limit: paging.limit,
  total,
});
