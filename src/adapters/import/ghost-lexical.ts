import type { GhostContentReport } from '../../domain/import/ghost-export.js';
import { escapeHtml } from '../../rendering/html.js';
import { cardHtml } from './ghost-cards.js';

/*
 * A Ghost lexical document (Ghost 5: `{"root":{"children":[…]}}`) as HTML. Text formats are
 * lexical's bit flags; element nodes map onto their HTML elements; every other node is one of
 * Ghost's cards, its payload in the node's own fields.
 */

type LexicalNode = Record<string, unknown>;

const formats: [bit: number, tag: string][] = [
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [8, 'u'],
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
];

const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export function lexicalToHtml(document: unknown, report: GhostContentReport): string {
  const root = isNode(document) && isNode(document.root) ? document.root : undefined;
  return root ? children(root, report) : '';
}

function isNode(value: unknown): value is LexicalNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(node: LexicalNode, report: GhostContentReport): string {
  const list = Array.isArray(node.children) ? node.children.filter(isNode) : [];
  return list.map((child) => nodeHtml(child, report)).join('');
}

function nodeHtml(node: LexicalNode, report: GhostContentReport): string {
  const type = typeof node.type === 'string' ? node.type : '';
  const inner = () => children(node, report);
  switch (type) {
    case 'text':
    case 'extended-text':
      return textHtml(node);
    case 'linebreak':
      return '<br>';
    case 'tab':
      return ' ';
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading':
    case 'extended-heading': {
      const tag = headingTags.has(String(node.tag)) ? String(node.tag) : 'h2';
      return `<${tag}>${inner()}</${tag}>`;
    }
    case 'quote':
    case 'extended-quote':
      return `<blockquote><p>${inner()}</p></blockquote>`;
    case 'aside':
      return `<blockquote class="pull-quote"><p>${inner()}</p></blockquote>`;
    case 'list': {
      const tag = node.listType === 'number' || node.tag === 'ol' ? 'ol' : 'ul';
      return `<${tag}>${inner()}</${tag}>`;
    }
    case 'listitem':
      return `<li>${inner()}</li>`;
    case 'link':
    case 'autolink':
      return `<a href="${escapeHtml(typeof node.url === 'string' ? node.url : '')}">${inner()}</a>`;
    case 'root':
      return inner();
  }
  if (Array.isArray(node.children) && node.children.length > 0) {
    // A node of a newer lexical that holds content of its own: keep the content.
    report.unknownCards.push(type || 'untyped');
    return inner();
  }
  return cardHtml(type, node, report);
}

function textHtml(node: LexicalNode): string {
  let html = escapeHtml(typeof node.text === 'string' ? node.text : '');
  const format = typeof node.format === 'number' ? node.format : 0;
  for (const [bit, tag] of formats) if (format & bit) html = `<${tag}>${html}</${tag}>`;
  return html;
}
