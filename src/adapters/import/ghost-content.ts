import MarkdownIt from 'markdown-it';
import type {
  GhostContent,
  GhostContentReport,
  GhostStoredContent,
} from '../../domain/import/ghost-export.js';
import { blocksFromHtml } from './html-document.js';
import { lexicalToHtml } from './ghost-lexical.js';
import { mobiledocToHtml } from './ghost-mobiledoc.js';
import { parseSafeJson } from './safe-json.js';

/** Deeper than any list a writer nests; a lexical or mobiledoc document past it is read as its html. */
const maxDocumentDepth = 200;
const markdown = new MarkdownIt({ html: true, linkify: false });

/**
 * A Ghost post's content as the editor's blocks: from lexical when it has it, else mobiledoc, else
 * its html (or 0.x Markdown). Every path ends in HTML that goes through the one sanitizer policy in
 * `blocksFromHtml`. `__GHOST_URL__` (Ghost's placeholder for its own address) becomes a site path.
 */
export async function blocksFromGhost(content: GhostStoredContent): Promise<GhostContent> {
  const report: GhostContentReport = { unknownCards: [], embeds: [], droppedCards: [] };
  const html = htmlOf(content, report).replace(/__GHOST_URL__/g, '');
  return {
    blocks: await blocksFromHtml(html),
    report: {
      unknownCards: [...new Set(report.unknownCards)],
      embeds: [...new Set(report.embeds)],
      droppedCards: [...new Set(report.droppedCards)],
    },
  };
}

function htmlOf(content: GhostStoredContent, report: GhostContentReport): string {
  const fallback = () => content.html ?? (content.markdown ? markdown.render(content.markdown) : '');
  const parsed = (text: string, what: string) => {
    try {
      return parseSafeJson(text, { maxDepth: maxDocumentDepth, what });
    } catch {
      report.unknownCards.push(`unreadable ${what}`);
      return undefined;
    }
  };
  if (content.lexical) {
    const document = parsed(content.lexical, 'lexical');
    if (document !== undefined) return lexicalToHtml(document, report);
  }
  if (content.mobiledoc) {
    const document = parsed(content.mobiledoc, 'mobiledoc');
    if (document !== undefined) return mobiledocToHtml(document, report);
  }
  return fallback();
}
