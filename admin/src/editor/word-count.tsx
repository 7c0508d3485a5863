// Words in the body and the reading time they make, under the editor.
import type { Editor } from '@tiptap/core';
import { formatNumber, t } from '../i18n.js';

/** Words a reader gets through in a minute: the usual figure for news text on a screen. */
export const wordsPerMinute = 230;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function WordCount({ editor }: { editor: Editor }) {
  const words = countWords(editor.getText({ blockSeparator: '\n' }));
  const minutes = Math.max(1, Math.ceil(words / wordsPerMinute));
  return (
    <p class="word-count" id="body-word-count">
      {t('wordCount', { words: formatNumber(words) })} · {t('readingTime', { minutes })}
    </p>
  );
}
