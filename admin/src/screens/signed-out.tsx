// The screens before sign-in: first-run setup, sign-in, forgotten password, reset, invitation.
import { useState } from 'preact/hooks';
import { api, setCsrfToken, type SessionAnswer, type SignInAnswer } from '../api.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';
import { ErrorSummary, errorsOf, ScreenHeading, StatusMessage, TextField, type Errors } from '../ui.js';
import { SecondStepForm } from './sign-in-steps.js';

export interface SignedInProps {
  onSignedIn: (answer: SessionAnswer) => void;
}

export function useSubmit() {
  const [errors, setErrors] = useState<Errors>([]);
  const [isBusy, setBusy] = useState(false);
  const submit = (run: () => Promise<void>) => async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    try {
      await run();
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, isBusy, submit };
}

export function SetupScreen({ onSignedIn }: SignedInProps) {
  const [siteTitle, setSiteTitle] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, isBusy, submit } = useSubmit();
  return (
    <>
      <ScreenHeading>{t('setupTitle')}</ScreenHeading>
      <p>{t('setupIntro')}</p>
      <ErrorSummary errors={errors} />
      <form
        class="form narrow"
        noValidate
        onSubmit={submit(async () =>
          onSignedIn(await api.post<SessionAnswer>('/setup', { siteTitle, name, email, password })),
        )}
      >
        <TextField
          name="siteTitle"
          label={t('siteTitle')}
          value={siteTitle}
          onValue={setSiteTitle}
          errors={errors}
          required
        />
        <TextField
          name="name"
          label={t('yourName')}
          value={name}
          onValue={setName}
          errors={errors}
          autoComplete="name"
          required
        />
        <TextField
          name="email"
          type="email"
          label={t('email')}
          value={email}
          onValue={setEmail}
          errors={errors}
          autoComplete="email"
          required
        />
        <TextField
          name="password"
          type="password"
          label={t('password')}
          hint={t('passwordRules')}
          value={password}
          onValue={setPassword}
          errors={errors}
          autoComplete="new-password"
          required
        />
        <button type="submit" class="button primary" disabled={isBusy}>
          {t('createSite')}
        </button>
      </form>
    </>
  );
}

export function LoginScreen({ onSignedIn }: SignedInProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<'totp' | 'email' | null>(null);
  const { errors, isBusy, submit } = useSubmit();
  if (step) return <SecondStepForm step={step} onSignedIn={onSignedIn} />;
  return (
    <>
      <ScreenHeading>{t('signIn')}</ScreenHeading>
      <ErrorSummary errors={errors} />
      <form
        class="form narrow"
        noValidate
        onSubmit={submit(async () => {
          const answer = await api.post<SignInAnswer>('/session', { email, password }, { quiet401: true });
          if ('secondStep' in answer) {
            setCsrfToken(answer.csrfToken);
            setStep(answer.secondStep);
          } else onSignedIn(answer);
        })}
      >
        <TextField
          name="email"
          type="email"
          label={t('email')}
          value={email}
          onValue={setEmail}
          errors={errors}
          autoComplete="username"
          required
        />
        <TextField
          name="password"
          type="password"
          label={t('password')}
          value={password}
          onValue={setPassword}
          errors={errors}
          autoComplete="current-password"
          required
        />
        <button type="submit" class="button primary" disabled={isBusy}>
          {t('signIn')}
        </button>
      </form>
      <p>
        <a href="#/forgot-password">{t('forgotPassword')}</a>
      </p>
      <p>
        <a href="#/sign-in-link">{t('emailSignInLink')}</a>
      </p>
    </>
  );
}

/**
 * The one-field form that emails a link (a password reset, a sign-in link): the address and a
 * button. Its problems show in the screen's summary, through the screen's `submit`.
 */
export function EmailLinkForm(props: {
  path: string;
  buttonLabel: string;
  form: ReturnType<typeof useSubmit>;
  onSent: () => void;
}) {
  const [email, setEmail] = useState('');
  const { errors, isBusy, submit } = props.form;
  return (
    <form
      class="form narrow"
      noValidate
      onSubmit={submit(async () => {
        await api.post(props.path, { email });
        props.onSent();
      })}
    >
      <TextField
        name="email"
        type="email"
        label={t('email')}
        value={email}
        onValue={setEmail}
        errors={errors}
        autoComplete="email"
        required
      />
      <button type="submit" class="button primary" disabled={isBusy}>
        {props.buttonLabel}
      </button>
    </form>
  );
}

export function ForgotPasswordScreen() {
  const [message, setMessage] = useState('');
  const form = useSubmit();
  return (
    <>
      <ScreenHeading>{t('forgotPassword')}</ScreenHeading>
      <p>{t('forgotIntro')}</p>
      <ErrorSummary errors={form.errors} />
      <EmailLinkForm
        path="/password-reset"
        buttonLabel={t('sendResetLink')}
        form={form}
        onSent={() => setMessage(t('resetSent'))}
      />
      <StatusMessage message={message} />
      <p>
        <a href="#/login">{t('backToSignIn')}</a>
      </p>
    </>
  );
}

export function ResetPasswordScreen({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState('');
  const { errors, setErrors, isBusy, submit } = useSubmit();
  return (
    <>
      <ScreenHeading>{t('resetPassword')}</ScreenHeading>
      <ErrorSummary errors={errors} />
      <form
        class="form narrow"
        noValidate
        onSubmit={submit(async () => {
          if (password !== repeat) {
            setErrors([{ code: 'VALIDATION', message: t('passwordsDiffer'), property: 'repeatPassword' }]);
            return;
          }
          await api.post('/password-reset/complete', { token, password });
          setMessage(t('passwordChangedSignIn'));
          navigate('/login');
        })}
      >
        <TextField
          name="password"
          type="password"
          label={t('newPassword')}
          hint={t('passwordRules')}
          value={password}
          onValue={setPassword}
          errors={errors}
          autoComplete="new-password"
          required
        />
        <TextField
          name="repeatPassword"
          type="password"
          label={t('repeatPassword')}
          value={repeat}
          onValue={setRepeat}
          errors={errors}
          autoComplete="new-password"
          required
        />
        <button type="submit" class="button primary" disabled={isBusy}>
          {t('setPassword')}
        </button>
      </form>
      <StatusMessage message={message} />
      <p>
        <a href="#/login">{t('backToSignIn')}</a>
      </p>
    </>
  );
}

export function InvitationScreen({ token, onSignedIn }: SignedInProps & { token: string }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { errors, isBusy, submit } = useSubmit();
  return (
    <>
      <ScreenHeading>{t('acceptInvitation')}</ScreenHeading>
      <p>{t('invitationIntro')}</p>
      <ErrorSummary errors={errors} />
      <form
        class="form narrow"
        noValidate
        onSubmit={submit(async () =>
          onSignedIn(await api.post<SessionAnswer>('/invitations/accept', { token, name, password })),
        )}
      >
        <TextField
          name="name"
          label={t('yourName')}
          value={name}
          onValue={setName}
          errors={errors}
          autoComplete="name"
          required
        />
        <TextField
          name="password"
          type="password"
          label={t('password')}
          hint={t('passwordRules')}
          value={password}
          onValue={setPassword}
          errors={errors}
          autoComplete="new-password"
          required
        />
        <button type="submit" class="button primary" disabled={isBusy}>
          {t('joinSite')}
        </button>
      </form>
    </>
  );
}
