// The post and page editor: every post field, autosave of drafts (post-editing.ts), revisions, preview,
// publishing. Leaving with unsaved changes asks first.
import { useEffect, useState } from 'preact/hooks';
import {
  api,
  type Newsletter,
  type Post,
  type PostSummary,
  type PostType,
  type Settings,
  type Staff,
  type Tag,
} from '../api.js';
import { NewsletterSends, SendAsNewsletter } from '../components/newsletter-sending.js';
import { PromotionPicker } from '../components/promotion-picker.js';
import { Revisions, SourcesPanel } from '../components/post-panels.js';
import { AuthorsPanel, FeatureImagePanel, SeoPanel } from '../components/post-side-panels.js';
import { PublishPanel, type PublishAction } from '../components/publish-panel.js';
import { TagPicker } from '../components/tag-picker.js';
import { TitleField } from '../components/title-field.js';
import { BodyEditor } from '../editor/body-editor.js';
import { t } from '../i18n.js';
import { useLeaveGuard } from '../leave-guard.js';
import { navigate } from '../router.js';
import { usePermissions, useSession } from '../session.js';
import {
  Checkbox,
  ErrorSummary,
  errorsOf,
  Loading,
  ScreenHeading,
  SelectField,
  StatusMessage,
  TextArea,
  TextField,
  useLoad,
} from '../ui.js';
import { isoFromLocal, localFromIso, type SaveState } from './post-draft.js';
import { WorkTypeFields } from '../components/work-type-fields.js';
import { NotesPanel } from '../components/post-notes.js';
import { usePostEditing } from './post-editing.js';
import { checkDraft, labelOf } from './post-problems.js';

function useEditorData(type: PostType, base: string, me: Staff) {
  const { may } = usePermissions();
  const settings = useLoad(
    () =>
      may('settings', 'read')
        ? api.get<{ settings: Settings }>('/settings').catch(() => undefined)
        : Promise.resolve(undefined),
    [],
  );
  const staffList = useLoad(() => api.get<{ staff: Staff[] }>('/staff').catch(() => ({ staff: [me] })), []);
  const tags = useLoad(() => api.get<{ tags: Tag[] }>('/tags').catch(() => ({ tags: [] as Tag[] })), []);
  // Only posts go out as newsletters.
  const mayReadNewsletters = type === 'post' && may('newsletter', 'read');
  const newsletters = useLoad(
    () =>
      mayReadNewsletters
        ? api
            .get<{ newsletters: Newsletter[] }>('/newsletters')
            .then((a) => a.newsletters)
            .catch(() => [] as Newsletter[])
        : Promise.resolve([] as Newsletter[]),
    [],
  );
  const others = useLoad(
    () =>
      api
        .get<{ posts?: PostSummary[]; pages?: PostSummary[] }>(`/${base}`, { limit: 100 })
        .then((a) => ({ posts: a.posts ?? a.pages ?? [] }))
        .catch(() => ({ posts: [] as PostSummary[] })),
    [base],
  );
  return { settings, staffList, tags, newsletters, others };
}

const saveText: Record<SaveState, () => string> = {
  idle: () => '',
  unsaved: () => t('unsavedChanges'),
  saving: () => t('saving'),
  saved: () => t('saved'),
  failed: () => t('notSavedYet'),
};

