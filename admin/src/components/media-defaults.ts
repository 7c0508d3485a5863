// A library image remembers the alt text, caption and credit it was first used with, so the next post
// that uses it starts from them (a reused photo brings its credit).
import { api, type Media } from '../api.js';

export interface ImageDetails {
  alt: string;
  caption: string;
  credit: string;
}

const detailKeys = ['alt', 'caption', 'credit'] as const;

/** Fills the media record's empty defaults from details just given; what it already has is kept. */
export async function rememberDetails(media: Media, details: ImageDetails): Promise<void> {
  const change: Partial<ImageDetails> = {};
  for (const key of detailKeys)
    if (!media[key].trim() && details[key].trim()) change[key] = details[key].trim();
  if (Object.keys(change).length === 0) return;
  try {
    const { media: updated } = await api.patch<{ media: Media }>(
      `/media/${encodeURIComponent(media.id)}`,
      change,
    );
    Object.assign(media, { alt: updated.alt, caption: updated.caption, credit: updated.credit });
  } catch {
    // Someone who may use an image but not describe it in the library: the post keeps its own details.
  }
}
