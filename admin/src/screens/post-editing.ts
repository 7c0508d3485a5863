// The editor's state and saving: loading the post, the draft the form holds, the first keystroke of a
// new post creating it, drafts saving themselves a moment after the last change (quietly: problems are
// shown on save and publish, never while typing), and explicit saves that check the form first.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Post, type PostType, type Staff } from '../api.js';
import { useBusyWhile } from '../busy.js';
import { rememberMedia } from '../editor/figure.js';
import { t } from '../i18n.js';
import { replacePath } from '../router.js';
import { errorsOf, type Errors } from '../ui.js';
import { autosaveDelayMs, bodyOf, draftOf, emptyDraft, type Draft, type SaveState } from './post-draft.js';
import { checkDraft, plainErrors } from './post-problems.js';

export type SaveMode = 'autosave' | 'save' | 'publish';

export function usePostEditing(props: {
  type: PostType;
  routeId: string;
  me: Staff;
  canAutosave: () => boolean;
}) {
  const { type } = props;
  const base = type === 'page' ? 'pages' : 'posts';
  const isNew = props.routeId === 'new';
  const [post, setPost] = useState<Post>();
  const [draft, setDraftState] = useState<Draft>();
  const [loadErrors, setLoadErrors] = useState<Errors>([]);
  const [errors, setErrors] = useState<Errors>([]);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  // Loading until the form has its draft (a new post's is made after the first paint).
  useBusyWhile(!draft && loadErrors.length === 0);
  const id = useRef(isNew ? '' : props.routeId);
  const initialTranslationOf = useRef('');
  const draftRef = useRef<Draft>();
  const version = useRef(0);
  const isSaving = useRef(false);
  const saveAgain = useRef(false);
  /** A post created here whose slug the writer left empty: its slug follows its title until published. */
  const slugFollowsTitle = useRef(isNew);

  const replaceDraft = (next: Draft) => {
    draftRef.current = next;
    setDraftState(next);
  };

  const showPost = (loaded: Post) => {
    if (loaded.featuredImage?.url)
      rememberMedia({ id: loaded.featuredImage.mediaId, url: loaded.featuredImage.url });
    setPost(loaded);
    replaceDraft(draftOf(loaded));
    initialTranslationOf.current = draftRef.current!.translationOf;
    if (loaded.status === 'draft' && !draftRef.current!.slug) slugFollowsTitle.current = true;
  };

  useEffect(() => {
    if (isNew) return replaceDraft(emptyDraft(props.me, 'en'));
    api
      .get<{ post: Post }>(`/${base}/${encodeURIComponent(props.routeId)}`)
      .then(({ post: loaded }) => showPost(loaded))
      .catch((error) => setLoadErrors(errorsOf(error)));
  }, []);

  const requestBody = (snapshot: Draft) => {
    const body = bodyOf(snapshot, id.current ? initialTranslationOf.current : '');
    const isLive = post && post.status !== 'draft';
    return {
      ...body,
      // A draft is saved before it has a title; the list shows it as untitled.
      title: body.title.trim() || t('untitled'),
      ...(slugFollowsTitle.current && !snapshot.slug.trim() && !isLive ? { slug: '' } : {}),
    };
  };

  async function save(mode: SaveMode): Promise<boolean> {
    const snapshot = draftRef.current;
    if (!snapshot) return false;
    if (mode !== 'autosave') {
      const problems = checkDraft(snapshot, mode === 'publish');
      if (problems.length) {
        setErrors(problems);
        return false;
      }
    }
    if (isSaving.current) {
      saveAgain.current = true;
      return false;
    }
    isSaving.current = true;
    const savedVersion = version.current;
    setSaveState('saving');
    try {
      const answer = id.current
        ? await api.patch<{ post: Post }>(`/${base}/${encodeURIComponent(id.current)}`, {
            ...requestBody(snapshot),
            ...(mode === 'autosave' ? { autosave: true } : {}),
          })
        : await api.post<{ post: Post }>(`/${base}`, { ...requestBody(snapshot), type });
      if (!id.current) {
        id.current = answer.post.id;
        replacePath(`/${base}/${answer.post.id}`);
      }
      setPost(answer.post);
      initialTranslationOf.current = snapshot.translationOf;
      if (mode !== 'autosave' || errors.length) setErrors([]);
      setSaveState(version.current === savedVersion ? 'saved' : 'unsaved');
      return true;
    } catch (error) {
      // While typing, a problem only shows as "not saved"; an explicit save names it beside its field.
      if (mode !== 'autosave') setErrors(plainErrors(errorsOf(error)));
      setSaveState('failed');
      return false;
    } finally {
      isSaving.current = false;
      if (saveAgain.current) {
        saveAgain.current = false;
        void save('autosave');
      }
    }
  }

  const status = post?.status ?? 'draft';
  // Drafts save themselves a moment after the last change.
  useEffect(() => {
    if (saveState !== 'unsaved' || status !== 'draft' || !props.canAutosave()) return;
    const timer = setTimeout(() => void save('autosave'), autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [draft, saveState, status]);

  function setDraft(change: Partial<Draft>, isEdit = true) {
    replaceDraft({ ...draftRef.current!, ...change });
    if (!isEdit) return;
    version.current++;
    setSaveState('unsaved');
    if ('slug' in change && change.slug?.trim()) slugFollowsTitle.current = false;
    // The first keystroke of a new post creates it, so nothing typed can be lost.
    if (!id.current && !isSaving.current && props.canAutosave()) void save('autosave');
  }

  return {
    base,
    isNew,
    id,
    post,
    setPost,
    draft,
    setDraft,
    showPost,
    loadErrors,
    errors,
    setErrors,
    saveState,
    setSaveState,
    save,
    status,
    version,
  };
}
