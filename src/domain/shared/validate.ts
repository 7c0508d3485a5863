import { removeControlCharacters } from './text.js';
import type { z } from 'zod';
import { validationError } from './errors.js';

/** Parses input with a schema; on failure throws one VALIDATION error naming every bad property. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(
    parsed.error.issues.map(
      (issue) =>
        ({ property: issue.path.join('.') || undefined, message: issue.message }) as {
          property?: string;
          message: string;
        },
    ),
  );
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
