import type { AuthorSummary, PostNote, PostView } from '../../../src/domain/posts/post.types.js';
import { html, type SafeHtml } from '../../../src/rendering/html.js';
import { noteAnchor } from '../../../src/rendering/site-paths.js';
import type { ThemeStrings } from '../i18n.js';
import { dateLine } from './partials.js';

/* The record and the trust indicators on an article: type of work, dateline, corrections and notes. */

/** Plain text as paragraphs: a blank line starts a new one, a single newline breaks the line. */
export function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p.split('\n').map((line, i) => html`${i ? html`<br />` : ''}${line}`)}</p>`);
}

/** The label above the headline: what kind of work this is; sponsored content says who paid. */
export function renderWorkType(post: PostView, t: ThemeStrings): SafeHtml {
  const label = html`<p class="work-type work-type-${post.workType}">${t.record.workTypes[post.workType]}</p>`;
  return post.workType === 'sponsored'
    ? html`${label}<p class="sponsored-notice">${t.record.sponsoredNotice}</p>`
    : label;
}

export function renderDateline(post: PostView): SafeHtml | '' {
  return post.dateline ? html`<span class="dateline">${post.dateline}</span> · ` : '';
}

/** At the top of a corrected article: it says so, and leads to the corrections. */
export function renderCorrectedNotice(post: PostView, t: ThemeStrings): SafeHtml | '' {
  return post.notes.some((n) => n.kind === 'correction')
    ? html`<p class="corrected-notice"><a href="#record-heading">${t.record.correctedNotice}</a></p>`
    : '';
}

function renderNote(note: PostNote, post: PostView, t: ThemeStrings, timeZone: string): SafeHtml {
  return html`<li class="note note-${note.kind}" id="${noteAnchor(note)}">
    <p class="note-meta">
      <strong class="note-kind">${t.record.kinds[note.kind]}</strong>
      · ${dateLine(note.createdAt, post.language, timeZone)}
    </p>
    <div class="note-body">${paragraphs(note.body)}</div>
  </li>`;
}

/** The article's notes: corrections first (newest first), then clarifications, updates and notes. */
export function renderRecord(post: PostView, t: ThemeStrings, timeZone: string): SafeHtml | '' {
  if (post.notes.length === 0) return '';
  const newestFirst = [...post.notes].reverse();
  const ordered = [
    ...newestFirst.filter((n) => n.kind === 'correction'),
    ...newestFirst.filter((n) => n.kind !== 'correction'),
  ];
  return html`<section class="record" aria-labelledby="record-heading">
    <h2 id="record-heading">${t.record.recordHeading}</h2>
    <ol class="notes">
      ${ordered.map((n) => renderNote(n, post, t, timeZone))}
    </ol>
  </section>`;
}

/** What an author's page says about them beyond the bio: role, expertise, contact, profiles. */
export function renderAuthorCredentials(author: AuthorSummary, t: ThemeStrings): SafeHtml {
  const links = author.profileLinks;
  const hasDetails = author.expertise || author.contact || author.fediverse || links.length > 0;
  const elsewhere =
    links.length || author.fediverse
      ? html`<div>
          <dt>${t.record.elsewhere}</dt>
          <dd>
            <ul class="profile-links">
              ${links.map((url) => html`<li><a href="${url}" rel="me noopener">${url.replace(/^https?:\/\//, '')}</a></li>`)}
              ${author.fediverse ? html`<li>${author.fediverse}</li>` : ''}
            </ul>
          </dd>
        </div>`
      : '';
  return html`${author.jobTitle ? html`<p class="job-title">${author.jobTitle}</p>` : ''}${
    hasDetails
      ? html`<dl class="author-credentials">
          ${author.expertise ? html`<div><dt>${t.record.expertise}</dt><dd>${author.expertise}</dd></div>` : ''}
          ${author.contact ? html`<div><dt>${t.record.contact}</dt><dd>${author.contact}</dd></div>` : ''}
          ${elsewhere}
        </dl>`
      : ''
  }`;
}
