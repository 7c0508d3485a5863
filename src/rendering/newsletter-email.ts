import type { Picture, Source } from '../domain/posts/post.types.js';
import { absolutizeHtml, largestImageUrl } from './absolute-urls.js';
import { html, trusted, type SafeHtml } from './html.js';
import type { PublicPath } from './picture.js';

/** What a newsletter email shows; every URL absolute. */
export interface NewsletterEmailContent {
  newsletterName: string;
  title: string;
  standfirst: string;
  /** Sanitized body HTML (root-relative links are made absolute here). */
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

const font = "font-family:Georgia,'Times New Roman',serif;";
const sans = 'font-family:Helvetica,Arial,sans-serif;';

function sourcesLine(sources: NewsletterEmailContent['sources']): string {
  return sources.map((s) => [s.publisher, s.title].filter(Boolean).join(': ')).join('; ');
}

/** Body HTML for mail clients: absolute URLs, no scripts (already sanitized), images capped in width. */
function bodyForEmail(markup: string, siteUrl: string): string {
  return absolutizeHtml(markup, siteUrl)
    .replace(/<img\s/g, '<img style="max-width:100%;height:auto" ')
    .replace(/<(source)\b[^>]*>/g, '');
}

/**
 * The newsletter email: a single-column table layout with simple inline styles (what common mail
 * clients render), and a plain-text part with the same content.
 */
export function prepareNewsletterEmail(c: NewsletterEmailContent): PreparedNewsletterEmail {
  const image = c.featuredImage ? largestImageUrl(c.featuredImage, c.siteUrl, c.publicPath) : null;
  const caption = c.featuredImage ? [c.featuredImage.caption, c.featuredImage.credit].filter(Boolean) : [];
  const body = trusted(bodyForEmail(c.bodyHtml, c.siteUrl));
  const sources = c.sources.filter((s) => /^https?:\/\//.test(s.url));
  const imageHtml: SafeHtml | '' =
    image && c.featuredImage
      ? html`<tr><td style="padding:0 0 16px 0"><img src="${image}" width="600" alt="${c.featuredImage.alt}" style="display:block;width:100%;max-width:600px;height:auto;border:0">${
          caption.length
            ? html`<p style="${sans}font-size:13px;color:#555555;margin:6px 0 0 0">${caption.join(' — ')}</p>`
            : ''
        }</td></tr>`
      : '';
  const sourcesHtml: SafeHtml | '' = sources.length
    ? html`<tr><td style="${sans}font-size:14px;color:#333333;padding:16px 0 0 0">According to ${sources.map(
        (s, i) =>
          html`${i > 0 ? '; ' : ''}<a href="${s.url}" style="color:#1a4d8f">${[s.publisher, s.title].filter(Boolean).join(': ') || s.url}</a>`,
      )}.</td></tr>`
    : '';
  const head =
    html`<!DOCTYPE html><html lang="${c.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${c.title}</title></head><body style="margin:0;padding:0;background:#f4f4f4"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f4"><tr><td align="center" style="padding:16px"><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff"><tr><td style="padding:24px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td style="${sans}font-size:12px;color:#777777;padding:0 0 12px 0">${c.newsletterName} · <a href="${c.webUrl}" style="color:#777777">View in your browser</a></td></tr>
<tr><td style="${font}font-size:28px;line-height:1.2;color:#111111;padding:0 0 12px 0"><h1 style="${font}font-size:28px;margin:0;font-weight:bold">${c.title}</h1></td></tr>
${c.standfirst ? html`<tr><td style="${font}font-size:18px;line-height:1.4;color:#333333;padding:0 0 16px 0">${c.standfirst}</td></tr>` : ''}
${imageHtml}
<tr><td style="${font}font-size:17px;line-height:1.6;color:#111111">${body}</td></tr>
${sourcesHtml}
<tr><td style="padding:24px 0 0 0"><a href="${c.webUrl}" style="${sans}font-size:15px;color:#1a4d8f">Read on the web</a></td></tr>
<tr><td style="${sans}font-size:12px;line-height:1.5;color:#777777;padding:24px 0 0 0;border-top:1px solid #dddddd">`
      .value;
  const footerHtml = c.footer ? html`<p style="margin:12px 0">${c.footer}</p>`.value : '';
  const textParts = [
    c.title,
    c.standfirst,
    caption.length && image ? `[${image}]\n${caption.join(' — ')}` : image ? `[${image}]` : '',
    c.bodyText,
    sources.length ? `According to ${sourcesLine(sources)}.\n${sources.map((s) => s.url).join('\n')}` : '',
    `Read on the web: ${c.webUrl}`,
    '--',
    c.footer,
  ].filter(Boolean);
  const textHead = textParts.join('\n\n');
  return {
    subject: c.title.replace(/[\r\n]+/g, ' '),
    personalize({ manageUrl, unsubscribeUrl }) {
      const links =
        html`<p style="margin:12px 0"><a href="${manageUrl}" style="color:#777777">Manage your subscriptions</a> · <a href="${unsubscribeUrl}" style="color:#777777">Unsubscribe</a></p>`
          .value;
      return {
        html: `${head}${footerHtml}${links}</td></tr>\n</table></td></tr></table></td></tr></table></body></html>`,
        text: `${textHead}\n\nManage your subscriptions: ${manageUrl}\nUnsubscribe: ${unsubscribeUrl}\n`,
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
