// The editor's publishing panel: status, save, preview, "View post" once live, publish now, unpublish,
// schedule, delete.
import type { ComponentChildren } from 'preact';
import type { Post, PostStatus } from '../api.js';
import { formatDate, t } from '../i18n.js';
import { Button, ConfirmButton, TextField } from '../ui.js';

export type PublishAction = 'publish' | 'unpublish' | 'schedule';

export function PublishPanel(props: {
  status: PostStatus;
  post: Post | undefined;
  /** The post's Admin API path, once it exists. */
  path: string | null;
  canEdit: boolean;
  canPublish: boolean;
  canDelete: boolean;
  schedule: string;
  onSchedule: (value: string) => void;
  onAction: (action: PublishAction) => void;
  onDelete: () => Promise<void>;
  /** What goes out with publishing (the newsletters to send to). */
  children?: ComponentChildren;
}) {
  const { status, post, path } = props;
  return (
    <section class="panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('publishing')}</h2>
      <p>
        {t('status')}: <span class={`badge badge-${status}`}>{t(`status_${status}`)}</span>
        {post?.publishedAt ? <span class="muted small"> {formatDate(post.publishedAt)}</span> : null}
      </p>
      <div class="actions">
        {props.canEdit ? (
          <button type="submit" class="button primary">
            {status === 'draft' ? t('saveDraft') : t('update')}
          </button>
        ) : null}
        {path ? (
          <a class="button" href={`/admin/api${path}/preview`} target="_blank" rel="noopener">
            {t('preview')}
            <span class="visually-hidden"> {t('opensInNewTab')}</span>
          </a>
        ) : null}
        {status === 'published' && post?.url ? (
          <a class="button view-post" href={post.url} target="_blank" rel="noopener">
            {t('viewPost')}
            <span class="visually-hidden"> {t('opensInNewTab')}</span>
          </a>
        ) : null}
      </div>
      {props.canPublish ? (
        <>
          {status !== 'published' ? props.children : null}
          <div class="actions">
            {status !== 'published' ? (
              <Button variant="primary" onClick={() => props.onAction('publish')}>
                {t('publishNow')}
              </Button>
            ) : null}
            {status !== 'draft' ? (
              <Button onClick={() => props.onAction('unpublish')}>{t('unpublish')}</Button>
            ) : null}
          </div>
          <div class="schedule">
            <TextField
              name="schedule"
              type="datetime-local"
              label={t('scheduleFor')}
              value={props.schedule}
              onValue={props.onSchedule}
            />
            <Button disabled={!props.schedule} onClick={() => props.onAction('schedule')}>
              {t('schedule')}
            </Button>
          </div>
        </>
      ) : null}
      {props.canDelete ? (
        <div class="actions">
          <ConfirmButton
            label={t('delete')}
            confirmText={t('confirmDeletePost')}
            onConfirm={props.onDelete}
          />
        </div>
      ) : null}
    </section>
  );
}
