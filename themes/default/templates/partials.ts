import type { AuthorSummary, PostView, TagSummary } from '../../../src/domain/posts/post.types.js';
import type { PromotionView } from '../../../src/domain/promos/promotions.js';
import { html, type SafeHtml } from '../../../src/rendering/html.js';
import { renderFigcaption, renderPicture, type PublicPath } from '../../../src/rendering/picture.js';
import { formatDate, stringsFor, type ThemeStrings } from '../i18n.js';

import { authorPath, postPath, snapshotPath, tagPath } from '../../../src/rendering/site-paths.js';

export { authorPath, postPath, tagPath };

export function dateLine(iso: string | null, language: string, timeZone: string): SafeHtml | '' {
  return iso ? html`<time datetime="${iso}">${formatDate(iso, language, timeZone)}</time>` : '';
}

export function authorLinks(authors: AuthorSummary[], t: ThemeStrings): SafeHtml | '' {
  if (authors.length === 0) return '';
  const links = authors.map((a) => html`<a href="${authorPath(a)}" rel="author">${a.name}</a>`);
  const joined =
    links.length === 1
      ? links
      : [
          ...links.slice(0, -1).flatMap((l, i) => (i === 0 ? [l] : [html`, `, l])),
          html` ${t.and} `,
          links.at(-1)!,
        ];
  return html`${t.by} ${joined}`;
}

export interface TeaserOptions {
  timeZone: string;
  publicPath: PublicPath;
  t: ThemeStrings;
  headingLevel: 2 | 3;
  isLead?: boolean;
  showImage?: boolean;
}

/** A post as a teaser: image with credit, title, excerpt, byline and date. */
export function renderTeaser(post: PostView, o: TeaserOptions): SafeHtml {
  const image = o.showImage !== false && post.featuredImage;
  const heading =
    o.headingLevel === 2
      ? html`<h2 class="teaser-title"><a href="${postPath(post)}">${post.title}</a></h2>`
      : html`<h3 class="teaser-title"><a href="${postPath(post)}">${post.title}</a></h3>`;
  const primary = post.tags[0];
  return html`<article
    class="teaser${o.isLead ? ' teaser-lead' : ''}"
    ${post.language ? html` lang="${post.language}"` : ''}
  >
    ${image ? html`<figure class="teaser-image">${renderPicture(image, o.publicPath, { sizes: o.isLead ? '(min-width: 1000px) 640px, 100vw' : '(min-width: 760px) 320px, 100vw', isEager: o.isLead === true })}${image.credit ? html`<figcaption class="credit">${image.credit}</figcaption>` : ''}</figure>` : ''}
    <div class="teaser-text">
      ${primary ? html`<p class="kicker"><a href="${tagPath(primary)}">${primary.name}</a></p>` : ''}
      ${heading}
      ${post.standfirst || post.excerpt ? html`<p class="teaser-excerpt">${post.excerpt || post.standfirst}</p>` : ''}
      <p class="meta">
        ${authorLinks(post.authors, stringsFor(post.language))}${post.authors.length ? ' · ' : ''}${dateLine(post.publishedAt, post.language, o.timeZone)}
      </p>
    </div>
  </article>`;
}

export function renderFeatureImage(post: PostView, publicPath: PublicPath): SafeHtml | '' {
  const image = post.featuredImage;
  if (!image) return '';
  return html`<figure class="feature-image">
    ${renderPicture(image, publicPath, { sizes: '(min-width: 1000px) 960px, 100vw', isEager: true })}${renderFigcaption(image.caption, image.credit)}
  </figure>`;
}

/**
 * "According to The Ledger — Read the full article": one line per cited source, then what was taken
 * from it. Beside each source, its archived copy; a source gone from its address says so, with its
 * copy as the way to read it. Links carry Robust Links attributes (the original, the copy, its date).
 */
