// The post's record: its corrections, clarifications, updates and editor's notes. A note is published
// the moment it is added and can never be changed or deleted; a mistake is answered by another note.
import { useState } from 'preact/hooks';
import { api, type NewsletterSend, type NoteKind, type PostNote } from '../api.js';
import { formatDate, t } from '../i18n.js';
import {
  Button,
  ConfirmButton,
  ErrorSummary,
  errorsOf,
  SelectField,
  TextArea,
  useLoad,
  type Errors,
} from '../ui.js';

const kinds: NoteKind[] = ['correction', 'clarification', 'update', 'editors-note'];
const kindLabel = (kind: NoteKind) => t(`noteKind_${kind.replace('-', '_')}` as 'noteKind_correction');

export function NotesPanel(props: {
  /** `/posts/ID` or `/pages/ID`. */
  path: string;
  notes: PostNote[];
  /** Notes go on posts that have been published; a draft is simply edited. */
  isEverPublished: boolean;
  canAdd: boolean;
  /** May send newsletters: a correction can follow the post to the readers it reached. */
  canSend: boolean;
  /** The post's id, for its sends (posts only: pages are not sent). */
  postId: string | null;
  onAdded: (note: PostNote) => void;
}) {
  const sends = useLoad(
    () =>
      props.canSend && props.postId
        ? api
            .get<{ sends: NewsletterSend[] }>('/sends', { postId: props.postId })
            .then((a) => a.sends)
            .catch(() => [] as NewsletterSend[])
        : Promise.resolve([] as NewsletterSend[]),
    [props.postId, props.canSend],
  );
  const wasSent = (sends.data ?? []).some((s) => s.noteId === null);
  const sentNotes = new Set((sends.data ?? []).map((s) => s.noteId));
  const sendCorrection = async (note: PostNote) => {
    try {
      await api.post('/sends/corrections', { postId: props.postId, noteId: note.id });
      setErrors([]);
      setMessage(t('correctionSent'));
      await sends.reload();
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };
  const [kind, setKind] = useState<NoteKind>('correction');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Errors>([]);
  const [message, setMessage] = useState('');
  const add = async () => {
    try {
      const { note } = await api.post<{ note: PostNote }>(`${props.path}/notes`, { kind, body });
      setErrors([]);
      setBody('');
      setMessage(t('notePublished'));
      props.onAdded(note);
      // The confirming buttons are gone: focus goes to the note just published, not to the page.
      requestAnimationFrame(() => document.getElementById(`admin-note-${note.id}`)?.focus());
    } catch (error) {
      setMessage('');
      setErrors(errorsOf(error));
    }
  };
  return (
    <section class="panel notes-panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading" class="panel-title">
        {t('notes')}
      </h2>
      {props.notes.length ? (
        <ol class="notes">
          {props.notes.map((n) => (
            <li key={n.id} id={`admin-note-${n.id}`} tabIndex={-1} class={`note note-${n.kind}`}>
              <p class="small">
                <strong>{kindLabel(n.kind)}</strong> · {formatDate(n.createdAt)} · {n.authorName}
              </p>
              <p class="note-body">{n.body}</p>
              {n.kind === 'correction' && wasSent ? (
                sentNotes.has(n.id) ? (
                  <p class="small muted">{t('correctionSentToReaders')}</p>
                ) : (
                  <Button
                    aria-label={t('sendCorrectionNamed', { date: formatDate(n.createdAt) })}
                    onClick={() => void sendCorrection(n)}
                  >
                    {t('sendCorrection')}
                  </Button>
                )
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{t('noNotes')}</p>
      )}
      <ErrorSummary errors={errors} />
      {props.canAdd && props.isEverPublished ? (
        <div class="note-form">
          <SelectField
            name="noteKind"
            label={t('noteKind')}
            value={kind}
            onValue={(value) => setKind(value as NoteKind)}
            options={kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          />
          <TextArea
            name="noteBody"
            label={t('noteText')}
            hint={t('noteHint')}
            value={body}
            onValue={setBody}
            errors={errors.map((e) => (e.property === 'body' ? { ...e, property: 'noteBody' } : e))}
            rows={4}
          />
          <ConfirmButton
            label={t('publishNote')}
            confirmText={t('publishNoteConfirm')}
            disabled={!body.trim()}
            onConfirm={add}
          />
        </div>
      ) : props.canAdd ? (
        <p class="muted small">{t('notesAfterPublishing')}</p>
      ) : null}
      <p class="status" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
