// The members screen's forms: add a member, edit one, import members from CSV.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Member, type MemberImport, type MemberStatus, type Newsletter } from '../api.js';
import { formatNumber, t } from '../i18n.js';
import { Button, Checkbox, ErrorSummary, errorsOf, SelectField, TextField, type Errors } from '../ui.js';

export const memberStatuses: MemberStatus[] = ['active', 'pending', 'unsubscribed'];

export function NewsletterChecks(props: {
  idPrefix: string;
  newsletters: Newsletter[];
  selected: string[];
  onChange: (ids: string[]) => void;
  errors?: Errors;
}) {
  return (
    <fieldset class="checklist">
      <legend>{t('memberNewsletters')}</legend>
      {props.newsletters.length === 0 ? <p class="muted">{t('noNewsletters')}</p> : null}
      {props.newsletters.map((n) => (
        <Checkbox
          key={n.id}
          name={`${props.idPrefix}-${n.id}`}
          label={n.name}
          checked={props.selected.includes(n.id)}
          onValue={(on) =>
            props.onChange(on ? [...props.selected, n.id] : props.selected.filter((x) => x !== n.id))
          }
        />
      ))}
      {props.errors?.some((e) => e.property === 'newsletterIds') ? (
        <p class="field-error">{props.errors.find((e) => e.property === 'newsletterIds')?.message}</p>
      ) : null}
    </fieldset>
  );
}

export function AddMember(props: { newsletters: Newsletter[]; onAdded: (email: string) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [newsletterIds, setNewsletterIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>([]);
  return (
    <section class="panel" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">{t('addMember')}</h2>
      <p class="hint">{t('addMemberHint')}</p>
      <ErrorSummary errors={errors} />
      <form
        class="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const added = email.trim();
            await api.post('/members', { email: added, name: name.trim() || undefined, newsletterIds });
            setErrors([]);
            setEmail('');
            setName('');
            setNewsletterIds([]);
            await props.onAdded(added);
          } catch (error) {
            setErrors(errorsOf(error));
          }
        }}
      >
        <TextField
          name="email"
          id="add-member-email"
          type="email"
          label={t('email')}
          value={email}
          onValue={setEmail}
          errors={errors}
          autoComplete="off"
          required
        />
        <TextField
          name="name"
          id="add-member-name"
          label={t('name')}
          value={name}
          onValue={setName}
          errors={errors}
          autoComplete="off"
        />
        <NewsletterChecks
          idPrefix="add-newsletter"
          newsletters={props.newsletters}
          selected={newsletterIds}
          onChange={setNewsletterIds}
          errors={errors}
        />
        <div class="actions">
          <button type="submit" class="button primary">
            {t('addMember')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function EditMember(props: {
  member: Member;
  newsletters: Newsletter[];
  onCancel: () => void;
  onSaved: () => Promise<void>;
}) {
  const { member } = props;
  const [name, setName] = useState(member.name);
  const [status, setStatus] = useState<MemberStatus>(member.status);
  const [newsletterIds, setNewsletterIds] = useState(member.newsletterIds);
  const [errors, setErrors] = useState<Errors>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [member.id]);
  return (
    <section class="panel" aria-labelledby="edit-member-heading">
      <h2 id="edit-member-heading" tabIndex={-1} ref={heading}>
        {t('editMember', { email: member.email })}
      </h2>
      <ErrorSummary errors={errors} />
      <form
        class="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await api.patch(`/members/${encodeURIComponent(member.id)}`, {
              name: name.trim(),
              status,
              newsletterIds,
            });
            setErrors([]);
            await props.onSaved();
          } catch (error) {
            setErrors(errorsOf(error));
          }
        }}
      >
        <TextField
          name="name"
          id="edit-member-name"
          label={t('name')}
          value={name}
          onValue={setName}
          errors={errors}
          autoComplete="off"
        />
        <SelectField
          name="status"
          id="edit-member-status"
          label={t('status')}
          value={status}
          onValue={(value) => setStatus(value as MemberStatus)}
          options={memberStatuses.map((s) => ({ value: s, label: t(`memberStatus_${s}`) }))}
          errors={errors}
        />
        <NewsletterChecks
          idPrefix="edit-newsletter"
          newsletters={props.newsletters}
          selected={newsletterIds}
          onChange={setNewsletterIds}
          errors={errors}
        />
        <div class="actions">
          <button type="submit" class="button primary">
            {t('save')}
          </button>
          <Button onClick={props.onCancel}>{t('cancel')}</Button>
        </div>
      </form>
    </section>
  );
}

