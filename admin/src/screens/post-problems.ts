// Problems with a post in plain words, in the staff member's language: what the editor checks itself on
// save and publish, and the server's answers re-worded, each named by its field's label (never by an
// API path such as `sources.0.publisher`).
import type { FieldError } from '../api.js';
import { t, type Key } from '../i18n.js';
import type { Errors } from '../ui.js';
import type { Draft } from './post-draft.js';

const fieldKeys: Record<string, Key> = {
  title: 'title',
  slug: 'slug',
  standfirst: 'standfirst',
  excerpt: 'excerpt',
  body: 'body',
  language: 'language',
  translationOf: 'translationOf',
  tagIds: 'tagsAndTopics',
  authorIds: 'authors',
  canonicalUrl: 'canonicalUrl',
  metaTitle: 'metaTitle',
  metaDescription: 'metaDescription',
  ogTitle: 'ogTitle',
  ogDescription: 'ogDescription',
  twitterTitle: 'twitterTitle',
  twitterDescription: 'twitterDescription',
  publishedAt: 'scheduleFor',
  schedule: 'scheduleFor',
};
const sourceKeys: Record<string, Key> = {
  publisher: 'publisher',
  title: 'sourceTitle',
  url: 'url',
  note: 'note',
};
const imageKeys: Record<string, Key> = { alt: 'altText', caption: 'caption', credit: 'credit' };

/** The label a person sees for an API property, or undefined for one the form does not show. */
export function labelOf(property: string): string | undefined {
  const source = /^sources\.(\d+)\.(\w+)$/.exec(property);
  if (source) {
    const field = sourceKeys[source[2]!];
    return t('sourceField', { n: Number(source[1]) + 1, field: field ? t(field) : source[2]! });
  }
  const image = /^featuredImage\.(\w+)$/.exec(property);
  if (image) return `${t('featureImage')}: ${t(imageKeys[image[1]!] ?? 'featureImage')}`;
  const key = fieldKeys[property.split('.')[0]!];
  return key ? t(key) : undefined;
}

const messages: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^is required$/, () => t('problemRequired')],
  [/http\(s\) URL/, () => t('problemUrl')],
  [/at most (\d+) characters/, (m) => t('problemTooLong', { max: m[1]! })],
  [/letters, digits and single hyphens/, () => t('problemSlug')],
  [/already used/, () => t('problemTaken')],
  [/language code/, () => t('problemLanguage')],
  [/date and time/, () => t('problemDate')],
];

export function plainMessage(message: string): string {
  for (const [pattern, say] of messages) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  return message;
}

/** The server's errors in plain words; anything inside the body is about the body as a whole. */
export function plainErrors(errors: Errors): Errors {
  return errors.map((e: FieldError) => {
    if (e.property?.startsWith('body')) return { ...e, property: 'body', message: t('problemBody') };
    return { ...e, message: plainMessage(e.message) };
  });
}

const isHttpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** What the editor checks before an explicit save (and, with `isPublishing`, before going live). */
export function checkDraft(draft: Draft, isPublishing: boolean): Errors {
  const problems: Errors = [];
  const add = (property: string, message: string) => problems.push({ code: 'VALIDATION', property, message });
  if (isPublishing && !draft.title.trim()) add('title', t('problemTitleToPublish'));
  draft.sources.forEach((source, i) => {
    if (!source.publisher.trim()) add(`sources.${i}.publisher`, t('problemRequired'));
    if (!isHttpUrl(source.url.trim())) add(`sources.${i}.url`, t('problemUrl'));
  });
  if (draft.canonicalUrl.trim() && !isHttpUrl(draft.canonicalUrl.trim()))
    add('canonicalUrl', t('problemUrl'));
  return problems;
}
