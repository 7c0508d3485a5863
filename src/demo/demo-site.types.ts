// Types for the demo content that a fresh Broadsheet install loads on `npm start`.
// The demo is pure data: bodies are ProseMirror-style JSON documents, images are
// generated from drawing hints by ./generate-image.ts.

/** Inline mark on a text node. */
export type DemoMark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } };

/** Inline node inside a paragraph or heading. */
export type DemoInline = { type: 'text'; text: string; marks?: DemoMark[] } | { type: 'hardBreak' };

/** Block node of an article body. */
export type DemoBlock =
  | { type: 'paragraph'; content?: DemoInline[] }
  | { type: 'heading'; attrs: { level: 2 | 3 }; content: DemoInline[] }
  | { type: 'blockquote'; content: DemoBlock[] }
  | { type: 'bulletList' | 'orderedList'; content: { type: 'listItem'; content: DemoBlock[] }[] }
  | { type: 'horizontalRule' }
  | { type: 'figure'; attrs: { src: string; alt: string; caption: string; credit: string } }; // src is 'demo:<imageKey>'

/** A whole article body. */
export interface DemoDoc {
  type: 'doc';
  content: DemoBlock[];
}

/**
 * A generated demo image. `palette` and `motif` are drawing hints for the generator.
 * For the 'book-cover' motif, `label` is 'Title|Author|Publisher' (author and publisher optional).
 */
export interface DemoImage {
  key: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /* drawing hints for the generator */ palette: [string, string, string];
  motif: 'skyline' | 'portrait' | 'landscape' | 'crowd' | 'document' | 'book-cover';
  label?: string;
}

export interface DemoAuthor {
  slug: string;
  name: string;
  email: string;
  bio: string;
  photo?: string /* image key */;
  website?: string;
  location?: string;
  jobTitle?: string;
  expertise?: string;
  contact?: string;
  fediverse?: string;
  profileLinks?: string[];
}

export interface DemoTag {
  slug: string;
  name: string;
  kind: 'topic' | 'person' | 'organisation' | 'place';
  description: string;
  language?: 'en' | 'nb';
}

/** A cited source: rendered as "According to <publisher> — Read the full article". */
export interface DemoSource {
  publisher: string;
  title: string;
  url: string;
  /** One sentence on what the post takes from this source. */
  note: string;
}

export interface DemoPost {
  slug: string;
  type: 'post' | 'page';
  title: string;
  standfirst?: string;
  excerpt: string;
  language: 'en' | 'nb';
  translationOf?: string /* slug of the post this translates */;
  authors: string[] /* author slugs, ordered */;
  tags: string[] /* tag slugs, first = primary */;
  featuredImage?: string /* image key */;
  /** Alt, caption and credit for this post's use of the featured image (e.g. in its own language). */
  featuredImageText?: { alt: string; caption: string; credit: string };
  body: DemoDoc;
  sources: DemoSource[];
  publishedDaysAgo: number;
  isFeatured?: boolean;
  metaDescription?: string;
  /** What kind of work it is, shown above the headline. */
  workType: 'news' | 'analysis' | 'opinion' | 'review' | 'background' | 'sponsored' | 'fact-check';
  /** Where the reporting was done. */
  dateline?: string;
  /** Notes on its record, each published some days after the post. */
  notes?: DemoNote[];
}

export interface DemoNote {
  kind: 'correction' | 'clarification' | 'update' | 'editors-note';
  body: string;
  daysAfterPublication: number;
}

export interface DemoPromotion {
  title: string;
  body: string;
  image?: string;
  linkUrl: string;
  ctaLabel: string;
  slot: 'after-article' | 'sidebar';
  language?: 'en' | 'nb';
}

/** A newsletter readers can subscribe to with the signup boxes (one per language). */
export interface DemoNewsletter {
  slug: string;
  name: string;
  language: 'en' | 'nb';
  senderName: string;
  senderEmail: string;
  footer: string;
}

export interface DemoSite {
  settings: {
    title: string;
    description: string;
    languages: string[];
    defaultLanguage: string;
    /** IANA time zone the newsroom works in. */
    timezone: string;
    navigation: { label: string; url: string }[];
    /** The slug of the page stating each policy. */
    policies: Partial<Record<'ethics' | 'corrections' | 'ownership' | 'masthead' | 'feedback', string>>;
  };
  images: DemoImage[];
  authors: DemoAuthor[];
  tags: DemoTag[];
  posts: DemoPost[];
  promotions: DemoPromotion[];
  newsletters: DemoNewsletter[];
}
