// Newsletters in the post editor: the "Send as newsletter" choice when publishing or scheduling (with the
// number of members it will reach), the email preview and test send (newsletter-preview.tsx), and the
// panel of a post's sends, with "Send to a newsletter" for a published post, live progress (polled every
// 2 s until done) and, once done, the report of failed and possibly duplicated addresses.
import { useEffect, useState } from 'preact/hooks';
import { api, type Newsletter, type NewsletterSend, type SendReport } from '../api.js';
import { formatDate, formatNumber, t } from '../i18n.js';
import {
  Checkbox,
  ConfirmButton,
  ErrorSummary,
  errorsOf,
  Loading,
  SelectField,
  StatusMessage,
  useLoad,
  type Errors,
} from '../ui.js';
import { NewsletterPreviewPanel, RecipientCount } from './newsletter-preview.js';

const pollMs = 2000;

/** A checkbox per active newsletter: the post is sent to those checked when it goes live. */
export function SendAsNewsletter(props: {
  newsletters: Newsletter[];
  selected: string[];
  onChange: (ids: string[]) => void;
}) {
  if (props.newsletters.length === 0) return null;
  return (
    <fieldset class="checklist send-as-newsletter" aria-describedby="send-as-newsletter-hint">
      <legend>{t('sendAsNewsletter')}</legend>
      <p class="hint" id="send-as-newsletter-hint">
        {t('sendAsNewsletterHint')}
      </p>
      {props.newsletters.map((n) => (
        <Checkbox
          key={n.id}
          name={`send-newsletter-${n.id}`}
          label={n.name}
          checked={props.selected.includes(n.id)}
          onValue={(on) =>
            props.onChange(on ? [...props.selected, n.id] : props.selected.filter((x) => x !== n.id))
          }
        />
      ))}
      {props.selected.length ? <RecipientCount newsletterIds={props.selected} /> : null}
    </fieldset>
  );
}

/**
 * The email preview of one post; for a role that may send, a test to oneself and the post's sends, with
 * (for a published post) a form to send it now.
 */
export function NewsletterSends(props: {
  postId: string;
  newsletters: Newsletter[];
  canSend: boolean;
  isPublished: boolean;
}) {
  return (
    <>
      <NewsletterPreviewPanel postId={props.postId} newsletters={props.newsletters} canSend={props.canSend} />
      {props.canSend ? <SendsPanel {...props} /> : null}
    </>
  );
}

