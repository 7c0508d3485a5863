import type { SnapshotRecord } from '../domain/ports.js';
import { html, trusted } from './html.js';
import type { ArchiveStrings } from './theme-strings.js';

/**
 * The snapshot page's only style. It is the one style the page's policy allows (by its hash, see
 * src/http/site/archive-routes.ts); the snapshot itself carries none.
 */
export const archivePageStyle =
  'body{margin:0;font:1.0625rem/1.6 Georgia,serif;color:#1a1a1a;background:#fff}' +
  '.archive-banner{background:#fff4d6;border-bottom:3px solid #8a5a00;padding:1rem 1.25rem;font-family:system-ui,sans-serif;font-size:.95rem}' +
  '.archive-banner h1{font-size:1.15rem;margin:0 0 .35rem}.archive-banner p{margin:.25rem 0;max-width:60rem}' +
  '.archive-banner a{color:#5a3b00;word-break:break-all}' +
  '.archive-content{max-width:42rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}' +
  '.archive-content img{max-width:100%;height:auto}.archive-content a{color:#1d4f91}' +
  '.archive-content pre{white-space:pre-wrap}';

export interface ArchivePageInput {
  snapshot: SnapshotRecord;
  /** The sanitized snapshot content (stored through the snapshot policy). */
  content: string;
  language: string;
  siteTitle: string;
  timeZone: string;
  t: ArchiveStrings;
}

function formatTime(iso: string, language: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
      new Date(iso),
    );
  } catch {
    return iso;
  }
}

/** A snapshot as served at /archive/<id>/: a banner saying what it is, then the copy. */
export function renderArchivePage(input: ArchivePageInput): string {
  const { snapshot, t } = input;
  const name = snapshot.title || snapshot.url;
  const taken = formatTime(snapshot.takenAt, input.language, input.timeZone);
  return html`<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="data:,">
<title>${t.pageTitle(name)} · ${input.siteTitle}</title>
<style>${trusted(archivePageStyle)}</style>
</head>
<body>
<header class="archive-banner">
<h1>${t.bannerTitle}: ${name}</h1>
<p>${t.bannerText}</p>
<p>${t.originalAddress}: <a href="${snapshot.url}" rel="nofollow noopener noreferrer">${snapshot.url}</a></p>
<p>${t.takenAt}: <time datetime="${snapshot.takenAt}">${taken}</time> · ${input.siteTitle}</p>
</header>
<main class="archive-content">
${trusted(input.content)}
</main>
</body>
</html>
`.toString();
}
