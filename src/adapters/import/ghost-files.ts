import { open } from 'node:fs/promises';
import yaml from 'js-yaml';
import { GhostReadError } from '../../domain/import/ghost-export.js';
import type { GhostRedirect } from '../../domain/import/import-ports.js';
import { parseSafeJson } from './safe-json.js';

/** Larger than any content export Ghost writes (images are never inside it). */
export const maxExportBytes = 256 * 1024 * 1024;
const maxRedirectsBytes = 5 * 1024 * 1024;
/** A Ghost export nests about six levels; lexical and mobiledoc are strings inside it. */
const maxExportDepth = 32;

/** A Ghost export file: its size checked before it is read, then parsed by parseSafeJson. */
export async function readGhostExportFile(path: string): Promise<unknown> {
  const text = await readCapped(path, maxExportBytes, 'The export');
  return parseSafeJson(text.replace(/^\uFEFF/, ''), { maxDepth: maxExportDepth, what: 'The export' });
}

async function readCapped(path: string, maxBytes: number, what: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size > maxBytes)
      throw new GhostReadError(`${what} is larger than ${maxBytes / 1024 / 1024} MiB: refused`);
    return (await file.readFile()).toString('utf8');
  } finally {
    await file.close();
  }
}

/**
 * Ghost's redirects: `redirects.json` (`[{"from","to","permanent"}]`) or `redirects.yaml`
 * (`301: {from: to}`, `302: {…}`), the YAML read with the JSON schema (no types, no aliases beyond it).
 */
export async function readGhostRedirectsFile(path: string): Promise<GhostRedirect[]> {
  const text = await readCapped(path, maxRedirectsBytes, 'The redirects file');
  const trimmed = text.trim();
  if (trimmed.startsWith('['))
    return fromJson(parseSafeJson(trimmed, { maxDepth: 4, what: 'The redirects file' }));
  let parsed: unknown;
  try {
    parsed = yaml.load(trimmed, { schema: yaml.JSON_SCHEMA, json: true });
  } catch (error) {
    throw new GhostReadError(
      `The redirects file is neither JSON nor YAML (${(error as Error).message.slice(0, 200)})`,
    );
  }
  return fromYaml(parsed);
}

function fromJson(parsed: unknown): GhostRedirect[] {
  if (!Array.isArray(parsed)) throw new GhostReadError('The redirects file must be a list of {from, to}');
  return parsed
    .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
    .filter((r) => typeof r.from === 'string' && typeof r.to === 'string')
    .map((r) => ({ from: r.from as string, to: r.to as string, isPermanent: r.permanent === true }));
}

function fromYaml(parsed: unknown): GhostRedirect[] {
  if (typeof parsed !== 'object' || parsed === null)
    throw new GhostReadError('The redirects file must map 301 and 302 to their redirects');
  const found: GhostRedirect[] = [];
  for (const [status, group] of Object.entries(parsed)) {
    if (typeof group !== 'object' || group === null) continue;
    for (const [from, to] of Object.entries(group as Record<string, unknown>))
      if (typeof to === 'string') found.push({ from, to, isPermanent: status === '301' });
  }
  return found;
}
