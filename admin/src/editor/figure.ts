// The `figure` node: an image from the media library with alt text, caption and credit. Its JSON is
// exactly `{ type: 'figure', attrs: { src: 'media:ID', alt, caption, credit } }`.
import { mergeAttributes, Node } from '@tiptap/core';
import { api, type Media } from '../api.js';

export interface FigureAttrs {
  src: string;
  alt: string;
  caption: string;
  credit: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      insertFigure: (attrs: FigureAttrs) => ReturnType;
    };
  }
}

/** Public URLs of media by id, filled from the library and, for figures loaded with a post, on demand. */
const mediaUrls = new Map<string, string>();
const pendingLookups = new Map<string, Promise<string | undefined>>();

export function rememberMedia(media: Pick<Media, 'id' | 'url'>): void {
  mediaUrls.set(media.id, media.url);
}

export function mediaUrl(src: string): Promise<string | undefined> {
  const id = src.startsWith('media:') ? src.slice(6) : '';
  if (!id) return Promise.resolve(undefined);
  const known = mediaUrls.get(id);
  if (known) return Promise.resolve(known);
  let lookup = pendingLookups.get(id);
  if (!lookup) {
    lookup = api
      .get<{ media: Media }>(`/media/${encodeURIComponent(id)}`)
      .then(({ media }) => {
        rememberMedia(media);
        return media.url;
      })
      .catch(() => undefined);
    pendingLookups.set(id, lookup);
  }
  return lookup;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    const attr = (name: keyof FigureAttrs) => ({
      default: '',
      parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) ?? '',
      renderHTML: (attributes: Record<string, unknown>) => ({ [`data-${name}`]: text(attributes[name]) }),
    });
    return { src: attr('src'), alt: attr('alt'), caption: attr('caption'), credit: attr('credit') };
  },

  parseHTML() {
    return [{ tag: 'figure[data-src]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { class: 'editor-figure' })];
  },

  addCommands() {
    return {
      insertFigure:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },

  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('figure');
      dom.className = 'editor-figure';
      const img = document.createElement('img');
      const caption = document.createElement('figcaption');
      dom.append(img, caption);
      let current = node;
      const show = () => {
        const attrs = current.attrs as FigureAttrs;
        img.alt = attrs.alt;
        const credit = attrs.credit ? ` (${attrs.credit})` : '';
        caption.textContent = `${attrs.caption}${credit}`;
        dom.dataset.src = attrs.src;
        void mediaUrl(attrs.src).then((url) => {
          if (url && dom.dataset.src === attrs.src) img.src = url;
        });
      };
      show();
      return {
        dom,
        update: (updated) => {
          if (updated.type !== current.type) return false;
          current = updated;
          show();
          return true;
        },
      };
    };
  },
});