export function PostEditorScreen({ type, id: routeId }: { type: PostType; id: string }) {
  const { staff: me } = useSession();
  const { may, mayOn } = usePermissions();
  const [message, setMessage] = useState('');
  const [bodyKey, setBodyKey] = useState(0);
  const [schedule, setSchedule] = useState('');
  /** The newsletters the post is to be sent to when it goes live (publish now or schedule). */
  const [sendTo, setSendTo] = useState<string[]>([]);
  const isNew = routeId === 'new';
  const editing = usePostEditing({ type, routeId, me, canAutosave: () => canEdit });
  const { base, id, post, draft, setDraft, errors, setErrors, saveState, status } = editing;
  const { settings, staffList, tags, newsletters, others } = useEditorData(type, base, me);
  const leaving = useLeaveGuard(saveState === 'unsaved' || saveState === 'saving' || saveState === 'failed');

  useEffect(() => {
    if (post?.status === 'scheduled') setSchedule(localFromIso(post.publishedAt));
  }, [post?.id]);
  // A new post takes the site's default language once settings are known.
  useEffect(() => {
    const language = settings.data?.settings.defaultLanguage;
    if (isNew && language && draft && editing.version.current === 0) setDraft({ language }, false);
  }, [settings.data, Boolean(draft)]);

  const isOwn = isNew || (draft?.authorIds ?? []).includes(me.id);
  const everPublished = status !== 'draft' || Boolean(post?.publishedAt);
  const canEdit = isNew ? may(type, 'create') : mayOn(type, 'update', { isOwn, isPublished: everPublished });
  const canPublish = mayOn(type, 'publish', { isOwn, isPublished: everPublished });
  const canDelete = !isNew && mayOn(type, 'delete', { isOwn, isPublished: everPublished });
  const canSendNewsletter = type === 'post' && may('newsletter', 'publish');
  const mayReadNewsletters = type === 'post' && may('newsletter', 'read');
  const activeNewsletters = (newsletters.data ?? []).filter((n) => n.isActive);
  const postPath = () => `/${base}/${encodeURIComponent(id.current)}`;
  /** The publish request's body, with the newsletters to send to when some are checked. */
  const publishBody = (body: Record<string, unknown>) => {
    const newsletterIds = sendTo.filter((nid) => activeNewsletters.some((n) => n.id === nid));
    return canSendNewsletter && newsletterIds.length ? { ...body, newsletterIds } : body;
  };

  const act = async (action: PublishAction) => {
    if (action !== 'unpublish') {
      const problems = checkDraft(draft!, true);
      if (problems.length) return setErrors(problems);
    }
    if (saveState === 'unsaved' || saveState === 'failed' || !id.current) {
      if (!(await editing.save(action === 'unpublish' ? 'save' : 'publish'))) return;
    }
    const run: Record<PublishAction, () => Promise<{ post: Post }>> = {
      publish: () => api.post(`${postPath()}/publish`, publishBody({})),
      unpublish: () => api.post(`${postPath()}/unpublish`, {}),
      schedule: () => api.post(`${postPath()}/publish`, publishBody({ publishedAt: isoFromLocal(schedule) })),
    };
    const done: Record<PublishAction, string> = {
      publish: t('publishedNow'),
      unpublish: t('unpublished'),
      schedule: t('scheduled'),
    };
    try {
      const answer = await run[action]();
      editing.setPost(answer.post);
      setErrors([]);
      setSendTo([]);
      setMessage(done[action]);
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };

  if (editing.loadErrors.length)
    return (
      <>
        <ScreenHeading>{type === 'page' ? t('editPage') : t('editPost')}</ScreenHeading>
        <ErrorSummary errors={editing.loadErrors} />
        <p>
          <a href={`#/${base}`}>{t('backToList')}</a>
        </p>
      </>
    );

  const heading = draft?.title.trim() || post?.title || (type === 'page' ? t('newPage') : t('newPost'));
  const bodyError = errors.find((e) => e.property === 'body')?.message;
  const languages = [
    ...new Set([...(settings.data?.settings.languages ?? ['en', 'nb']), draft?.language ?? 'en']),
  ];

  return (
    <>
      <div class="screen-head">
        <ScreenHeading>{heading}</ScreenHeading>
        <p class="save-state" role="status" aria-live="polite">
          {saveText[saveState]()}
        </p>
      </div>
      <p>
        <a href={`#/${base}`}>{t('backToList')}</a>
      </p>
      <ErrorSummary errors={errors} labelOf={labelOf} />
      <StatusMessage message={message} />
      {!draft ? (
        <Loading isLoading />
      ) : (
        <form
          class="editor"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void editing.save('save');
          }}
        >
          <fieldset class="editor-main" disabled={!canEdit}>
            <legend class="visually-hidden">{t('content')}</legend>
            <TitleField
              value={draft.title}
              onValue={(title) => setDraft({ title })}
              errors={errors}
              next="f-standfirst"
            />
            <TextArea
              name="standfirst"
              label={t('standfirst')}
              value={draft.standfirst}
              onValue={(standfirst) => setDraft({ standfirst })}
              errors={errors}
              rows={2}
            />
            <div class={`field${bodyError ? ' field-invalid' : ''}`}>
              <p class="label" id="body-label">
                {t('body')}
              </p>
              <BodyEditor
                key={bodyKey}
                labelId="body-label"
                initial={draft.body}
                disabled={!canEdit}
                onChange={(body) => setDraft({ body })}
              />
              {bodyError ? (
                <p class="field-error" id="body-error">
                  {bodyError}
                </p>
              ) : null}
            </div>
            <TextArea
              name="excerpt"
              label={t('excerpt')}
              hint={t('excerptHint')}
              value={draft.excerpt}
              onValue={(excerpt) => setDraft({ excerpt })}
              errors={errors}
            />
            <SourcesPanel
              sources={draft.sources}
              errors={errors}
              onChange={(sources) => setDraft({ sources })}
            />
          </fieldset>

          <div class="editor-side">
            <PublishPanel
              status={status}
              post={post}
              path={id.current ? postPath() : null}
              canEdit={canEdit}
              canPublish={canPublish}
              canDelete={canDelete}
              schedule={schedule}
              onSchedule={setSchedule}
              onAction={(action) => void act(action)}
              onDelete={async () => {
                try {
                  await api.delete(postPath());
                  leaving.allowLeaving();
                  navigate(`/${base}`);
                } catch (error) {
                  setErrors(errorsOf(error));
                }
              }}
            >
              {canSendNewsletter ? (
                <SendAsNewsletter newsletters={activeNewsletters} selected={sendTo} onChange={setSendTo} />
              ) : null}
            </PublishPanel>

            {post && id.current ? (
              <NotesPanel
                path={postPath()}
                notes={post.notes ?? []}
                isEverPublished={Boolean(post.publishedAt) && post.status !== 'scheduled'}
                canAdd={canPublish}
                canSend={canSendNewsletter}
                postId={type === 'post' ? id.current : null}
                onAdded={(note) => editing.setPost({ ...post, notes: [...(post.notes ?? []), note] })}
              />
            ) : null}

            <fieldset class="panel" disabled={!canEdit}>
              <legend>{t('details')}</legend>
              {type === 'post' ? <WorkTypeFields draft={draft} errors={errors} setDraft={setDraft} /> : null}
              <TextField
                name="slug"
                label={t('slug')}
                hint={t('slugHint')}
                value={draft.slug}
                onValue={(slug) => setDraft({ slug })}
                errors={errors}
              />
              <SelectField
                name="language"
                label={t('language')}
                value={draft.language}
                onValue={(language) => setDraft({ language })}
                options={languages.map((l) => ({ value: l, label: l }))}
                errors={errors}
              />
              <SelectField
                name="translationOf"
                label={t('translationOf')}
                value={draft.translationOf}
                onValue={(translationOf) => setDraft({ translationOf })}
                options={[
                  { value: '', label: t('none') },
                  ...(others.data?.posts ?? [])
                    .filter((p) => p.id !== id.current)
                    .map((p) => ({ value: p.id, label: `${p.title} (${p.language})` })),
                ]}
                errors={errors}
              />
              {post?.translations?.length ? (
                <p class="small">
                  {t('translations')}:{' '}
                  {post.translations.map((tr, i) => (
                    <span key={tr.id}>
                      {i ? ', ' : ''}
                      <a href={`#/${base}/${tr.id}`}>
                        {tr.title} ({tr.language})
                      </a>
                    </span>
                  ))}
                </p>
              ) : null}
              <PromotionPicker
                value={{ promotionMode: draft.promotionMode, promotionId: draft.promotionId }}
                onValue={(choice) => setDraft(choice)}
                errors={errors}
              />
              <Checkbox
                name="isFeatured"
                label={t('featured')}
                checked={draft.isFeatured}
                onValue={(isFeatured) => setDraft({ isFeatured })}
                errors={errors}
              />
            </fieldset>

            <FeatureImagePanel
              image={draft.featuredImage}
              disabled={!canEdit}
              errors={errors}
              onChange={(featuredImage) => setDraft({ featuredImage })}
            />

            <AuthorsPanel
              post={post}
              staff={staffList.data?.staff ?? [me]}
              selected={draft.authorIds}
              disabled={!canEdit}
              onChange={(authorIds) => setDraft({ authorIds })}
            />

            <TagPicker
              tags={tags.data?.tags ?? []}
              selected={draft.tagIds}
              disabled={!canEdit}
              canCreate={may('tag', 'create')}
              onChange={(tagIds) => setDraft({ tagIds })}
              onCreated={(tag) => tags.setData({ tags: [...(tags.data?.tags ?? []), tag] })}
            />

            <SeoPanel draft={draft} disabled={!canEdit} errors={errors} setDraft={setDraft} />

            {(canSendNewsletter || (mayReadNewsletters && canEdit)) && id.current ? (
              <NewsletterSends
                key={`${id.current}-${status}`}
                postId={id.current}
                newsletters={newsletters.data ?? []}
                canSend={canSendNewsletter}
                isPublished={status === 'published'}
              />
            ) : null}

            {id.current ? (
              <Revisions
                path={postPath()}
                canRestore={canEdit}
                onRestored={(restored) => {
                  editing.showPost(restored);
                  setBodyKey((k) => k + 1);
                  editing.setSaveState('saved');
                  setMessage(t('revisionRestored'));
                }}
              />
            ) : null}
          </div>
        </form>
      )}
    </>
  );
}