export function renderSources(post: PostView, t: ThemeStrings, siteUrl = ''): SafeHtml | '' {
  if (post.sources.length === 0) return '';
  const item = (s: PostView['sources'][number]) => {
    const publisher = html`<span class="source-publisher">${t.accordingTo} <cite>${s.publisher}</cite></span>`;
    const hidden = html`<span class="visually-hidden">: ${s.title || s.publisher}</span>`;
    const robust = s.snapshot
      ? html` data-originalurl="${s.url}" data-versionurl="${siteUrl}${snapshotPath(s.snapshot)}" data-versiondate="${s.snapshot.takenAt.slice(0, 10)}"`
      : '';
    const isGone = s.linkStatus === 'gone' && s.snapshot;
    const link = html`<a href="${s.url}" rel="noopener external"${robust}>${t.readFullArticle}${hidden}</a>`;
    const title = s.title ? html` <span class="source-title">(${s.title})</span>` : '';
    const note = s.note ? html`<span class="source-note">${s.note}</span>` : '';
    return html`<li class="source${isGone ? ' source-gone' : ''}">${publisher} — ${isGone ? renderGone(s, t, siteUrl) : link}${title}${renderArchived(s, t, siteUrl, !!isGone)}${note}</li>`;
  };
  return html`<section class="sources" aria-labelledby="sources-heading"><h2 id="sources-heading">${t.sources}</h2><ol>${post.sources.map(item)}</ol></section>`;
}

type SourceView = PostView['sources'][number];

/** The archived copy beside a live source (a gone source links its copy in place of the original). */
function renderArchived(s: SourceView, t: ThemeStrings, siteUrl: string, isGone: boolean): SafeHtml | '' {
  if (!s.snapshot || isGone) return '';
  const path = snapshotPath(s.snapshot);
  return html` <span class="source-archive">· <a href="${path}" rel="nofollow" data-originalurl="${s.url}" data-versionurl="${siteUrl}${path}" data-versiondate="${s.snapshot.takenAt.slice(0, 10)}">${t.archive.archivedCopy}<span class="visually-hidden">: ${s.title || s.publisher}</span></a></span>`;
}

function renderGone(s: SourceView, t: ThemeStrings, siteUrl: string): SafeHtml {
  const path = snapshotPath(s.snapshot!);
  return html`<span class="source-gone-note">${t.archive.gone}</span>: <a href="${path}" rel="nofollow" data-originalurl="${s.url}" data-versionurl="${siteUrl}${path}" data-versiondate="${s.snapshot!.takenAt.slice(0, 10)}">${t.archive.readArchived}<span class="visually-hidden">: ${s.title || s.publisher}</span></a>`;
}

export function renderTagList(tags: TagSummary[], t: ThemeStrings): SafeHtml | '' {
  if (tags.length === 0) return '';
  return html`<nav class="post-tags" aria-label="${t.tags}">
    <ul>
      ${tags.map((tag) => html`<li><a href="${tagPath(tag)}" ${tag.kind !== 'topic' ? html` title="${t.kinds[tag.kind]}"` : ''}>${tag.name}</a></li>`)}
    </ul>
  </nav>`;
}

export function renderPromotions(
  promotions: PromotionView[] | undefined,
  publicPath: PublicPath,
  t: ThemeStrings,
  slot: string,
): SafeHtml | '' {
  if (!promotions || promotions.length === 0) return '';
  const items = promotions.map(
    (p) =>
      html`<div class="promo">
          ${p.image ? html`<div class="promo-image">${renderPicture(p.image, publicPath, { sizes: '200px' })}</div>` : ''}
          <div class="promo-text">
            <p class="promo-label">${t.promoted}</p>
            <p class="promo-title">${p.title}</p>
            ${p.body ? html`<p>${p.body}</p>` : ''}<a class="button" href="${p.linkUrl}"
              >${p.ctaLabel}<span class="visually-hidden">: ${p.title}</span></a
            >
          </div>
        </div>`,
  );
  // The sidebar's <aside> already is the labelled landmark; a second one inside it would repeat its name.
  return slot === 'sidebar'
    ? html`<div class="promotions promotions-${slot}">${items}</div>`
    : html`<section class="promotions promotions-${slot}" aria-label="${t.promoted}">${items}</section>`;
}

export function renderPagination(
  base: string,
  page: number,
  hasOlder: boolean,
  t: ThemeStrings,
): SafeHtml | '' {
  if (page === 1 && !hasOlder) return '';
  const href = (n: number) => (n === 1 ? base : `${base}page/${n}/`);
  return html`<nav class="pagination" aria-label="${t.pageNumber(page)}">
    ${page > 1 ? html`<a rel="prev" href="${href(page - 1)}">← ${t.newerPosts}</a>` : ''}
    <span>${t.pageNumber(page)}</span>
    ${hasOlder ? html`<a rel="next" href="${href(page + 1)}">${t.olderPosts} →</a>` : ''}
  </nav>`;
}
