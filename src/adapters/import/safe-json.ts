import secureJson from 'secure-json-parse';
import { GhostReadError } from '../../domain/import/ghost-export.js';

/**
 * JSON from outside (a Ghost export, a lexical or mobiledoc document inside one) read without
 * surprises: the nesting depth is measured before parsing, in one pass that allocates nothing, so a
 * 50,000-deep file is refused before any object is made; `__proto__` and `constructor.prototype`
 * keys are refused by secure-json-parse, so nothing read can reach an object's prototype.
 */
export function parseSafeJson(text: string, options: { maxDepth: number; what: string }): unknown {
  const depth = nestingDepth(text, options.maxDepth);
  if (depth > options.maxDepth)
    throw new GhostReadError(`${options.what} is nested more than ${options.maxDepth} levels deep`);
  try {
    return secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    const message = (error as Error).message;
    if (/prototype/i.test(message))
      throw new GhostReadError(`${options.what} holds a __proto__ or constructor.prototype key: refused`);
    throw new GhostReadError(`${options.what} is not valid JSON (${message.slice(0, 200)})`);
  }
}

/** The deepest nesting of arrays and objects, outside strings; stops counting past `limit`. */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}
