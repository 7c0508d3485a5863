// The media library: upload by drag and drop or file input, alt/caption/credit, usage, delete.
import { useState } from 'preact/hooks';
import { api, type Media, type Meta } from '../api.js';
import { rememberMedia } from '../editor/figure.js';
import { formatDate, t } from '../i18n.js';
import { usePermissions, useSession } from '../session.js';
import {
  Button,
  ConfirmButton,
  ErrorSummary,
  errorsOf,
  Loading,
  Pager,
  ScreenHeading,
  StatusMessage,
  TextField,
  useLoad,
  type Errors,
} from '../ui.js';

const uploaderId = (media: Media) => media.uploadedBy ?? '';

export function MediaScreen() {
  const { may } = usePermissions();
  const [page, setPage] = useState(1);
  const [errors, setErrors] = useState<Errors>([]);
  const [message, setMessage] = useState('');
  const [isDragging, setDragging] = useState(false);
  const list = useLoad(() => api.get<{ media: Media[]; meta: Meta }>('/media', { page, limit: 24 }), [page]);

  const upload = async (files: FileList | File[] | null) => {
    if (!files) return;
    const all = [...files];
    if (!all.length) return;
    setErrors([]);
    const failed: Errors = [];
    for (const [i, file] of all.entries()) {
      setMessage(t('uploading', { n: i + 1, total: all.length, name: file.name }));
      try {
        rememberMedia((await api.upload(file)).media);
      } catch (error) {
        failed.push(...errorsOf(error).map((e) => ({ ...e, message: `${file.name}: ${e.message}` })));
      }
    }
    setErrors(failed);
    setMessage(t('uploaded', { n: all.length - failed.length }));
    if (page !== 1) setPage(1);
    else await list.reload();
  };

  return (
    <>
      <ScreenHeading>{t('mediaTitle')}</ScreenHeading>
      {may('media', 'create') ? (
        <div
          class={`dropzone${isDragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void upload(e.dataTransfer?.files ?? null);
          }}
        >
          <p>{t('dropHere')}</p>
          <label for="media-upload" class="button">
            {t('chooseFiles')}
          </label>
          <input
            id="media-upload"
            class="visually-hidden"
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif,image/tiff"
            onChange={(e) => {
              void upload(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </div>
      ) : null}
      <StatusMessage message={message} />
      <ErrorSummary errors={[...errors, ...list.errors]} />
      <Loading isLoading={list.isLoading} />
      {list.data && list.data.media.length === 0 ? <p>{t('noMedia')}</p> : null}
      <ul class="media-grid">
        {list.data?.media.map((media) => (
          <li key={media.id}>
            <MediaCard
              media={media}
              onChanged={(m) =>
                list.setData({ ...list.data!, media: list.data!.media.map((x) => (x.id === m.id ? m : x)) })
              }
              onDeleted={() => {
                setMessage(t('deleted'));
                void list.reload();
              }}
            />
          </li>
        ))}
      </ul>
      <Pager meta={list.data?.meta} onPage={setPage} />
    </>
  );
}

function MediaCard(props: { media: Media; onChanged: (m: Media) => void; onDeleted: () => void }) {
  const { media } = props;
  const { staff } = useSession();
  const { mayOn } = usePermissions();
  const isOwn = uploaderId(media) === staff.id;
  const canUpdate = mayOn('media', 'update', { isOwn });
  const canDelete = mayOn('media', 'delete', { isOwn });
  const [alt, setAlt] = useState(media.alt);
  const [caption, setCaption] = useState(media.caption);
  const [credit, setCredit] = useState(media.credit);
  const [errors, setErrors] = useState<Errors>([]);
  const [message, setMessage] = useState('');
  const [usage, setUsage] = useState<{ id: string; title: string; type: string }[]>();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const prefix = `media-${media.id}`;
  return (
    <article class="media-card" aria-labelledby={`${prefix}-name`}>
      <img src={media.url} alt={media.alt} loading="lazy" width={media.width} height={media.height} />
      <h2 class="media-name" id={`${prefix}-name`}>
        {media.originalName}
      </h2>
      <p class="small muted">
        {media.width}×{media.height} · {Math.round(media.sizeBytes / 1024)} KiB ·{' '}
        {formatDate(media.createdAt)}
      </p>
      <ErrorSummary errors={errors} />
      <form
        class="form"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const answer = await api.patch<{ media: Media }>(`/media/${encodeURIComponent(media.id)}`, {
              alt,
              caption,
              credit,
            });
            setErrors([]);
            setMessage(t('saved'));
            props.onChanged(answer.media);
          } catch (error) {
            setErrors(errorsOf(error));
          }
        }}
      >
        <fieldset disabled={!canUpdate}>
          <legend class="visually-hidden">{media.originalName}</legend>
          <TextField
            id={`${prefix}-alt`}
            name="alt"
            label={t('altText')}
            value={alt}
            onValue={setAlt}
            errors={errors}
          />
          <TextField
            id={`${prefix}-caption`}
            name="caption"
            label={t('caption')}
            value={caption}
            onValue={setCaption}
            errors={errors}
          />
          <TextField
            id={`${prefix}-credit`}
            name="credit"
            label={t('credit')}
            value={credit}
            onValue={setCredit}
            errors={errors}
          />
        </fieldset>
        <div class="actions">
          {canUpdate ? (
            <button
              type="submit"
              class="button primary"
              aria-label={t('saveNamed', { name: media.originalName })}
            >
              {t('save')}
            </button>
          ) : null}
          <Button
            aria-label={t('usageOf', { name: media.originalName })}
            onClick={async () => {
              try {
                const found = (await api.get<{ media: Media }>(`/media/${encodeURIComponent(media.id)}`))
                  .media;
                setUsage(found.usage ?? []);
                setElsewhere(found.usedElsewhere ?? []);
              } catch (error) {
                setErrors(errorsOf(error));
              }
            }}
          >
            {t('usage')}
          </Button>
          {canDelete ? (
            <ConfirmButton
              label={t('delete')}
              accessibleLabel={t('deleteNamed', { name: media.originalName })}
              confirmText={t('confirmDeleteMedia')}
              onConfirm={async () => {
                try {
                  await api.delete(`/media/${encodeURIComponent(media.id)}`);
                  props.onDeleted();
                } catch (error) {
                  setErrors(errorsOf(error));
                }
              }}
            />
          ) : null}
        </div>
        <StatusMessage message={message} />
      </form>
      {usage ? (
        usage.length === 0 && elsewhere.length === 0 ? (
          <p class="small">{t('notUsed')}</p>
        ) : (
          <ul class="small">
            {usage.map((u) => (
              <li key={u.id}>
                <a href={`#/${u.type === 'page' ? 'pages' : 'posts'}/${u.id}`}>{u.title}</a>
              </li>
            ))}
            {elsewhere.map((place) => (
              <li key={place}>{place}</li>
            ))}
          </ul>
        )
      ) : null}
    </article>
  );
}
