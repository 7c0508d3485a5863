// The editor's form state: a post as the form holds it, and back into the body the Admin API takes.
import {
  type EditorJson,
  type FeaturedImage,
  type Post,
  type PromotionMode,
  type Source,
  type Staff,
  type TagKind,
  type WorkType,
} from '../api.js';
import { en } from '../strings-en.js';
import { nb } from '../strings-nb.js';

export interface Draft {
  title: string;
  slug: string;
  standfirst: string;
  excerpt: string;
  body: EditorJson;
  language: string;
  translationOf: string;
  authorIds: string[];
  tagIds: string[];
  featuredImage: FeaturedImage | null;
  sources: Source[];
  canonicalUrl: string;
  metaTitle: string;
  metaDescription: string;
  ogTitle: string;
  ogDescription: string;
  twitterTitle: string;
  twitterDescription: string;
  promotionMode: PromotionMode;
  promotionId: string | null;
  isFeatured: boolean;
  workType: WorkType;
  dateline: string;
}

export const workTypes: WorkType[] = [
  'news',
  'analysis',
  'opinion',
  'review',
  'background',
  'sponsored',
  'fact-check',
];

export const seoFields = [
  ['metaTitle', 'metaTitle'],
  ['metaDescription', 'metaDescription'],
  ['ogTitle', 'ogTitle'],
  ['ogDescription', 'ogDescription'],
  ['twitterTitle', 'twitterTitle'],
  ['twitterDescription', 'twitterDescription'],
] as const;

export const tagKinds: TagKind[] = ['topic', 'person', 'organisation', 'place'];

/** The titles a draft saved before it had one is stored with (see post-editing.ts). */
const placeholderTitles = new Set([en.untitled, nb.untitled]);

export function draftOf(post: Post): Draft {
  const isUntitled = placeholderTitles.has(post.title ?? '');
  return {
    title: isUntitled ? '' : (post.title ?? ''),
    // An untitled draft's slug is made from the title once it has one.
    slug: isUntitled && post.status === 'draft' ? '' : (post.slug ?? ''),
    standfirst: post.standfirst ?? '',
    excerpt: post.excerpt ?? '',
    body: post.body ?? { type: 'doc', content: [] },
    language: post.language ?? 'en',
    translationOf: post.translations?.[0]?.id ?? '',
    authorIds: post.authors?.map((a) => a.id) ?? [],
    tagIds: post.tags?.map((tag) => tag.id) ?? [],
    featuredImage: post.featuredImage,
    sources: (post.sources ?? []).map((s) => ({ ...s })),
    canonicalUrl: post.canonicalUrl ?? '',
    metaTitle: post.metaTitle ?? '',
    metaDescription: post.metaDescription ?? '',
    ogTitle: post.ogTitle ?? '',
    ogDescription: post.ogDescription ?? '',
    twitterTitle: post.twitterTitle ?? '',
    twitterDescription: post.twitterDescription ?? '',
    promotionMode: post.promotionMode,
    promotionId: post.promotionId,
    isFeatured: post.isFeatured ?? false,
    workType: post.workType ?? 'news',
    dateline: post.dateline ?? '',
  };
}

export function emptyDraft(me: Staff, language: string): Draft {
  return {
    title: '',
    slug: '',
    standfirst: '',
    excerpt: '',
    body: { type: 'doc', content: [] },
    language,
    translationOf: '',
    authorIds: [me.id],
    tagIds: [],
    featuredImage: null,
    sources: [],
    canonicalUrl: '',
    metaTitle: '',
    metaDescription: '',
    ogTitle: '',
    ogDescription: '',
    twitterTitle: '',
    twitterDescription: '',
    promotionMode: 'site',
    promotionId: null,
    isFeatured: false,
    workType: 'news',
    dateline: '',
  };
}

export const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** The request body: empty optional texts become null, sources and the feature image lose their extras. */
export function bodyOf(draft: Draft, initialTranslationOf: string) {
  return {
    title: draft.title,
    slug: draft.slug || undefined,
    standfirst: draft.standfirst,
    excerpt: draft.excerpt,
    body: draft.body,
    language: draft.language,
    // Sent only when changed: null takes a post out of its translation group.
    translationOf: draft.translationOf === initialTranslationOf ? undefined : orNull(draft.translationOf),
    authorIds: draft.authorIds,
    tagIds: draft.tagIds,
    featuredImage: draft.featuredImage
      ? {
          mediaId: draft.featuredImage.mediaId,
          alt: draft.featuredImage.alt,
          caption: draft.featuredImage.caption,
          credit: draft.featuredImage.credit,
        }
      : null,
    sources: draft.sources.map(({ publisher, title, url, note, reviewState }) => ({
      publisher,
      title,
      url,
      note,
      reviewState,
    })),
    canonicalUrl: orNull(draft.canonicalUrl),
    metaTitle: orNull(draft.metaTitle),
    metaDescription: orNull(draft.metaDescription),
    ogTitle: orNull(draft.ogTitle),
    ogDescription: orNull(draft.ogDescription),
    twitterTitle: orNull(draft.twitterTitle),
    twitterDescription: orNull(draft.twitterDescription),
    promotionMode: draft.promotionMode,
    promotionId: draft.promotionMode === 'chosen' ? draft.promotionId : null,
    isFeatured: draft.isFeatured,
    workType: draft.workType,
    dateline: draft.dateline.trim(),
  };
}

/** `2025-03-01T14:30` in the browser's time zone → ISO; and back. */
export const isoFromLocal = (local: string) => new Date(local).toISOString();
export function localFromIso(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export type SaveState = 'idle' | 'unsaved' | 'saving' | 'saved' | 'failed';
export const autosaveDelayMs = 1500;
