// Panels of the post editor: the feature image preview, the sources (citations) and the revision history.
import { useEffect, useState } from 'preact/hooks';
import { api, type FeaturedImage, type Post, type Revision, type Source } from '../api.js';
import { SourceState } from './source-state.js';
import { formatDate, t } from '../i18n.js';
import { Button, ErrorSummary, errorsOf, Loading, TextField, useLoad, type Errors } from '../ui.js';

export function FeaturePreview({ image }: { image: FeaturedImage }) {
  const [url, setUrl] = useState<string | undefined>(image.url ?? undefined);
  useEffect(() => {
    if (image.url) return setUrl(image.url);
    api
      .get<{ media: { url: string } }>(`/media/${encodeURIComponent(image.mediaId)}`)
      .then(({ media }) => setUrl(media.url))
      .catch(() => setUrl(undefined));
  }, [image.mediaId, image.url]);
  return url ? <img class="feature-preview" src={url} alt={image.alt ?? ''} /> : null;
}

export function SourcesPanel(props: {
  sources: Source[];
  errors: Errors;
  onChange: (sources: Source[]) => void;
}) {
  const { sources, onChange } = props;
  const set = (index: number, change: Partial<Source>) =>
    onChange(sources.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const move = (index: number, by: number) => {
    const next = [...sources];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
    // Keep focus on the moved source's same button where possible.
    requestAnimationFrame(() =>
      document.getElementById(`source-${index + by}-${by < 0 && index + by > 0 ? 'up' : 'down'}`)?.focus(),
    );
  };
  return (
    <section class="panel sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('sources')}</h2>
      {sources.length === 0 ? <p class="muted">{t('noSources')}</p> : null}
      <ol class="source-list">
        {sources.map((source, i) => {
          const n = i + 1;
          return (
            <li key={i}>
              <fieldset class={source.reviewState === 'imported' ? 'source source-imported' : 'source'}>
                <legend>
                  {t('sourceNumber', { n })}
                  {source.reviewState === 'imported' ? (
                    <>
                      {' '}
                      <span class="badge badge-imported">{t('sourceImported')}</span>
                    </>
                  ) : null}
                </legend>
                <div class="grid-2">
                  <TextField
                    name={`sources.${i}.publisher`}
                    label={t('publisher')}
                    value={source.publisher}
                    onValue={(publisher) => set(i, { publisher })}
                    errors={props.errors}
                  />
                  <TextField
                    name={`sources.${i}.title`}
                    label={t('sourceTitle')}
                    value={source.title}
                    onValue={(title) => set(i, { title })}
                    errors={props.errors}
                  />
                </div>
                <TextField
                  name={`sources.${i}.url`}
                  type="url"
                  label={t('url')}
                  value={source.url}
                  onValue={(url) =>
                    // A new address is a new source: the old one's archive and health do not apply.
                    set(i, { url, archiveStatus: undefined, linkStatus: undefined, archivePath: undefined })
                  }
                  errors={props.errors}
                />
                <TextField
                  name={`sources.${i}.note`}
                  label={t('note')}
                  value={source.note}
                  onValue={(note) => set(i, { note })}
                  errors={props.errors}
                />
                <SourceState
                  source={source}
                  name={source.title || source.publisher || t('sourceNumber', { n })}
                />
                <div class="actions">
                  {source.reviewState === 'imported' ? (
                    <Button
                      id={`source-${i}-confirm`}
                      aria-label={t('confirmSource', { n })}
                      onClick={() => set(i, { reviewState: null })}
                    >
                      {t('confirm')}
                    </Button>
                  ) : null}
                  <Button
                    id={`source-${i}-up`}
                    disabled={i === 0}
                    aria-label={t('moveSourceUp', { n })}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    id={`source-${i}-down`}
                    disabled={i === sources.length - 1}
                    aria-label={t('moveSourceDown', { n })}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    variant="danger"
                    aria-label={t('removeSource', { n })}
                    onClick={() => onChange(sources.filter((_, j) => j !== i))}
                  >
                    {t('remove')}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <Button
        onClick={() => {
          onChange([...sources, { publisher: '', title: '', url: '', note: '', reviewState: null }]);
          requestAnimationFrame(() =>
            document.getElementById(`f-sources-${sources.length}-publisher`)?.focus(),
          );
        }}
      >
        {t('addSource')}
      </Button>
    </section>
  );
}

export function Revisions(props: { path: string; canRestore: boolean; onRestored: (post: Post) => void }) {
  const [isOpen, setOpen] = useState(false);
  const [errors, setErrors] = useState<Errors>([]);
  const list = useLoad(
    () =>
      isOpen ? api.get<{ revisions: Revision[] }>(`${props.path}/revisions`) : Promise.resolve(undefined),
    [isOpen, props.path],
  );
  return (
    <details class="panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('revisions')}</summary>
      <ErrorSummary errors={[...errors, ...list.errors]} />
      <Loading isLoading={isOpen && list.isLoading} />
      <ul class="revisions">
        {list.data?.revisions.map((r) => (
          <li key={r.id}>
            <span>
              {formatDate(r.createdAt)} · {r.staffName}
              {r.isAutosave ? <span class="muted"> ({t('autosave')})</span> : null}
              <br />
              <span class="small">{r.title}</span>
            </span>
            {props.canRestore ? (
              <Button
                aria-label={t('restoreRevision', { date: formatDate(r.createdAt) })}
                onClick={async () => {
                  try {
                    const { post } = await api.post<{ post: Post }>(
                      `${props.path}/revisions/${encodeURIComponent(r.id)}/restore`,
                      {},
                    );
                    setErrors([]);
                    props.onRestored(post);
                    await list.reload();
                  } catch (error) {
                    setErrors(errorsOf(error));
                  }
                }}
              >
                {t('restore')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
