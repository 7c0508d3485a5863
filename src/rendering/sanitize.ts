import type sanitizeHtml from 'sanitize-html';

/**
 * The one HTML policy for stored content. Everything stored as HTML passes through it, whether the
 * renderer wrote it or an importer brought it in. No scripts, no event handlers, no styles, no
 * iframes; links only to http(s), mailto and relative URLs; images only from http(s) or our paths.
 */
const policyFor = (defaults: typeof sanitizeHtml.defaults): sanitizeHtml.IOptions => ({
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'hr',
    'br',
    'pre',
    'code',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'a',
    'figure',
    'figcaption',
    'picture',
    'source',
    'img',
    'span',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    'cite',
    'q',
    'abbr',
    'time',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'hreflang', 'class'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding', 'title'],
    source: ['type', 'srcset', 'sizes'],
    span: ['class'],
    figure: ['class'],
    blockquote: ['class'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    abbr: ['title'],
    time: ['datetime'],
    ol: ['start', 'reversed'],
  },
  allowedClasses: {
    a: ['embed-link'],
    span: ['caption', 'credit', 'embed-provider', 'embed-address'],
    figure: [
      'figure',
      'figure-wide',
      'gallery',
      'table',
      'embed',
      ...['youtube', 'vimeo', 'x', 'soundcloud', 'datawrapper', 'map', 'mastodon', 'link'].map(
        (p) => `embed-${p}`,
      ),
    ],
    blockquote: ['pull-quote'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // <source> is a void element: without this sanitize-html writes a stray </source>.
  selfClosing: [...defaults.selfClosing, 'source'],
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'title',
    'template',
    'xmp',
    'iframe',
    'noembed',
    'noframes',
    'plaintext',
  ],
  transformTags: {
    a: (tagName, attribs) => {
      const isExternal = /^https?:\/\//i.test(attribs.href ?? '');
      return { tagName, attribs: isExternal ? { ...attribs, rel: 'noopener noreferrer' } : attribs };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
});

// Loaded on first use: it is only needed when content is saved, and it is large (postcss) for a
// process that mostly serves pages.
let loaded: Promise<{ sanitize: typeof sanitizeHtml; policy: sanitizeHtml.IOptions }> | undefined;
const sanitizer = () =>
  (loaded ??= import('sanitize-html').then(({ default: sanitize }) => ({
    sanitize,
    policy: policyFor(sanitize.defaults),
  })));

/**
 * The same policy for an archived page's snapshot, which is stored too: its images are inlined
 * (`data:` only, nothing is loaded from elsewhere), it may have a top heading and generic blocks,
 * and it keeps no classes, no srcset and no <picture> (the inliner chose one image).
 */
function snapshotPolicyOf(policy: sanitizeHtml.IOptions): sanitizeHtml.IOptions {
  const dropped = new Set(['picture', 'source']);
  return {
    ...policy,
    allowedTags: [
      ...(policy.allowedTags || []).filter((tag) => !dropped.has(tag)),
      ...['h1', 'div', 'section', 'article', 'dl', 'dt', 'dd', 'mark', 'small', 'del', 'ins'],
    ],
    allowedAttributes: {
      ...policy.allowedAttributes,
      img: ['src', 'alt', 'width', 'height'],
      span: [],
      figure: [],
      blockquote: [],
    },
    allowedClasses: {},
    allowedSchemesByTag: { img: ['data'] },
    // The page's own headings go one level down: the snapshot page's one top heading is its banner's.
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer' } }),
      h1: 'h2',
      h2: 'h3',
      h3: 'h4',
      h4: 'h5',
      h5: 'h6',
    },
  };
}

/** An archived page's content as it may be stored and served (see `snapshotPolicyOf`). */
export async function sanitizeSnapshotHtml(dirty: string): Promise<string> {
  const { sanitize, policy } = await sanitizer();
  return sanitize(dirty, snapshotPolicyOf(policy));
}

export async function sanitizeBodyHtml(dirty: string): Promise<string> {
  const { sanitize, policy } = await sanitizer();
  return sanitize(dirty, policy);
}

/** Plain text of an HTML fragment (for excerpts, search and similarity). */
export async function htmlToText(markup: string): Promise<string> {
  const { sanitize } = await sanitizer();
  return sanitize(
    markup.replace(/<\/(p|h\d|li|blockquote|figcaption|pre)>/gi, '$&\n').replace(/<br\s*\/?>/gi, '\n'),
    {
      allowedTags: [],
      allowedAttributes: {},
      nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template'],
    },
  )
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
