// The site logo in Settings: a preview of the chosen image (never its raw id).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { t } from '../i18n.js';

export function LogoPreview({ mediaId, siteTitle }: { mediaId: string | null; siteTitle: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    setUrl(undefined);
    if (!mediaId) return;
    api
      .get<{ media: { url: string } }>(`/media/${encodeURIComponent(mediaId)}`)
      .then(({ media }) => setUrl(media.url))
      .catch(() => setUrl(undefined));
  }, [mediaId]);
  if (!mediaId) return <p class="small">{t('noLogo')}</p>;
  return url ? (
    <img class="logo-preview" src={url} alt={t('logoPreviewAlt', { title: siteTitle })} />
  ) : (
    <p class="small">{t('loading')}</p>
  );
}
