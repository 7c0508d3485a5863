// Before a post goes out as a newsletter: how many members it will reach, the email as they will get
// it (in a sandboxed frame: no script, no access to the admin), and a test sent to oneself.
import { useEffect, useState } from 'preact/hooks';
import { api, type Newsletter, type NewsletterPreview, type TestSend } from '../api.js';
import { formatNumber, t } from '../i18n.js';
import { Button, ErrorSummary, errorsOf, SelectField, StatusMessage, type Errors } from '../ui.js';

/** Active members of the newsletters, each counted once; undefined while unknown. */
export function useRecipientCount(newsletterIds: string[]): number | undefined {
  const key = [...newsletterIds].sort().join(',');
  const [count, setCount] = useState<number>();
  useEffect(() => {
    setCount(undefined);
    if (!key) return;
    let isCurrent = true;
    api
      .get<{ count: number }>('/newsletters/recipient-count', { newsletterIds: key })
      .then((answer) => isCurrent && setCount(answer.count))
      .catch(() => isCurrent && setCount(undefined));
    return () => {
      isCurrent = false;
    };
  }, [key]);
  return count;
}

/** "This will go to 1,234 members", announced politely when it changes. */
export function RecipientCount({ newsletterIds }: { newsletterIds: string[] }) {
  const count = useRecipientCount(newsletterIds);
  const text =
    count === undefined
      ? ''
      : t(count === 1 ? 'recipientCountOne' : 'recipientCount', { count: formatNumber(count) });
  return (
    <p class="recipient-count" role="status" aria-live="polite">
      {text}
    </p>
  );
}

/** The email preview and "Send a test to me" for one post, with a choice of newsletter. */
export function NewsletterPreviewPanel(props: {
  postId: string;
  newsletters: Newsletter[];
  canSend: boolean;
}) {
  const active = props.newsletters.filter((n) => n.isActive);
  const [choice, setChoice] = useState('');
  const [preview, setPreview] = useState<NewsletterPreview | null>(null);
  const [errors, setErrors] = useState<Errors>([]);
  const [message, setMessage] = useState('');
  const [isBusy, setBusy] = useState(false);
  const chosen = active.find((n) => n.id === choice) ?? active[0];
  if (!chosen) return null;
  const base = `/newsletters/${encodeURIComponent(chosen.id)}`;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setErrors([]);
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setBusy(false);
    }
  };
  const showPreview = () =>
    run(async () => {
      const answer = await api.get<{ preview: NewsletterPreview }>(`${base}/preview`, {
        postId: props.postId,
      });
      setPreview(answer.preview);
    });
  const sendTest = () =>
    run(async () => {
      setMessage('');
      const { test } = await api.post<{ test: TestSend }>(`${base}/test-send`, { postId: props.postId });
      setMessage(
        test.isSent ? t('testSent', { to: test.to }) : t('testNotSent', { to: test.to, error: test.error }),
      );
    });

  return (
    <section class="panel newsletter-preview" aria-labelledby="newsletter-preview-heading">
      <h2 id="newsletter-preview-heading">{t('emailPreview')}</h2>
      <StatusMessage message={message} />
      <ErrorSummary errors={errors} />
      <div class="send-now">
        <SelectField
          name="previewNewsletterId"
          label={t('newsletter')}
          value={chosen.id}
          onValue={(id) => {
            setChoice(id);
            setPreview(null);
          }}
          options={active.map((n) => ({ value: n.id, label: n.name }))}
        />
        <Button disabled={isBusy} onClick={() => void showPreview()}>
          {preview ? t('refreshPreview') : t('showPreview')}
        </Button>
        {props.canSend ? (
          <Button disabled={isBusy} onClick={() => void sendTest()}>
            {t('sendTestToMe')}
          </Button>
        ) : null}
      </div>
      {preview ? (
        <>
          <p class="small">
            {t('emailSubject')}: <strong>{preview.subject}</strong>
          </p>
          <iframe
            class="email-preview"
            sandbox=""
            srcdoc={preview.html}
            title={t('emailPreviewOf', { name: chosen.name })}
          />
        </>
      ) : null}
    </section>
  );
}
