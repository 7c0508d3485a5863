import type { MediaRecord } from '../ports.js';
import type { Picture } from '../posts/post.types.js';

export interface PlacementOverrides {
  alt?: string | null;
  caption?: string | null;
  credit?: string | null;
}

/** A media file as placed somewhere: the placement's alt/caption/credit win over the library's. */
export function toPicture(media: MediaRecord, overrides: PlacementOverrides = {}): Picture {
  return {
    mediaId: media.id,
    width: media.width,
    height: media.height,
    alt: overrides.alt ?? media.alt,
    caption: overrides.caption ?? media.caption,
    credit: overrides.credit ?? media.credit,
    variants: media.variants,
  };
}

export async function picturesById(
  findByIds: (ids: string[]) => Promise<MediaRecord[]>,
  ids: (string | null | undefined)[],
): Promise<Map<string, MediaRecord>> {
  const unique = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  const records = await findByIds(unique);
  return new Map(records.map((m) => [m.id, m]));
}
