// The post and page editor: every post field, autosave of drafts, revisions, preview, publishing.
import { useEffect, useRef, useState } from 'preact/hooks';
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
import { MediaPicker } from '../components/media-picker.js';
import { NewsletterSends, SendAsNewsletter } from '../components/newsletter-sending.js';
import { PromotionPicker } from '../components/promotion-picker.js';
import { BodyEditor } from '../editor/body-editor.js';
import { rememberMedia } from '../editor/figure.js';
import { formatDate, t } from '../i18n.js';
import { navigate, replacePath } from '../router.js';
import { usePermissions, useSession } from '../session.js';
import {
  Button,
  Checkbox,
  ConfirmButton,
  ErrorSummary,
  errorsOf,
  Loading,
  ScreenHeading,
  SelectField,
  StatusMessage,
  TextArea,
  TextField,
  useLoad,
  type Errors,
} from '../ui.js';

import { FeaturePreview, Revisions, SourcesPanel } from '../components/post-panels.js';
import {
  type Draft,
  seoFields,
  tagKinds,
  draftOf,
  emptyDraft,
  bodyOf,
  isoFromLocal,
  localFromIso,
  type SaveState,
  autosaveDelayMs,
} from './post-draft.js';

export function PostEditorScreen({ type, id: routeId }: { type: PostType; id: string }) {
  const { staff: me } = useSession();
  const { may, mayOn } = usePermissions();
  const base = type === 'page' ? 'pages' : 'posts';
  const isNew = routeId === 'new';
  const [post, setPost] = useState<Post>();
  const [draft, setDraftState] = useState<Draft>();
  const [loadErrors, setLoadErrors] = useState<Errors>([]);
  const [errors, setErrors] = useState<Errors>([]);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [message, setMessage] = useState('');
  const [bodyKey, setBodyKey] = useState(0);
  const [schedule, setSchedule] = useState('');
  const [isPicking, setPicking] = useState(false);
  /** The newsletters the post is to be sent to when it goes live (publish now or schedule). */
  const [sendTo, setSendTo] = useState<string[]>([]);
  const id = useRef(isNew ? '' : routeId);
  const initialTranslationOf = useRef('');
  const draftRef = useRef<Draft>();
  const version = useRef(0);
  const isSaving = useRef(false);
  const saveAgain = useRef(false);

  const settings = useLoad(
    () =>
      may('settings', 'read')
        ? api.get<{ settings: Settings }>('/settings').catch(() => undefined)
        : Promise.resolve(undefined),
    [],
  );
  const staffList = useLoad(() => api.get<{ staff: Staff[] }>('/staff').catch(() => ({ staff: [me] })), []);
  const tags = useLoad(() => api.get<{ tags: Tag[] }>('/tags').catch(() => ({ tags: [] })), []);
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

  useEffect(() => {
    void (async () => {
      if (isNew) {
        const start = emptyDraft(me, 'en');
        draftRef.current = start;
        setDraftState(start);
        return;
      }
      try {
        const { post: loaded } = await api.get<{ post: Post }>(`/${base}/${encodeURIComponent(routeId)}`);
        if (loaded.featuredImage?.url)
          rememberMedia({ id: loaded.featuredImage.mediaId, url: loaded.featuredImage.url });
        setPost(loaded);
        draftRef.current = draftOf(loaded);
        initialTranslationOf.current = draftRef.current.translationOf;
        setDraftState(draftRef.current);
        setSchedule(loaded.status === 'scheduled' ? localFromIso(loaded.publishedAt) : '');
      } catch (error) {
        setLoadErrors(errorsOf(error));
      }
    })();
  }, []);

  // A new post takes the site's default language once settings are known.
  useEffect(() => {
    const language = settings.data?.settings.defaultLanguage;
    if (isNew && language && draftRef.current && version.current === 0) setDraft({ language }, false);
  }, [settings.data]);

  const status = post?.status ?? 'draft';
  const isOwn = isNew || (draft?.authorIds ?? []).includes(me.id);
  const everPublished = status !== 'draft' || Boolean(post?.publishedAt);
  const canEdit = isNew ? may(type, 'create') : mayOn(type, 'update', { isOwn, isPublished: everPublished });
  const canPublish = mayOn(type, 'publish', { isOwn, isPublished: everPublished });
  const canDelete = !isNew && mayOn(type, 'delete', { isOwn, isPublished: everPublished });
  const canSendNewsletter = type === 'post' && may('newsletter', 'publish');
  const activeNewsletters = (newsletters.data ?? []).filter((n) => n.isActive);
  /** The publish request's body, with the newsletters to send to when some are checked. */
  const publishBody = (body: Record<string, unknown>) => {
    const newsletterIds = sendTo.filter((nid) => activeNewsletters.some((n) => n.id === nid));
    return canSendNewsletter && newsletterIds.length ? { ...body, newsletterIds } : body;
  };

  async function save(autosave: boolean): Promise<boolean> {
    const snapshot = draftRef.current;
    if (!snapshot) return false;
    if (isSaving.current) {
      saveAgain.current = true;
      return false;
    }
    if (!id.current && !snapshot.title.trim()) {
      if (!autosave) setErrors([{ code: 'VALIDATION', message: t('titleRequired'), property: 'title' }]);
      return false;
    }
    isSaving.current = true;
    const savedVersion = version.current;
    setSaveState('saving');
    try {
      const answer = id.current
        ? await api.patch<{ post: Post }>(`/${base}/${encodeURIComponent(id.current)}`, {
            ...bodyOf(snapshot, initialTranslationOf.current),
            ...(autosave ? { autosave: true } : {}),
          })
        : await api.post<{ post: Post }>(`/${base}`, { ...bodyOf(snapshot, ''), type });
      if (!id.current) {
        id.current = answer.post.id;
        replacePath(`/${base}/${answer.post.id}`);
      }
      setPost(answer.post);
      initialTranslationOf.current = snapshot.translationOf;
      setErrors([]);
      setSaveState(version.current === savedVersion ? 'saved' : 'unsaved');
      return true;
    } catch (error) {
      setErrors(errorsOf(error));
      setSaveState('failed');
      return false;
    } finally {
      isSaving.current = false;
      if (saveAgain.current) {
        saveAgain.current = false;
        void save(true);
      }
    }
  }

  // Drafts save themselves a moment after the last change.
  useEffect(() => {
    if (saveState !== 'unsaved' || status !== 'draft' || !canEdit) return;
    const timer = setTimeout(() => void save(true), autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [draft, saveState, status]);

  function setDraft(change: Partial<Draft>, isEdit = true) {
    const next = { ...draftRef.current!, ...change };
    draftRef.current = next;
    setDraftState(next);
    if (isEdit) {
      version.current++;
      setSaveState('unsaved');
    }
  }

  const act = async (run: () => Promise<{ post: Post }>, done: string) => {
    if (saveState === 'unsaved' || !id.current) {
      if (!(await save(false))) return;
    }
    try {
      const answer = await run();
      setPost(answer.post);
      setErrors([]);
      setSendTo([]);
      setMessage(done);
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };
  const postPath = () => `/${base}/${encodeURIComponent(id.current)}`;

  if (loadErrors.length)
    return (
      <>
        <ScreenHeading>{type === 'page' ? t('editPage') : t('editPost')}</ScreenHeading>
        <ErrorSummary errors={loadErrors} />
        <p>
          <a href={`#/${base}`}>{t('backToList')}</a>
        </p>
      </>
    );

  const heading = isNew
    ? type === 'page'
      ? t('newPage')
      : t('newPost')
    : type === 'page'
      ? t('editPage')
      : t('editPost');
  const saveText: Record<SaveState, string> = {
    idle: '',
    unsaved: t('unsavedChanges'),
    saving: t('saving'),
    saved: t('saved'),
    failed: t('saveFailed'),
  };
  const languages = [
    ...new Set([...(settings.data?.settings.languages ?? ['en', 'nb']), draft?.language ?? 'en']),
  ];
  const grouped = tagKinds
    .map((kind) => ({ kind, tags: tags.data?.tags.filter((tag) => tag.kind === kind) ?? [] }))
    .filter((g) => g.tags.length);

  return (
    <>
      <div class="screen-head">
        <ScreenHeading>{heading}</ScreenHeading>
        <p class="save-state" role="status" aria-live="polite">
          {saveText[saveState]}
        </p>
      </div>
      <p>
        <a href={`#/${base}`}>{t('backToList')}</a>
      </p>
      <ErrorSummary errors={errors} />
      <StatusMessage message={message} />
      {!draft ? (
        <Loading isLoading />
      ) : (
        <form
          class="editor"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save(false);
          }}
        >
          <fieldset class="editor-main" disabled={!canEdit}>
            <legend class="visually-hidden">{t('content')}</legend>
            <TextField
              name="title"
              label={t('title')}
              value={draft.title}
              onValue={(title) => setDraft({ title })}
              errors={errors}
              required
            />
            <TextArea
              name="standfirst"
              label={t('standfirst')}
              value={draft.standfirst}
              onValue={(standfirst) => setDraft({ standfirst })}
              errors={errors}
              rows={2}
            />
            <div class="field">
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
            <section class="panel" aria-labelledby="publish-heading">
              <h2 id="publish-heading">{t('publishing')}</h2>
              <p>
                {t('status')}: <span class={`badge badge-${status}`}>{t(`status_${status}`)}</span>
                {post?.publishedAt ? <span class="muted small"> {formatDate(post.publishedAt)}</span> : null}
              </p>
              <div class="actions">
                {canEdit ? (
                  <button type="submit" class="button primary">
                    {status === 'draft' ? t('saveDraft') : t('update')}
                  </button>
                ) : null}
                {id.current || post ? (
                  <a class="button" href={`/admin/api${postPath()}/preview`} target="_blank" rel="noopener">
                    {t('preview')}
                    <span class="visually-hidden"> {t('opensInNewTab')}</span>
                  </a>
                ) : null}
              </div>
              {canPublish ? (
                <>
                  {canSendNewsletter && status !== 'published' ? (
                    <SendAsNewsletter
                      newsletters={activeNewsletters}
                      selected={sendTo}
                      onChange={setSendTo}
                    />
                  ) : null}
                  <div class="actions">
                    {status !== 'published' ? (
                      <Button
                        variant="primary"
                        onClick={() =>
                          void act(
                            () => api.post(`${postPath()}/publish`, publishBody({})),
                            t('publishedNow'),
                          )
                        }
                      >
                        {t('publishNow')}
                      </Button>
                    ) : null}
                    {status !== 'draft' ? (
                      <Button
                        onClick={() =>
                          void act(() => api.post(`${postPath()}/unpublish`, {}), t('unpublished'))
                        }
                      >
                        {t('unpublish')}
                      </Button>
                    ) : null}
                  </div>
                  <div class="schedule">
                    <TextField
                      name="schedule"
                      type="datetime-local"
                      label={t('scheduleFor')}
                      value={schedule}
                      onValue={setSchedule}
                    />
                    <Button
                      disabled={!schedule}
                      onClick={() =>
                        void act(
                          () =>
                            api.post(
                              `${postPath()}/publish`,
                              publishBody({ publishedAt: isoFromLocal(schedule) }),
                            ),
                          t('scheduled'),
                        )
                      }
                    >
                      {t('schedule')}
                    </Button>
                  </div>
                </>
              ) : null}
              {canDelete ? (
                <div class="actions">
                  <ConfirmButton
                    label={t('delete')}
                    confirmText={t('confirmDeletePost')}
                    onConfirm={async () => {
                      try {
                        await api.delete(postPath());
                        navigate(`/${base}`);
                      } catch (error) {
                        setErrors(errorsOf(error));
                      }
                    }}
                  />
                </div>
              ) : null}
            </section>

            <fieldset class="panel" disabled={!canEdit}>
              <legend>{t('details')}</legend>
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

            <fieldset class="panel" disabled={!canEdit}>
              <legend>{t('featureImage')}</legend>
              {draft.featuredImage ? (
                <>
                  <FeaturePreview image={draft.featuredImage} />
                  <TextField
                    name="featuredImage.alt"
                    label={t('altText')}
                    value={draft.featuredImage.alt}
                    onValue={(alt) => setDraft({ featuredImage: { ...draft.featuredImage!, alt } })}
                    errors={errors}
                  />
                  <TextField
                    name="featuredImage.caption"
                    label={t('caption')}
                    value={draft.featuredImage.caption}
                    onValue={(caption) => setDraft({ featuredImage: { ...draft.featuredImage!, caption } })}
                    errors={errors}
                  />
                  <TextField
                    name="featuredImage.credit"
                    label={t('credit')}
                    value={draft.featuredImage.credit}
                    onValue={(credit) => setDraft({ featuredImage: { ...draft.featuredImage!, credit } })}
                    errors={errors}
                  />
                </>
              ) : (
                <p class="muted">{t('noFeatureImage')}</p>
              )}
              <div class="actions">
                <Button onClick={() => setPicking(true)}>
                  {draft.featuredImage ? t('changeImage') : t('chooseImage')}
                </Button>
                {draft.featuredImage ? (
                  <Button onClick={() => setDraft({ featuredImage: null })}>{t('removeImage')}</Button>
                ) : null}
              </div>
            </fieldset>

            <fieldset class="panel checklist" disabled={!canEdit}>
              <legend>{t('authors')}</legend>
              {[
                ...new Map(
                  [...(post?.authors ?? []), ...(staffList.data?.staff ?? [me])].map((s) => [s.id, s]),
                ).values(),
              ].map((s) => (
                <Checkbox
                  key={s.id}
                  name={`author-${s.id}`}
                  label={s.name}
                  checked={draft.authorIds.includes(s.id)}
                  onValue={(on) =>
                    setDraft({
                      authorIds: on ? [...draft.authorIds, s.id] : draft.authorIds.filter((a) => a !== s.id),
                    })
                  }
                />
              ))}
            </fieldset>

            <fieldset class="panel checklist" disabled={!canEdit}>
              <legend>{t('tagsAndTopics')}</legend>
              {grouped.length === 0 ? <p class="muted">{t('noTags')}</p> : null}
              {grouped.map((group) => (
                <fieldset key={group.kind} class="subgroup">
                  <legend>{t(`kind_${group.kind}`)}</legend>
                  {group.tags.map((tag) => (
                    <Checkbox
                      key={tag.id}
                      name={`tag-${tag.id}`}
                      label={tag.name}
                      checked={draft.tagIds.includes(tag.id)}
                      onValue={(on) =>
                        setDraft({
                          tagIds: on ? [...draft.tagIds, tag.id] : draft.tagIds.filter((x) => x !== tag.id),
                        })
                      }
                    />
                  ))}
                </fieldset>
              ))}
            </fieldset>

            <details class="panel">
              <summary>{t('seoAndSocial')}</summary>
              <fieldset disabled={!canEdit}>
                <legend class="visually-hidden">{t('seoAndSocial')}</legend>
                <TextField
                  name="canonicalUrl"
                  type="url"
                  label={t('canonicalUrl')}
                  value={draft.canonicalUrl}
                  onValue={(canonicalUrl) => setDraft({ canonicalUrl })}
                  errors={errors}
                />
                {seoFields.map(([field, label]) =>
                  field.endsWith('Description') ? (
                    <TextArea
                      key={field}
                      name={field}
                      label={t(label)}
                      value={draft[field]}
                      onValue={(value) => setDraft({ [field]: value })}
                      errors={errors}
                      rows={2}
                    />
                  ) : (
                    <TextField
                      key={field}
                      name={field}
                      label={t(label)}
                      value={draft[field]}
                      onValue={(value) => setDraft({ [field]: value })}
                      errors={errors}
                    />
                  ),
                )}
              </fieldset>
            </details>

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
                  setPost(restored);
                  draftRef.current = draftOf(restored);
                  initialTranslationOf.current = draftRef.current.translationOf;
                  setDraftState(draftRef.current);
                  setBodyKey((k) => k + 1);
                  setSaveState('saved');
                  setMessage(t('revisionRestored'));
                }}
              />
            ) : null}
          </div>
          <MediaPicker
            isOpen={isPicking}
            title={t('featureImage')}
            withDetails
            initial={draft.featuredImage ?? undefined}
            onClose={() => setPicking(false)}
            onChoose={({ media, alt, caption, credit }) => {
              rememberMedia(media);
              setDraft({ featuredImage: { mediaId: media.id, url: media.url, alt, caption, credit } });
              setPicking(false);
            }}
          />
        </form>
      )}
    </>
  );
}
