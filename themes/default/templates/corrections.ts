import type { ListedCorrection } from '../../../src/domain/ports.js';
import { html, type SafeHtml } from '../../../src/rendering/html.js';
import { noteAnchor, postPath } from '../../../src/rendering/site-paths.js';
import type { CorrectionsPageModel, PageFrame } from '../../../src/rendering/theme.js';
import { stringsFor } from '../i18n.js';
import { renderLayout } from './layout.js';
import { dateLine } from './partials.js';
import { paragraphs } from './record.js';

function renderCorrection(item: ListedCorrection, frame: PageFrame): SafeHtml {
  const { note, post } = item;
  const { t, chrome } = frame;
  const href = `${postPath(post)}#${noteAnchor(note)}`;
  return html`<li class="listed-correction">
    <h2 class="listed-correction-title">
      <span class="note-kind">${t.record.correctionTo}</span> <a href="${href}">${post.title}</a>
    </h2>
    <p class="note-meta">${dateLine(note.createdAt, frame.language, chrome.timeZone)}</p>
    <div class="note-body">${paragraphs(note.body)}</div>
  </li>`;
}

/** `/corrections/`: every published correction in the page's language, newest first. */
export function renderCorrectionsPage(frame: PageFrame, m: CorrectionsPageModel): string {
  const { t } = frame;
  const main = html`<header class="archive-header">
      <h1>${t.record.correctionsTitle}</h1>
      <p class="archive-description">${t.record.correctionsIntro}</p>
      ${m.policyPath ? html`<p><a href="${m.policyPath}">${t.record.policies.corrections}</a></p>` : ''}
    </header>
    ${
      m.corrections.length
        ? html`<ol class="corrections-list">
            ${m.corrections.map((c) => renderCorrection(c, frame))}
          </ol>`
        : html`<p class="message">${t.record.noCorrections}</p>`
    }
    ${
      m.olderPath || m.newestPath
        ? html`<nav class="pagination" aria-label="${t.record.correctionsTitle}">
            ${m.newestPath ? html`<a href="${m.newestPath}">← ${t.record.newestCorrections}</a>` : ''}
            ${m.olderPath ? html`<a rel="next" href="${m.olderPath}">${t.record.olderCorrections} →</a>` : ''}
          </nav>`
        : ''
    }
    ${
      m.otherLanguages.length
        ? html`<nav class="other-languages" aria-label="${t.record.inOtherLanguages}">
            <p>
              ${t.record.inOtherLanguages}:
              ${m.otherLanguages.map(
                (o, i) =>
                  html`${i ? ', ' : ''}<a href="${o.path}" hreflang="${o.language}" lang="${o.language}"
                      >${stringsFor(o.language).record.correctionsTitle}</a
                    >`,
              )}
            </p>
          </nav>`
        : ''
    }`;
  return renderLayout(frame, main);
}
