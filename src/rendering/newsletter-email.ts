import type { Picture, Source } from '../domain/posts/post.types.js';
import { html, trusted, type SafeHtml } from './html.js';
import { emailBodyHtml } from './newsletter-body.js';
import { bylineOf, emailDate, newsletterStrings, type NewsletterStrings } from './newsletter-strings.js';
import {
  captionStyle,
  creditStyle,
  emailImageOf,
  figureTableStyle,
  imageStyle,
  linkStyle,
  sans,
  serif,
} from './newsletter-styles.js';
import type { PublicPath } from './picture.js';

/** What a newsletter email shows; every URL absolute. */
export interface NewsletterEmailContent {
  siteTitle: string;
  /** The site logo, shown in the masthead instead of the title when set. */
  logo: Picture | null;
  newsletterName: string;
  /** The post's primary topic, as on the site ('' for none). */
  kicker: string;
  title: string;
  standfirst: string;
  /** The authors' names, in order. */
  authors: string[];
  publishedAt: string | null;
  /** The site's time zone, for the date. */
  timeZone: string;
  /** Sanitized body HTML; rewritten for mail clients here. */
  bodyHtml: string;
  bodyText: string;
  featuredImage: Picture | null;
  sources: Pick<Source, 'publisher' | 'title' | 'url'>[];
  webUrl: string;
  footer: string;
  siteUrl: string;
  publicPath: PublicPath;
  language: string;
}

/** A send's content prepared once; `personalize` adds one member's links. */
export interface PreparedNewsletterEmail {
  subject: string;
  personalize(links: { manageUrl: string; unsubscribeUrl: string }): { html: string; text: string };
}

type Sources = NewsletterEmailContent['sources'];
const sourceLabel = (s: Sources[number]) => [s.publisher, s.title].filter(Boolean).join(': ') || s.url;
const row = (style: string, inner: SafeHtml | string) => html`<tr><td style="${style}">${inner}</td></tr>`;

/** The logo at most 240 × 60 px, or the site title; then the newsletter's name. */
function masthead(c: NewsletterEmailContent): SafeHtml {
  const logo = c.logo ? emailImageOf(c.logo, c.siteUrl, c.publicPath) : null;
  const scale = c.logo ? Math.min(1, 240 / c.logo.width, 60 / c.logo.height) : 1;
  const brand =
    logo && c.logo
      ? html`<a href="${c.siteUrl}/" style="text-decoration:none"><img src="${logo.src}" width="${Math.round(c.logo.width * scale)}" height="${Math.round(c.logo.height * scale)}" alt="${c.siteTitle}" style="display:inline-block;border:0;height:auto;max-width:100%"></a>`
      : html`<a href="${c.siteUrl}/" style="${serif}font-size:30px;line-height:1.2;font-weight:bold;color:#111111;text-decoration:none">${c.siteTitle}</a>`;
  return html`<tr><td align="center" style="padding:24px 24px 14px 24px;border-bottom:3px solid #111111;text-align:center">${brand}<p style="${sans}font-size:12px;letter-spacing:2px;text-transform:uppercase;color:#555555;margin:10px 0 0 0">${c.newsletterName}</p></td></tr>`;
}

function featuredFigure(c: NewsletterEmailContent): SafeHtml | '' {
  const picture = c.featuredImage;
  const image = picture ? emailImageOf(picture, c.siteUrl, c.publicPath) : null;
  if (!picture || !image) return '';
  const credit = picture.credit ? html`<span style="${creditStyle}">${picture.credit}</span>` : '';
  const caption =
    picture.caption || picture.credit
      ? row(captionStyle, html`${picture.caption}${picture.caption && picture.credit ? ' ' : ''}${credit}`)
      : '';
  return html`<tr><td style="padding:0 0 8px 0"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${figureTableStyle}"><tr><td style="padding:0"><img src="${image.src}" width="${image.width}" height="${image.height}" alt="${picture.alt}" style="${imageStyle}"></td></tr>${caption}</table></td></tr>`;
}

function sourcesRow(sources: Sources, s: NewsletterStrings): SafeHtml | '' {
  if (!sources.length) return '';
  const links = sources.map(
    (src, i) => html`${i > 0 ? '; ' : ''}<a href="${src.url}" style="${linkStyle}">${sourceLabel(src)}</a>`,
  );
  return row(
    `${sans}font-size:14px;line-height:1.5;color:#333333;padding:16px 0 0 0`,
    html`${s.accordingTo} ${links}.`,
  );
}

