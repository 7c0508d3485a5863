import type { ChildNode, Document, Element } from 'domhandler';

/** What is never part of a page's main text: code, chrome around the article, forms, embeds. */
const skipped = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'canvas',
  'audio',
  'video',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'head',
]);

const blocks = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'tr',
  'figure',
  'figcaption',
  'br',
  'dd',
  'dt',
]);

/**
 * The readable text of a page's content: words in reading order, one line per block, without the
 * navigation, headers, footers, asides and forms around an article. Compared between a snapshot and
 * a recheck, so it must not depend on markup details.
 */
export function mainTextOf(root: Element | Document): string {
  const parts: string[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.data);
      else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        if (skipped.has(node.name) || node.attribs.hidden !== undefined) continue;
        const isBlock = blocks.has(node.name);
        if (isBlock) parts.push('\n');
        walk(node.children);
        if (isBlock) parts.push('\n');
      }
    }
  };
  walk(root.children);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n')
    .slice(0, 200_000);
}