const importPollMs = 1000;

/** Polls an import until the job has done it, gathering its report as it grows. */
function useImportProgress(started: MemberImport | null, onDone: () => Promise<void>) {
  const [progress, setProgress] = useState<MemberImport | null>(started);
  const [errors, setErrors] = useState<Errors>([]);
  useEffect(() => {
    setProgress(started);
    if (!started) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isStopped = false;
    let report: MemberImport['errors'] = [];
    const poll = async () => {
      try {
        const afterLine = report.at(-1)?.line ?? 0;
        const answer = await api.get<{ import: MemberImport }>(
          `/members/imports/${encodeURIComponent(started.id)}`,
          { afterLine: String(afterLine) },
        );
        if (isStopped) return;
        report = [...report, ...answer.import.errors];
        setProgress({ ...answer.import, errors: report });
        setErrors([]);
        // A long report comes a page at a time: ask again at once while pages come.
        if (answer.import.errors.length > 0) timer = setTimeout(() => void poll(), 0);
        else if (answer.import.status !== 'done') timer = setTimeout(() => void poll(), importPollMs);
        else await onDone();
      } catch (error) {
        if (isStopped) return;
        setErrors(errorsOf(error));
        timer = setTimeout(() => void poll(), importPollMs * 2);
      }
    };
    void poll();
    return () => {
      isStopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [started?.id]);
  return { progress, errors };
}

function ImportProgress({ progress }: { progress: MemberImport }) {
  const isDone = progress.status === 'done';
  const counts = {
    imported: formatNumber(progress.imported),
    updated: formatNumber(progress.updated),
    skipped: formatNumber(progress.skipped),
  };
  const lines = t('importProgress', {
    done: formatNumber(progress.linesDone),
    total: formatNumber(progress.totalLines),
  });
  return (
    <>
      <progress
        max={Math.max(progress.totalLines, 1)}
        value={progress.totalLines ? progress.linesDone : isDone ? 1 : 0}
        aria-label={t('importProgressLabel')}
        aria-valuetext={lines}
      />
      <p class="status" role="status" aria-live="polite">
        {isDone ? t('importResult', counts) : `${lines}: ${t('importResult', counts)}`}
      </p>
      {isDone && progress.errors.length ? (
        <>
          <h3 id="import-errors-heading">{t('importErrors')}</h3>
          <ul class="import-errors" aria-labelledby="import-errors-heading">
            {progress.errors.map((error) => (
              <li key={error.line}>
                {error.email
                  ? t('importLineWithEmail', { line: error.line, email: error.email, message: error.message })
                  : t('importLine', { line: error.line, message: error.message })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function ImportMembers(props: { onImported: () => Promise<void> }) {
  const file = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<Errors>([]);
  const [isSending, setSending] = useState(false);
  const [started, setStarted] = useState<MemberImport | null>(null);
  const { progress, errors: progressErrors } = useImportProgress(started, props.onImported);
  const isImporting = isSending || (progress !== null && progress.status !== 'done');
  return (
    <section class="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importCsv')}</h2>
      <ErrorSummary errors={[...errors, ...progressErrors]} />
      <form
        class="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const chosen = file.current?.files?.[0];
          if (!chosen) {
            setErrors([{ code: 'VALIDATION', message: t('chooseFileFirst'), property: 'importFile' }]);
            return;
          }
          setSending(true);
          setStarted(null);
          try {
            const answer = await api.postCsv<{ import: MemberImport }>(
              '/members/import',
              await chosen.text(),
            );
            setErrors([]);
            setStarted(answer.import);
            if (file.current) file.current.value = '';
          } catch (error) {
            setErrors(errorsOf(error));
          } finally {
            setSending(false);
          }
        }}
      >
        <div class="field">
          <label for="f-importFile">{t('importFile')}</label>
          <p class="hint" id="f-importFile-hint">
            {t('importHint')}
          </p>
          <input
            id="f-importFile"
            ref={file}
            type="file"
            accept=".csv,text/csv"
            aria-describedby="f-importFile-hint"
            aria-invalid={errors.some((e) => e.property === 'importFile') ? 'true' : undefined}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button" disabled={isImporting}>
            {isImporting ? t('importing') : t('importButton')}
          </button>
        </div>
      </form>
      {progress ? <ImportProgress progress={progress} /> : null}
    </section>
  );
}