/** Byline and date on one line: "By Ann Berg · 1 April 2026". */
function bylineText(c: NewsletterEmailContent): string {
  const date = c.publishedAt ? emailDate(c.publishedAt, c.language, c.timeZone) : '';
  return [bylineOf(c.authors, c.language), date].filter(Boolean).join(' · ');
}

function htmlHead(
  c: NewsletterEmailContent,
  { s, body, sources }: { s: NewsletterStrings; body: string; sources: Sources },
): string {
  const byline = bylineText(c);
  return html`<!DOCTYPE html><html lang="${c.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${c.title}</title></head><body style="margin:0;padding:0;background:#f4f4f4"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f4"><tr><td align="center" style="padding:16px"><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff">
${row(`${sans}font-size:12px;color:#777777;padding:8px 24px;text-align:right`, html`<a href="${c.webUrl}" style="color:#777777">${s.viewInBrowser}</a>`)}
${masthead(c)}
<tr><td style="padding:24px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
${c.kicker ? row(`${sans}font-size:12px;font-weight:bold;letter-spacing:1px;text-transform:uppercase;color:#a4161a;padding:0 0 8px 0`, c.kicker) : ''}
${row('padding:0 0 12px 0', html`<h1 style="${serif}font-size:28px;line-height:1.2;margin:0;font-weight:bold;color:#111111">${c.title}</h1>`)}
${c.standfirst ? row(`${serif}font-size:18px;line-height:1.4;color:#333333;padding:0 0 12px 0`, c.standfirst) : ''}
${byline ? row(`${sans}font-size:14px;line-height:1.4;color:#555555;padding:0 0 16px 0`, byline) : ''}
${featuredFigure(c)}
${row(`${serif}font-size:17px;line-height:1.6;color:#111111`, trusted(body))}
${sourcesRow(sources, s)}
${row('padding:24px 0 0 0', html`<a href="${c.webUrl}" style="${sans}font-size:15px;${linkStyle}">${s.readOnWeb}</a>`)}
<tr><td style="${sans}font-size:12px;line-height:1.5;color:#777777;padding:24px 0 0 0;border-top:1px solid #dddddd">`
    .value;
}

function textHead(c: NewsletterEmailContent, s: NewsletterStrings, sources: Sources): string {
  const picture = c.featuredImage;
  const image = picture ? emailImageOf(picture, c.siteUrl, c.publicPath) : null;
  const caption = picture ? [picture.caption, picture.credit].filter(Boolean).join(' — ') : '';
  return [
    `${c.siteTitle} — ${c.newsletterName}`,
    c.kicker.toUpperCase(),
    c.title,
    c.standfirst,
    bylineText(c),
    image ? [`[${image.src}]`, caption].filter(Boolean).join('\n') : '',
    c.bodyText,
    sources.length
      ? `${s.accordingTo} ${sources.map(sourceLabel).join('; ')}.\n${sources.map((x) => x.url).join('\n')}`
      : '',
    `${s.readOnWeb}: ${c.webUrl}`,
    '--',
    c.footer,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The newsletter email: a masthead, the post's kicker, title, standfirst, byline and date, the
 * featured image and the body in a 600 px single-column table layout with inline styles only (what
 * the main mail clients render), and a plain-text part with the same content.
 */
export function prepareNewsletterEmail(c: NewsletterEmailContent): PreparedNewsletterEmail {
  const s = newsletterStrings(c.language);
  const sources = c.sources.filter((x) => /^https?:\/\//i.test(x.url));
  const body = emailBodyHtml(c.bodyHtml, { siteUrl: c.siteUrl, webUrl: c.webUrl });
  const head = htmlHead(c, { s, body, sources });
  const footerHtml = c.footer ? html`<p style="margin:12px 0">${c.footer}</p>`.value : '';
  const text = textHead(c, s, sources);
  return {
    subject: c.title.replace(/[\r\n]+/g, ' '),
    personalize({ manageUrl, unsubscribeUrl }) {
      const links =
        html`<p style="margin:12px 0"><a href="${manageUrl}" style="color:#777777">${s.manage}</a> · <a href="${unsubscribeUrl}" style="color:#777777">${s.unsubscribe}</a></p>`
          .value;
      return {
        html: `${head}${footerHtml}${links}</td></tr>\n</table></td></tr></table></td></tr></table></body></html>`,
        text: `${text}\n\n${s.manage}: ${manageUrl}\n${s.unsubscribe}: ${unsubscribeUrl}\n`,
      };
    },
  };
}

/** The headers of one member's copy (RFC 2369 and RFC 8058 one-click unsubscribe). */
export function newsletterHeaders(unsubscribeUrl: string, listId: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': listId,
  };
}
