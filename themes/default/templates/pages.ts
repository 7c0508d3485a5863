import type { PostView, TagSummary } from '../../../src/domain/posts/post.types.js';
import { html, trusted, type SafeHtml } from '../../../src/rendering/html.js';
import { renderPicture } from '../../../src/rendering/picture.js';
import { stringsFor } from '../i18n.js';
import { renderLayout } from './layout.js';
import {
  authorLinks,
  dateLine,
  postPath,
  renderFeatureImage,
  renderPagination,
  renderPromotions,
  renderSources,
  renderTagList,
  renderTeaser,
  tagPath,
} from './partials.js';
import { renderSignupBox } from './members.js';
import { renderSearchForm } from './search-form.js';
import {
  renderAuthorCredentials,
  renderCorrectedNotice,
  renderDateline,
  renderRecord,
  renderWorkType,
} from './record.js';
import type {
  ArchivePageModel,
  HomePageModel,
  PageFrame,
  PostPageModel,
} from '../../../src/rendering/theme.js';

export function renderPostPage(frame: PageFrame, m: PostPageModel): string {
  const { post } = m;
  const { t, chrome } = frame;
  const isPage = post.type === 'page';
  const primary = post.tags[0];
  const wasUpdated = post.publishedAt && post.updatedAt.slice(0, 10) > post.publishedAt.slice(0, 10);
  const main = html`<article class="post post-${post.type}">
      <header class="post-header">
        ${isPage ? '' : renderWorkType(post, t)}
        ${!isPage && primary ? html`<p class="kicker"><a href="${tagPath(primary)}">${primary.name}</a></p>` : ''}
        <h1>${post.title}</h1>
        ${post.standfirst ? html`<p class="standfirst">${post.standfirst}</p>` : ''}
        ${
          isPage
            ? ''
            : html`<p class="byline">${authorLinks(post.authors, t)}</p>
                <p class="dates">
                  ${renderDateline(post)}${t.published}
                  ${dateLine(post.publishedAt, post.language, chrome.timeZone)}${wasUpdated ? html` · ${t.updated} ${dateLine(post.updatedAt, post.language, chrome.timeZone)}` : ''}
                </p>`
        }
        ${renderCorrectedNotice(post, t)}
        ${m.translations.length ? html`<p class="translations">${t.alsoIn}: ${m.translations.map((tr, i) => html`${i ? ', ' : ''}<a href="${postPath(tr)}" hreflang="${tr.language}" lang="${tr.language}">${stringsFor(tr.language).languageName}</a>`)}</p>` : ''}
      </header>
      ${renderFeatureImage(post, chrome.publicPath)}
      <div class="post-body">${trusted(post.bodyHtml)}</div>
      ${renderRecord(post, t, chrome.timeZone)} ${renderSources(post, t, chrome.siteUrl)} ${isPage ? '' : renderTagList(post.tags, t)}
    </article>
    ${isPage ? '' : renderSignupBox(t, frame.language, m.signup)}
    ${!isPage ? renderPromotions(m.promotions.get('after-article'), chrome.publicPath, t, 'after-article') : ''}
    ${
      m.related.length
        ? html`<section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">${t.checkAlso}</h2>
            <div class="teaser-grid">
              ${m.related.map((r) => renderTeaser(r, { publicPath: chrome.publicPath, timeZone: chrome.timeZone, t, headingLevel: 3 }))}
            </div>
          </section>`
        : ''
    }`;
  const sidebar = isPage
    ? ''
    : renderPromotions(m.promotions.get('sidebar'), chrome.publicPath, t, 'sidebar');
  return renderLayout(frame, main, sidebar);
}

export function renderHomePage(frame: PageFrame, m: HomePageModel): string {
  const { t, chrome } = frame;
  const teaser = (p: PostView, isLead = false) =>
    renderTeaser(p, {
      publicPath: chrome.publicPath,
      timeZone: chrome.timeZone,
      t,
      headingLevel: isLead ? 2 : 3,
      isLead,
    });
  const main = html`<h1 class="visually-hidden">${chrome.title}</h1>
    ${m.lead && m.page === 1 ? html`<section class="lead" aria-label="${t.leadStory}">${teaser(m.lead, true)}</section>` : ''}
    ${
      m.posts.length
        ? html`<section class="latest" aria-labelledby="latest-heading">
          <h2 id="latest-heading" class="section-title">${t.latest}</h2>
          <div class="teaser-grid">${m.posts.map((p) => teaser(p))}</div>
        </section>`
        : m.lead
          ? ''
          : html`<p class="message">${t.nothingPublished}</p>`
    }
    ${renderPagination('/', m.page, m.hasOlder, t)}
    ${renderSignupBox(t, frame.language, m.signup)}`;
  return renderLayout(
    frame,
    main,
    renderPromotions(m.promotions.get('sidebar'), chrome.publicPath, t, 'sidebar'),
  );
}

export function renderArchivePage(frame: PageFrame, m: ArchivePageModel): string {
  const { t, chrome } = frame;
  const photo = m.author?.photo;
  const main = html`<header class="archive-header">
      ${photo ? html`<div class="author-photo">${renderPicture(photo, chrome.publicPath, { sizes: '120px', isEager: true })}</div>` : ''}
      <p class="kicker">${m.kindLabel}</p>
      <h1>${m.heading}</h1>
      ${m.author ? renderAuthorCredentials(m.author, t) : ''}
      ${m.description ? html`<p class="archive-description">${m.description}</p>` : ''}
      ${m.author?.website ? html`<p><a href="${m.author.website}" rel="me noopener">${m.author.website.replace(/^https?:\/\//, '')}</a></p>` : ''}
    </header>
    <div class="teaser-grid">
      ${m.posts.map((p) => renderTeaser(p, { publicPath: chrome.publicPath, timeZone: chrome.timeZone, t, headingLevel: 2 }))}
    </div>
    ${renderPagination(m.basePath, m.page, m.hasOlder, t)}`;
  return renderLayout(frame, main);
}

export function renderTopicsPage(frame: PageFrame, tags: TagSummary[]): string {
  const { t } = frame;
  const kinds = ['topic', 'person', 'organisation', 'place'] as const;
  const main = html`<header class="archive-header"><h1>${t.topics}</h1></header>
    ${kinds.map((kind) => {
      const ofKind = tags.filter((tag) => tag.kind === kind);
      return ofKind.length
        ? html`<section class="topic-group" aria-labelledby="kind-${kind}">
            <h2 id="kind-${kind}">${t.kindsPlural[kind]}</h2>
            <ul class="topic-list">
              ${ofKind.map((tag) => html`<li><a href="${tagPath(tag)}">${tag.name}</a>${tag.description ? html` <span>${tag.description}</span>` : ''}</li>`)}
            </ul>
          </section>`
        : '';
    })}`;
  return renderLayout(frame, main);
}

export function renderMessagePage(
  frame: PageFrame,
  heading: string,
  text: string,
  options: { offerSearch?: boolean } = {},
): string {
  const main: SafeHtml = html`<div class="message">
    <h1>${heading}</h1>
    <p>${text}</p>
    ${options.offerSearch ? html`<p>${frame.t.search.notFoundHint}</p>${renderSearchForm(frame.t, { id: 'not-found-search-q', className: 'search-page-form', name: frame.t.search.title })}` : ''}
    <p><a href="/">${frame.t.backHome}</a></p>
  </div>`;
  return renderLayout(frame, main);
}

export { dateLine };
