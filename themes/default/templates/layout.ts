import { html, jsonForScript, type SafeHtml } from '../../../src/rendering/html.js';
import { renderSearchForm } from './search-form.js';
import type { PageFrame, PageMeta, SiteChrome } from './view.js';
import { renderLogo } from '../../../src/rendering/picture.js';
import { correctionsPath, correctionsPathIn } from '../../../src/rendering/site-paths.js';

const absolute = (chrome: SiteChrome, path: string) =>
  /^https?:\/\//.test(path) ? path : chrome.siteUrl + path;

function socialMeta(chrome: SiteChrome, meta: PageMeta, locale: string): SafeHtml {
  const url = meta.canonicalUrl ?? absolute(chrome, meta.canonicalPath);
  return html`<meta property="og:site_name" content="${chrome.title}" />
    <meta property="og:locale" content="${locale}" />
    <meta property="og:type" content="${meta.ogType}" />
    <meta property="og:title" content="${meta.ogTitle ?? meta.title}" />
    <meta property="og:description" content="${meta.ogDescription ?? meta.description}" />
    <meta property="og:url" content="${url}" />
    ${
      meta.image
        ? html`<meta property="og:image" content="${meta.image.url}" />
            <meta property="og:image:width" content="${meta.image.width}" />
            <meta property="og:image:height" content="${meta.image.height}" />
            <meta property="og:image:alt" content="${meta.image.alt}" /> `
        : ''
    }${
      meta.publishedAt ? html`<meta property="article:published_time" content="${meta.publishedAt}" /> ` : ''
    }${
      meta.modifiedAt ? html`<meta property="article:modified_time" content="${meta.modifiedAt}" /> ` : ''
    }<meta name="twitter:card" content="${meta.image ? 'summary_large_image' : 'summary'}" />
    <meta name="twitter:title" content="${meta.twitterTitle ?? meta.ogTitle ?? meta.title}" />
    <meta
      name="twitter:description"
      content="${meta.twitterDescription ?? meta.ogDescription ?? meta.description}"
    />
    ${
      meta.image
        ? html`<meta name="twitter:image" content="${meta.image.url}" />
            <meta name="twitter:image:alt" content="${meta.image.alt}" /> `
        : ''
    }`;
}

function head(frame: PageFrame): SafeHtml {
  const { chrome, meta } = frame;
  const fullTitle = meta.title === chrome.title ? chrome.title : `${meta.title} – ${chrome.title}`;
  return html`<head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${fullTitle}</title>
    <meta name="description" content="${meta.description}" />
    <link rel="canonical" href="${meta.canonicalUrl ?? absolute(chrome, meta.canonicalPath)}" />
    ${meta.isIndexable === false ? html`<meta name="robots" content="noindex" /> ` : ''}${(
      meta.alternates ?? []
    ).map(
      (a) => html`<link rel="alternate" hreflang="${a.language}" href="${absolute(chrome, a.path)}" /> `,
    )}${(meta.feeds ?? []).map(
      (f) =>
        html`<link
          rel="alternate"
          type="${f.type}"
          title="${f.title}"
          href="${absolute(chrome, f.href)}"
        /> `,
    )}
    <link
      rel="search"
      type="application/opensearchdescription+xml"
      title="${chrome.title}"
      href="${absolute(chrome, '/opensearch.xml')}"
    />
    ${(meta.fediverseCreators ?? []).map((handle) => html`<meta name="fediverse:creator" content="${handle}" /> `)}
    <link rel="stylesheet" href="${chrome.stylesheetPath}" />
    <link rel="icon" href="data:," />
    ${socialMeta(chrome, meta, frame.t.ogLocale)}${
      meta.jsonLd
        ? html`<script type="application/ld+json">
            ${jsonForScript(meta.jsonLd)}
          </script> `
        : ''
    }
  </head>`;
}

function masthead(frame: PageFrame): SafeHtml {
  const { chrome, t } = frame;
  return html`<header class="masthead">
    <div class="masthead-inner">
      <a class="site-title${chrome.logo ? ' has-logo' : ''}" href="/"
        >${chrome.logo ? renderLogo(chrome.logo, chrome.publicPath, chrome.title) : html`<span>${chrome.title}</span>`}</a
      >
      <p class="site-description">${chrome.description}</p>
      ${renderSearchForm(t, { id: 'site-search-q', className: 'site-search', name: t.search.label })}
    </div>
    <nav class="site-nav" aria-label="${t.mainNavigation}">
      <ul>
        ${chrome.navigation.map((item) => html`<li><a href="${item.url}">${item.label}</a></li>`)}
      </ul>
    </nav>
  </header>`;
}

function footer(frame: PageFrame): SafeHtml {
  const { chrome, t } = frame;
  const year = new Date().getUTCFullYear();
  return html`<footer class="site-footer">
    <p>© ${year} ${chrome.title}</p>
    <p>
      ${t.feeds}: <a href="/rss.xml">RSS</a> · <a href="/atom.xml">Atom</a> ·
      <a href="/feed.json">JSON Feed</a> · <a href="/topics/">${t.topics}</a>
    </p>
    <nav class="policy-links" aria-label="${t.record.policiesLabel}">
      <ul>
        ${chrome.policies.map((p) => html`<li><a href="${p.path}">${t.record.policies[p.kind]}</a></li>`)}
        <li><a href="${chrome.languages.includes(frame.language) ? correctionsPathIn(frame.language, chrome.defaultLanguage) : correctionsPath}">${t.record.allCorrections}</a></li>
      </ul>
    </nav>
    <p class="powered">${t.poweredBy}</p>
  </footer>`;
}

/** The whole document around a page's main content. */
export function renderLayout(frame: PageFrame, main: SafeHtml, sidebar?: SafeHtml | ''): string {
  return html`<!DOCTYPE html>
    <html lang="${frame.language}">
      ${head(frame)}
      <body>
        <a class="skip-link" href="#content">${frame.t.skipToContent}</a>
        ${masthead(frame)}
        <div class="page${sidebar ? ' has-sidebar' : ''}">
          <main id="content" tabindex="-1">${main}</main>
          ${sidebar ? html`<aside class="sidebar" aria-label="${frame.t.promoted}">${sidebar}</aside>` : ''}
        </div>
        ${footer(frame)}
      </body>
    </html> `.value;
}