function SendsPanel(props: { postId: string; newsletters: Newsletter[]; isPublished: boolean }) {
  const sends = useLoad(
    () => api.get<{ sends: NewsletterSend[] }>('/sends', { postId: props.postId }).then((a) => a.sends),
    [props.postId],
  );
  const active = props.newsletters.filter((n) => n.isActive);
  const [choice, setChoice] = useState('');
  const [errors, setErrors] = useState<Errors>([]);
  const [message, setMessage] = useState('');
  const chosen = active.find((n) => n.id === choice) ?? active[0];
  const nameOf = (id: string) => props.newsletters.find((n) => n.id === id)?.name ?? t('unknownNewsletter');

  return (
    <section class="panel" aria-labelledby="sends-heading">
      <h2 id="sends-heading">{t('newsletterSends')}</h2>
      <StatusMessage message={message} />
      <ErrorSummary errors={[...errors, ...sends.errors]} />
      {props.isPublished && chosen ? (
        <div class="send-now">
          <SelectField
            name="sendNewsletterId"
            label={t('sendToNewsletter')}
            value={chosen.id}
            onValue={setChoice}
            options={active.map((n) => ({ value: n.id, label: n.name }))}
          />
          <RecipientCount newsletterIds={[chosen.id]} />
          <ConfirmButton
            label={t('send')}
            confirmText={t('confirmSend', { name: chosen.name })}
            onConfirm={async () => {
              try {
                await api.post(`/newsletters/${encodeURIComponent(chosen.id)}/sends`, {
                  postId: props.postId,
                });
                setErrors([]);
                setMessage(t('sendStarted', { name: chosen.name }));
                await sends.reload();
              } catch (error) {
                setErrors(errorsOf(error));
              }
            }}
          />
        </div>
      ) : null}
      <Loading isLoading={sends.isLoading && !sends.data} />
      {sends.data && sends.data.length === 0 ? <p class="muted">{t('noSends')}</p> : null}
      {sends.data?.length ? (
        <ul class="sends">
          {sends.data.map((send) => (
            <SendItem key={send.id} initial={send} name={nameOf(send.newsletterId)} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** "1,234 of 50,000 sent, 3 failed" (and how many were skipped, when any). */
export function progressText(send: NewsletterSend): string {
  const text = t('sendProgress', {
    sent: formatNumber(send.sent),
    total: formatNumber(send.total),
    failed: formatNumber(send.failed),
  });
  return send.skipped ? `${text}, ${t('sendSkipped', { skipped: formatNumber(send.skipped) })}` : text;
}

/** One send: polled every 2 s until done, then its report. */
function SendItem({ initial, name }: { initial: NewsletterSend; name: string }) {
  const [send, setSend] = useState(initial);
  const [report, setReport] = useState<SendReport | null>(null);
  const [errors, setErrors] = useState<Errors>([]);
  const isDone = send.status === 'done';

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isStopped = false;
    const poll = async () => {
      try {
        const answer = await api.get<{ send: NewsletterSend; report: SendReport }>(
          `/sends/${encodeURIComponent(initial.id)}`,
        );
        if (isStopped) return;
        setSend(answer.send);
        setReport(answer.report);
        setErrors([]);
        if (answer.send.status !== 'done') timer = setTimeout(() => void poll(), pollMs);
      } catch (error) {
        if (isStopped) return;
        setErrors(errorsOf(error));
        timer = setTimeout(() => void poll(), pollMs * 2);
      }
    };
    // A send that is done is fetched once, for its report; one under way is polled.
    if (initial.status === 'done') void poll();
    else timer = setTimeout(() => void poll(), pollMs);
    return () => {
      isStopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [initial.id]);

  const handled = send.sent + send.failed + send.skipped;
  const progressId = `send-${send.id}-progress`;
  return (
    <li class="send">
      <p class="send-head">
        <strong>{name}</strong>{' '}
        <span class={`badge badge-send-${send.status}`}>{t(`sendStatus_${send.status}`)}</span>
        <span class="muted small"> {formatDate(send.startedAt ?? send.createdAt)}</span>
      </p>
      <progress
        id={progressId}
        max={Math.max(send.total, 1)}
        value={send.total ? handled : isDone ? 1 : 0}
        aria-label={t('sendProgressOf', { name })}
        aria-valuetext={progressText(send)}
      />
      <p class="send-summary" role="status" aria-live="polite">
        {progressText(send)}
      </p>
      <ErrorSummary errors={errors} />
      {isDone && report ? <Report report={report} /> : null}
    </li>
  );
}

function Report({ report }: { report: SendReport }) {
  return (
    <div class="send-report">
      {report.failures.length === 0 ? (
        <p class="small">{t('noFailures')}</p>
      ) : (
        <details>
          <summary>
            {t('sendFailures')} ({formatNumber(report.failures.length)})
          </summary>
          <ul class="small">
            {report.failures.map((f, i) => (
              <li key={i}>
                {f.email}: {f.error}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.possiblyDuplicated.length ? (
        <details>
          <summary>
            {t('possiblyDuplicated')} ({formatNumber(report.possiblyDuplicated.length)})
          </summary>
          <p class="small">{t('possiblyDuplicatedHint')}</p>
          <ul class="small">
            {report.possiblyDuplicated.map((email) => (
              <li key={email}>{email}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
