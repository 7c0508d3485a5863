// A chosen image previewed as an image, never as its raw id: the site logo in Settings, and the
// image fields of the other screens (a promotion's image).
import { useEffect, useState } from 'preact/hooks';
import { api, type Media } from '../api.js';
import { t } from '../i18n.js';

/** The image `mediaId` names; `alt` gives its text alternative from the library's record. */
export function MediaPreview(props: {
  mediaId: string | null;
  emptyText: string;
  alt: (media: Media) => string;
}) {
  const { mediaId } = props;
  const [media, setMedia] = useState<Media>();
  useEffect(() => {
    setMedia(undefined);
    if (!mediaId) return;
    api
      .get<{ media: Media }>(`/media/${encodeURIComponent(mediaId)}`)
      .then((answer) => setMedia(answer.media))
      .catch(() => setMedia(undefined));
  }, [mediaId]);
  if (!mediaId) return <p class="small">{props.emptyText}</p>;
  return media ? (
    <img class="media-preview" src={media.url} alt={props.alt(media)} />
  ) : (
    <p class="small">{t('loading')}</p>
  );
}

export function LogoPreview({ mediaId, siteTitle }: { mediaId: string | null; siteTitle: string }) {
  return (
    <MediaPreview
      mediaId={mediaId}
      emptyText={t('noLogo')}
      alt={() => t('logoPreviewAlt', { title: siteTitle })}
    />
  );
}
