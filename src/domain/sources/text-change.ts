/** The share of the snapshot's word triples a page must still hold to count as unchanged. */
export const unchangedShare = 0.8;

function wordTriples(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const triples = new Set<string>();
  if (words.length < 3) {
    if (words.length > 0) triples.add(words.join(' '));
    return triples;
  }
  for (let i = 0; i + 2 < words.length; i++) triples.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return triples;
}

/**
 * Whether a page's main text now differs materially from its snapshot's: fewer than 80% of the
 * snapshot's word triples are still there, or text appeared where there was none. Word triples
 * ignore markup, spacing, case and punctuation, so a redesign around the same article, a new
 * comment count or a fixed typo is not a change; a rewritten or replaced article is.
 */
export function isMaterialChange(snapshotText: string, currentText: string): boolean {
  const before = wordTriples(snapshotText);
  const after = wordTriples(currentText);
  if (before.size === 0) return after.size > 0;
  let kept = 0;
  for (const triple of before) if (after.has(triple)) kept++;
  return kept / before.size < unchangedShare;
}
