import { readFileSync } from 'node:fs';

/** The excerpt of schema.org's vocabulary in test/fixtures/schema-org (see its README for the licence). */
const vocabulary = JSON.parse(
  readFileSync(new URL('../fixtures/schema-org/vocabulary.json', import.meta.url), 'utf8'),
) as { types: Record<string, string[]>; properties: Record<string, string[]> };

/** A type and every type it is a kind of. */
function lineage(type: string): Set<string> {
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const parent of vocabulary.types[t] ?? []) visit(parent);
  };
  visit(type);
  return seen;
}

/**
 * What is wrong with a JSON-LD document against schema.org: an unknown `@type`, or a property
 * schema.org does not allow on the type it sits on. Empty when it is valid.
 */
export function schemaOrgProblems(data: unknown, path = '$'): string[] {
  if (Array.isArray(data)) return data.flatMap((item, i) => schemaOrgProblems(item, `${path}[${i}]`));
  if (!data || typeof data !== 'object') return [];
  const node = data as Record<string, unknown>;
  const type = node['@type'];
  const problems: string[] = [];
  if (typeof type === 'string' && !(type in vocabulary.types)) problems.push(`${path}: unknown type ${type}`);
  const kinds = typeof type === 'string' ? lineage(type) : undefined;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@')) continue;
    const domains = vocabulary.properties[key];
    if (!domains) problems.push(`${path}.${key}: not a property in the vocabulary`);
    else if (kinds && !domains.some((d) => kinds.has(d)))
      problems.push(`${path}.${key}: not a property of ${String(type)}`);
    problems.push(...schemaOrgProblems(value, `${path}.${key}`));
  }
  return problems;
}

/** The JSON-LD blocks of a page. */
export function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as unknown,
  );
}
