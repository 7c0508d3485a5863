import { z } from 'zod';
import { isValidSlug } from './slug.js';
import { cleanText, isHttpUrl, isSafeSitePath } from './validate.js';

/** Input field schemas shared by every concept, so one kind of field is checked one way everywhere. */

/** Text a person typed, cleaned (see cleanText), at most `max` characters. */
export const text = (max: number) =>
  z.string().max(max, `must be at most ${max} characters`).transform(cleanText);

export const requiredText = (max: number) => text(max).refine((v) => v.length > 0, 'is required');

export const optionalText = (max: number) => text(max).nullable().optional();

export const id = z.string().min(1).max(64);

export const httpUrl = z
  .string()
  .max(2048)
  .transform((v) => v.trim())
  .refine(isHttpUrl, 'must be an http(s) URL');

/** An http(s) URL, or a path on this site (`/about/`; never `//host`, `/\host` or an encoded one). */
export const linkUrl = z
  .string()
  .max(2048)
  .transform((v) => v.trim())
  .refine(
    (v) => (v.startsWith('/') ? isSafeSitePath(v) : isHttpUrl(v)),
    'must be an http(s) URL or a path on this site',
  );

/** An explicit slug, or '' to derive one from the title or name. */
export const slug = z
  .string()
  .max(191)
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => v === '' || isValidSlug(v), 'may only contain letters, digits and single hyphens');

export const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'must be a language code such as en or nb');

export const isoDate = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date and time such as 2026-11-24T09:00:00Z')
  .transform((v) => new Date(v).toISOString());
