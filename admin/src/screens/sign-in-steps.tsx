// The second step of signing in (a TOTP, recovery or emailed code) and signing in with an emailed link.
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrfToken, type SessionAnswer, type SignInAnswer } from '../api.js';
import { t } from '../i18n.js';
import { ErrorSummary, ScreenHeading, StatusMessage, TextField } from '../ui.js';
import { EmailLinkForm, useSubmit, type SignedInProps } from './signed-out.js';

/** After the password (or a sign-in link): the code. The pending session's CSRF token is already set. */
export function SecondStepForm({ step, onSignedIn }: SignedInProps & { step: 'totp' | 'email' }) {
  const [code, setCode] = useState('');
  const { errors, isBusy, submit } = useSubmit();
  // The form replaces the sign-in form on the same route: its heading takes the focus.
  useEffect(() => document.getElementById('screen-heading')?.focus(), []);
  return (
    <>
      <ScreenHeading>{t('secondStepTitle')}</ScreenHeading>
      <p>{t(step === 'totp' ? 'secondStepTotp' : 'secondStepEmail')}</p>
      <ErrorSummary errors={errors} />
      <form
        class="form narrow"
        noValidate
        onSubmit={submit(async () =>
          onSignedIn(await api.post<SessionAnswer>('/session/second-step', { code }, { quiet401: true })),
        )}
      >
        <TextField
          name="code"
          label={t('code')}
          value={code}
          onValue={setCode}
          errors={errors}
          autoComplete="one-time-code"
          maxLength={40}
          required
        />
        <button type="submit" class="button primary" disabled={isBusy}>
          {t('confirmCode')}
        </button>
      </form>
      <p>
        <a href="#/login">{t('backToSignIn')}</a>
      </p>
    </>
  );
}

/** `#/sign-in-link`: ask for a link; `#/sign-in-link/TOKEN`: use one (by pressing a button, never on load). */
export function SignInLinkScreen({ token, onSignedIn }: SignedInProps & { token: string }) {
  const [message, setMessage] = useState('');
  const [step, setStep] = useState<'totp' | 'email' | null>(null);
  const form = useSubmit();
  const { errors, isBusy, submit } = form;
  if (step) return <SecondStepForm step={step} onSignedIn={onSignedIn} />;
  const useLink = submit(async () => {
    const answer = await api.post<SignInAnswer>('/session/link/complete', { token }, { quiet401: true });
    if ('secondStep' in answer) {
      setCsrfToken(answer.csrfToken);
      setStep(answer.secondStep);
    } else onSignedIn(answer);
  });
  return (
    <>
      <ScreenHeading>{t('signInLinkTitle')}</ScreenHeading>
      <p>{t(token ? 'useSignInLink' : 'signInLinkIntro')}</p>
      <ErrorSummary errors={errors} />
      {token ? (
        <form class="form narrow" noValidate onSubmit={useLink}>
          <button type="submit" class="button primary" disabled={isBusy}>
            {t('signIn')}
          </button>
        </form>
      ) : (
        <EmailLinkForm
          path="/session/link"
          buttonLabel={t('sendSignInLink')}
          form={form}
          onSent={() => setMessage(t('signInLinkSent'))}
        />
      )}
      <StatusMessage message={message} />
      <p>
        <a href="#/login">{t('backToSignIn')}</a>
      </p>
    </>
  );
}
