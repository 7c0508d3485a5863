import { removeControlCharacters } from './text.js';
import type { z } from 'zod';
import { validationError, type ErrorDetail } from './errors.js';

/** The message for a field the schema does not know (strict objects refuse them; see docs/admin-api.md). */
export const unknownFieldMessage = 'is not a known field';

/** One detail per problem, each naming the property's path (`sources.0.foo`); unknown keys each get their own. */
export function detailsOf(issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ property: [...path, key].join('.'), message: unknownFieldMessage }));
    const property = path.join('.');
    return [property ? { property, message: issue.message } : { message: issue.message }];
  });
}

/** Parses input with a schema; on failure throws one VALIDATION error naming every bad property. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(detailsOf(parsed.error.issues));
}

/** Text a person typed: trimmed, NUL and other C0 controls (but tab/newline) removed, NFC. */
export function cleanText(value: string): string {
  return removeControlCharacters(value.normalize('NFC')).trim();
}

/** Characters a browser drops or reads as a slash inside a URL: backslash, C0 controls and DEL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const slashLike = /[\\\u0000-\u001f\u007f]/;

/**
 * A path on this site that no browser reads as another host: one leading slash, and no backslash,
 * no control character and no `//` in the path, not even percent-encoded (`/%5Cevil`, `/%2F%2Fevil`).
 */
export function isSafeSitePath(value: string): boolean {
  let text = value;
  for (let round = 0; round < 4; round++) {
    const path = text.split(/[?#]/, 1)[0]!;
    if (!path.startsWith('/') || slashLike.test(text) || path.includes('//')) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return false;
    }
    if (decoded === text) return true;
    text = decoded;
  }
  return false;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
