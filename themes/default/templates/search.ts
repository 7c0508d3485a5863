import type { SnippetPart } from '../../../src/domain/search/search-port.js';
import { html, type SafeHtml } from '../../../src/rendering/html.js';
import { stringsFor } from '../i18n.js';
import { renderLayout } from './layout.js';
import { authorLinks, dateLine, postPath, tagPath } from './partials.js';
import type { PageFrame, SearchPageModel, SearchResultView } from '../../../src/rendering/theme.js';

const snippetHtml = (parts: SnippetPart[]) =>
  parts.map((p) => (p.isMatch ? html`<mark>${p.text}</mark>` : html`${p.text}`));

function renderResult(r: SearchResultView, frame: PageFrame): SafeHtml {
  const { post } = r;
  const primary = post.tags[0];
  return html`<li class="search-result" lang="${post.language}">
    ${primary ? html`<p class="kicker"><a href="${tagPath(primary)}">${primary.name}</a></p>` : ''}
    <h2 class="teaser-title"><a href="${postPath(post)}">${post.title}</a></h2>
    <p class="meta">
      ${authorLinks(post.authors, stringsFor(post.language))}${post.authors.length && post.publishedAt ? ' · ' : ''}${dateLine(post.publishedAt, post.language, frame.chrome.timeZone)}
    </p>
    ${r.snippet.length ? html`<p class="snippet">${snippetHtml(r.snippet)}</p>` : ''}
  </li>`;
}

function renderFilters(frame: PageFrame, m: SearchPageModel): SafeHtml {
  const { t } = frame;
  const languages =
    m.languages.length > 1
      ? html`<label for="search-language">${t.search.language}</label>
          <select id="search-language" name="language">
            <option value="">${t.search.allLanguages}</option>
            ${m.languages.map((l) => html`<option value="${l.code}" ${l.code === m.language ? html`selected` : ''}>${l.name}</option>`)}
          </select>`
      : '';
  return html`<form
    class="search-page-form"
    role="search"
    aria-label="${t.search.title}"
    action="/search/"
    method="get"
  >
    <label for="search-q" class="search-label">${t.search.label}</label>
    <input id="search-q" type="search" name="q" value="${m.q}" maxlength="200" autocomplete="off" />
    ${languages} ${m.tag ? html`<input type="hidden" name="tag" value="${m.tag.slug}" />` : ''}
    <button type="submit">${t.search.button}</button>
    <p class="search-hint">${t.search.hint}</p>
  </form>`;
}

function renderPager(frame: PageFrame, m: SearchPageModel): SafeHtml | '' {
  const { t } = frame;
  if (m.pages <= 1) return '';
  return html`<nav class="pagination" aria-label="${t.pageOf(m.page, m.pages)}">
    ${m.page > 1 ? html`<a rel="prev" href="${m.href({ page: m.page - 1 })}">← ${t.search.title}</a>` : ''}
    <span>${t.pageOf(m.page, m.pages)}</span>
    ${m.page < m.pages ? html`<a rel="next" href="${m.href({ page: m.page + 1 })}">${t.search.title} →</a>` : ''}
  </nav>`;
}

function renderNothing(frame: PageFrame, m: SearchPageModel): SafeHtml {
  const { t } = frame;
  const { queries, tags } = m.suggestions;
  return html`<p class="message">${t.search.none(m.q)}</p>
    ${queries.length ? html`<p class="search-suggestions">${t.search.tryInstead}: ${queries.map((q, i) => html`${i ? ' · ' : ''}<a href="${m.href({ q, page: 1 })}">${q}</a>`)}</p>` : ''}
    ${
      tags.length
        ? html`<section class="search-topics" aria-labelledby="search-topics-heading">
            <h2 id="search-topics-heading">${t.search.matchingTopics}</h2>
            <ul class="topic-list">
              ${tags.map((tag) => html`<li><a href="${tagPath(tag)}">${tag.name}</a></li>`)}
            </ul>
          </section>`
        : ''
    }`;
}

export function renderSearchPage(frame: PageFrame, m: SearchPageModel): string {
  const { t } = frame;
  const hasQuery = m.q.trim() !== '';
  const main = html`<header class="archive-header"><h1>${t.search.title}</h1></header>
    ${renderFilters(frame, m)}
    ${m.tag ? html`<p class="search-scope">${t.search.inTopic(m.tag.name)} · <a href="${m.href({ tag: null, page: 1 })}">${t.search.everyTopic}</a></p>` : ''}
    ${
      !hasQuery
        ? ''
        : m.results.length
          ? html`<p class="search-summary" role="status">${t.search.results(m.total, m.q, m.isTotalCapped)}</p>
              <ol class="search-results">
                ${m.results.map((r) => renderResult(r, frame))}
              </ol>
              ${renderPager(frame, m)}`
          : renderNothing(frame, m)
    }`;
  return renderLayout(frame, main);
}
