// A source's archive and link health, as the post editor and the link-health screen show them.
import type { Source } from '../api.js';
import { formatDate, t, type Key } from '../i18n.js';

export function SourceState({ source, name }: { source: Source; name: string }) {
  if (!source.archiveStatus || !source.linkStatus) return null;
  const archived =
    source.archiveStatus === 'archived' && source.archivedAt
      ? t('archiveState_archived', { date: formatDate(source.archivedAt) })
      : t(`archiveState_${source.archiveStatus}` as Key);
  return (
    <p class="source-state small">
      <span class={`badge link-${source.linkStatus}`}>
        {t('linkState')}: {t(`linkState_${source.linkStatus}` as Key)}
      </span>
      {source.linkCheckedAt ? (
        <span class="muted"> {t('checkedAt', { date: formatDate(source.linkCheckedAt) })}</span>
      ) : null}
      {' · '}
      <span>
        {t('archiveState')}: {archived}
      </span>
      {source.archivePath ? (
        <>
          {' · '}
          <a
            href={source.archivePath}
            target="_blank"
            rel="noopener"
            aria-label={t('viewArchivedCopyOf', { name })}
          >
            {t('viewArchivedCopy')}
          </a>
        </>
      ) : null}
      {source.archiveError && source.archiveStatus !== 'archived' ? (
        <span class="muted"> ({source.archiveError})</span>
      ) : null}
    </p>
  );
}
