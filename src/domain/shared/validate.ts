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

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
