/**
 * Classic WordPress content is stored without paragraph tags: a blank line separates paragraphs
 * and a single newline is a line break. This writes them in, leaving block-level HTML, <pre> and
 * comments as they are (our own implementation of what WordPress's wpautop does).
 */
const blockTag =
  /^<\/?(?:address|article|aside|blockquote|caption|col|colgroup|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|li|main|menu|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\b/i;

export function autop(text: string): string {
  const kept: string[] = [];
  const keep = (match: string) => `\uE000${kept.push(match) - 1}\uE000`;
  const protectedText = text
    .replace(/\r\n?/g, '\n')
    .replace(/<pre\b[\s\S]*?<\/pre>/gi, keep)
    .replace(/<!--[\s\S]*?-->/g, keep);
  const html = protectedText
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map(paragraphOf)
    .join('\n');
  return html.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => kept[Number(i)]!);
}

function paragraphOf(chunk: string): string {
  if (blockTag.test(chunk) || /^\uE000\d+\uE000$/.test(chunk)) return chunk;
  return `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`;
}
