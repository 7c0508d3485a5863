// Settings → Import: a WordPress or Ghost site brought in. Choose the source, upload its export (and a
// ZIP of its images), read the plan the job makes (a dry run), confirm, watch the import and read its
// report. The job does the work; this screen only asks and polls, so leaving it stops nothing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, request, type ImportJob, type ImportJobSummary, type ImportSource } from '../api.js';
import { ImportReportView } from '../components/import-report.js';
import { formatDate, formatNumber, t } from '../i18n.js';
import {
  Button,
  ConfirmButton,
  ErrorSummary,
  errorsOf,
  Loading,
  ScreenHeading,
  StatusMessage,
  type Errors,
} from '../ui.js';

const pollMs = 1000;
const working = new Set<ImportJob['status']>(['plan-queued', 'planning', 'queued', 'running']);
const finished = new Set<ImportJob['status']>(['done', 'failed', 'cancelled']);

const jobPath = (id: string, action = '') => `/imports/${encodeURIComponent(id)}${action}`;

/** The import shown: the one not finished, else the newest (its report), polled while the job works. */
function useCurrentImport() {
  const [job, setJob] = useState<ImportJob | null | undefined>(undefined);
  const [errors, setErrors] = useState<Errors>([]);
  const load = async (id?: string) => {
    try {
      if (id) return setJob((await api.get<{ import: ImportJob }>(jobPath(id))).import);
      const { imports } = await api.get<{ imports: ImportJobSummary[] }>('/imports');
      const shown =
        imports.find((i) => !finished.has(i.status)) ?? imports.find((i) => i.status !== 'cancelled');
      setJob(shown ? (await api.get<{ import: ImportJob }>(jobPath(shown.id))).import : null);
      setErrors([]);
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };
  useEffect(() => void load(), []);
  useEffect(() => {
    if (!job || !working.has(job.status)) return;
    const timer = setTimeout(() => void load(job.id), pollMs);
    return () => clearTimeout(timer);
  }, [job]);
  return { job, setJob, errors, setErrors, reload: load };
}

export function ImportScreen() {
  const { job, setJob, errors, setErrors } = useCurrentImport();
  // What was just asked, said while the import is still in the status the answer gave it.
  const [said, say] = useState({ text: '', status: '' });
  const setMessage = (text: string, answered?: ImportJob) => say({ text, status: answered?.status ?? '' });
  const message = said.status === (job?.status ?? '') ? said.text : '';
  const act = async (action: string, done: string) => {
    try {
      const answered = (await api.post<{ import: ImportJob }>(jobPath(job!.id, action))).import;
      setJob(answered);
      setErrors([]);
      setMessage(done, answered);
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };
  const isNew = job === null || job?.status === 'cancelled';
  return (
    <>
      <ScreenHeading>{t('importTitle')}</ScreenHeading>
      <p>{t('importIntro')}</p>
      <StatusMessage message={message} />
      <ErrorSummary errors={errors} />
      <Loading isLoading={job === undefined} />
      {job && !isNew ? (
        <ImportState
          job={job}
          onRun={() => act('/run', t('importQueued'))}
          onCancel={() => act('/cancel', t('importCancelled'))}
          onAnother={() => {
            setMessage('');
            setJob(null);
          }}
        />
      ) : null}
      {isNew ? (
        <StartImport
          onStarted={(started) => {
            setMessage(t('importPlanQueued'), started);
            setJob(started);
          }}
        />
      ) : null}
    </>
  );
}

function ImportState(props: {
  job: ImportJob;
  onRun: () => void;
  onCancel: () => void;
  onAnother: () => void;
}) {
  const { job } = props;
  const cancel = (
    <ConfirmButton
      label={t('importCancel')}
      confirmText={t('importConfirmCancel')}
      onConfirm={props.onCancel}
    />
  );
  return (
    <section class="panel" aria-labelledby="import-state-heading">
      <h2 id="import-state-heading">
        {t(job.source === 'ghost' ? 'importFromGhost' : 'importFromWordPress')}:{' '}
        {t(`importStatus_${job.status}`)}
      </h2>
      <p class="muted">{[...fileNames(job), formatDate(job.createdAt)].join(' · ')}</p>
      {working.has(job.status) ? <JobProgress job={job} /> : null}
      {job.status === 'uploading' ? (
        <>
          <p>{t('importUploadUnfinished')}</p>
          {cancel}
        </>
      ) : null}
      {job.status === 'failed' ? (
        <p class="error-text">{t('importFailed', { error: job.error ?? '' })}</p>
      ) : null}
      {job.status === 'planned' && job.plan ? (
        <>
          <ImportReportView report={job.plan} prefix="plan" />
          <p>{t('importConfirmHint')}</p>
          <div class="actions">
            <Button variant="primary" onClick={props.onRun}>
              {t('importRun')}
            </Button>
            {cancel}
          </div>
        </>
      ) : null}
      {job.status === 'queued' || job.status === 'plan-queued' ? cancel : null}
      {job.status === 'done' && job.report ? <ImportReportView report={job.report} prefix="report" /> : null}
      {finished.has(job.status) ? (
        <div class="actions">
          <Button onClick={props.onAnother}>{t('importAnother')}</Button>
        </div>
      ) : null}
    </section>
  );
}

/** The uploaded files; once the job has deleted them, the names its report keeps. */
function fileNames(job: ImportJob): string[] {
  const names = job.files.length ? job.files.map((f) => f.filename) : ((job.report ?? job.plan)?.files ?? []);
  return names.length ? [names.join(', ')] : [];
}

function JobProgress({ job }: { job: ImportJob }) {
  const progress = job.progress;
  const isPlan = job.status === 'plan-queued' || job.status === 'planning';
  const started = progress && progress.phase === (isPlan ? 'plan' : 'import') && progress.total > 0;
  const text = started
    ? t('importProgressOf', { done: formatNumber(progress.done), total: formatNumber(progress.total) })
    : t(isPlan ? 'importPlanWaiting' : 'importRunWaiting');
  return (
    <>
      <progress
        max={started ? progress.total : 1}
        value={started ? progress.done : undefined}
        aria-label={t(isPlan ? 'importPlanProgress' : 'importRunProgress')}
        aria-valuetext={text}
      />
      <p class="status" role="status" aria-live="polite">
        {text}
      </p>
    </>
  );
}

/** Source, files, upload: the job is made, each file sent, then the plan asked for. */
function StartImport({ onStarted }: { onStarted: (job: ImportJob) => void }) {
  const [source, setSource] = useState<ImportSource>('wordpress');
  const [errors, setErrors] = useState<Errors>([]);
  const [sending, setSending] = useState('');
  const exportsInput = useRef<HTMLInputElement>(null);
  const archiveInput = useRef<HTMLInputElement>(null);
  const submit = async () => {
    const files = [...(exportsInput.current?.files ?? [])];
    if (files.length === 0)
      return setErrors([{ code: 'VALIDATION', message: t('chooseFileFirst'), property: 'importExport' }]);
    const archive = archiveInput.current?.files?.[0];
    let job: ImportJob | undefined;
    try {
      job = (await api.post<{ import: ImportJob }>('/imports', { source })).import;
      for (const file of archive ? [...files, archive] : files) {
        setSending(t('importUploading', { name: file.name }));
        await request('POST', jobPath(job.id, '/files'), undefined, {
          file,
          query: { filename: file.name },
        }).catch((error: unknown) => {
          throw new ApiError(
            (error as ApiError).status ?? 0,
            errorsOf(error).map((e) => ({ ...e, property: null, message: `${file.name}: ${e.message}` })),
          );
        });
      }
      setErrors([]);
      onStarted((await api.post<{ import: ImportJob }>(jobPath(job.id, '/plan'))).import);
    } catch (error) {
      setErrors(errorsOf(error));
      // A refused file ends the attempt: the job and whatever it was given are dropped.
      if (job) await api.post(jobPath(job.id, '/cancel')).catch(() => undefined);
    } finally {
      setSending('');
    }
  };
  return (
    <section class="panel" aria-labelledby="import-start-heading">
      <h2 id="import-start-heading">{t('importStart')}</h2>
      <ErrorSummary errors={errors} />
      <form
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset>
          <legend>{t('importSource')}</legend>
          {(['wordpress', 'ghost'] as const).map((s) => (
            <div class="checkbox" key={s}>
              <input
                id={`f-importSource-${s}`}
                type="radio"
                name="importSource"
                value={s}
                checked={source === s}
                onChange={() => setSource(s)}
              />
              <label for={`f-importSource-${s}`}>
                {t(s === 'ghost' ? 'importFromGhost' : 'importFromWordPress')}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for="f-importExport">{t('importExportFile')}</label>
          <p class="hint" id="f-importExport-hint">
            {t(source === 'ghost' ? 'importGhostHint' : 'importWordPressHint')}
          </p>
          <input
            id="f-importExport"
            ref={exportsInput}
            type="file"
            multiple={source === 'wordpress'}
            accept={source === 'ghost' ? '.json,application/json' : '.xml,text/xml,application/xml'}
            aria-describedby="f-importExport-hint"
            aria-invalid={errors.some((e) => e.property === 'importExport') ? 'true' : undefined}
          />
        </div>
        <div class="field">
          <label for="f-importArchive">{t('importArchiveFile')}</label>
          <p class="hint" id="f-importArchive-hint">
            {t(source === 'ghost' ? 'importGhostArchiveHint' : 'importWordPressArchiveHint')}
          </p>
          <input
            id="f-importArchive"
            ref={archiveInput}
            type="file"
            accept=".zip,application/zip"
            aria-describedby="f-importArchive-hint"
          />
        </div>
        <p class="status" role="status" aria-live="polite">
          {sending}
        </p>
        <div class="actions">
          <button type="submit" class="button primary" disabled={sending !== ''}>
            {sending ? t('importSending') : t('importMakePlan')}
          </button>
        </div>
      </form>
    </section>
  );
}
