/**
 * Gutenberg's serialized blocks (`<!-- wp:image {"id":5} -->…<!-- /wp:image -->`) read into a tree.
 * Written here rather than taken from @wordpress/block-serialization-default-parser, which is
 * GPL-2.0 and so cannot ship in an MIT project. A stray or mismatched comment is kept as HTML.
 */
export interface WpBlock {
  /** `core/paragraph`, `jetpack/map`…; null for HTML between blocks (classic content). */
  name: string | null;
  attrs: Record<string, unknown>;
  /** The block's own HTML in pieces, with `null` where each inner block goes. */
  inner: (string | null)[];
  blocks: WpBlock[];
}

const delimiter = /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*\/)?([a-z][a-z0-9_-]*)\s+(\{[\s\S]*?\}\s+)?(\/)?-->/g;

export function parseBlocks(content: string): WpBlock[] {
  const root: WpBlock = { name: null, attrs: {}, inner: [], blocks: [] };
  const open: WpBlock[] = [root];
  let at = 0;
  const addHtml = (html: string) => {
    if (html === '') return;
    const current = open.at(-1)!;
    const last = current.blocks.at(-1);
    if (current === root && last?.name === null) last.inner[0] += html;
    else if (current === root) root.blocks.push(freeform(html));
    else current.inner.push(html);
  };
  const addBlock = (block: WpBlock) => {
    const current = open.at(-1)!;
    current.blocks.push(block);
    if (current !== root) current.inner.push(null);
  };
  for (const match of content.matchAll(delimiter)) {
    addHtml(content.slice(at, match.index));
    at = match.index + match[0].length;
    const [whole, closing, namespace, local, json, selfClosing] = match;
    const name = `${namespace ?? 'core/'}${local}`;
    if (closing) {
      if (open.length > 1 && open.at(-1)!.name === name) open.pop();
      else addHtml(whole);
      continue;
    }
    const block: WpBlock = { name, attrs: attrsOf(json), inner: [], blocks: [] };
    addBlock(block);
    if (!selfClosing) open.push(block);
  }
  addHtml(content.slice(at));
  return root.blocks;
}

function freeform(html: string): WpBlock {
  return { name: null, attrs: {}, inner: [html], blocks: [] };
}

function attrsOf(json: string | undefined): Record<string, unknown> {
  if (json === undefined) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
