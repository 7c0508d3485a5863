// The profile's two-step sign-in (TOTP): set up with a QR code and a first code, recovery codes shown
// once, turned off with the password and a code.
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { ErrorSummary, errorsOf, StatusMessage, TextField, useLoad, type Errors } from '../ui.js';

interface TotpStatus {
  isEnabled: boolean;
  recoveryCodesLeft: number;
}

interface TotpSetup {
  secret: string;
  uri: string;
  /** An SVG made on the server from the otpauth URI by the qrcode package: paths only, no text or script. */
  qrSvg: string;
}

export function TwoStepPanel() {
  const status = useLoad(() => api.get<TotpStatus>('/profile/totp'), []);
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>([]);
  const [message, setMessage] = useState('');
  const run = (work: () => Promise<void>) => async (e: Event) => {
    e.preventDefault();
    try {
      await work();
      setErrors([]);
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };
  const codeField = (label: string) => (
    <TextField
      name="totpCode"
      label={label}
      value={code}
      onValue={setCode}
      errors={errors.map((e) => (e.property === 'code' ? { ...e, property: 'totpCode' } : e))}
      autoComplete="one-time-code"
      maxLength={40}
      required
    />
  );
  const isEnabled = status.data?.isEnabled ?? false;
  return (
    <section class="panel narrow" aria-labelledby="two-step-heading">
      <h2 id="two-step-heading">{t('twoStepTitle')}</h2>
      <StatusMessage message={message} />
      <ErrorSummary errors={errors} />
      {status.data && (
        <p>{isEnabled ? t('twoStepOn', { count: status.data.recoveryCodesLeft }) : t('twoStepOff')}</p>
      )}
      {codes.length > 0 && (
        <div>
          <h3>{t('recoveryCodesTitle')}</h3>
          <p>{t('recoveryCodesIntro')}</p>
          <ul class="recovery-codes">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!isEnabled && !setup && status.data && (
        <form
          noValidate
          onSubmit={run(async () => {
            setSetup(await api.post<TotpSetup>('/profile/totp', {}));
            setMessage('');
          })}
        >
          <button type="submit" class="button">
            {t('twoStepStart')}
          </button>
        </form>
      )}
      {!isEnabled && setup && (
        <form
          class="form"
          noValidate
          onSubmit={run(async () => {
            const answer = await api.post<{ recoveryCodes: string[] }>('/profile/totp/confirm', { code });
            setCodes(answer.recoveryCodes);
            setSetup(null);
            setCode('');
            await status.reload();
          })}
        >
          <p>{t('twoStepScan')}</p>
          <div
            class="qr-code"
            role="img"
            aria-label={t('twoStepQr')}
            dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
          />
          <p>
            {t('twoStepKey')}: <code class="totp-secret">{setup.secret}</code>
          </p>
          {codeField(t('twoStepFirstCode'))}
          <button type="submit" class="button primary">
            {t('twoStepConfirm')}
          </button>
        </form>
      )}
      {isEnabled && (
        <form
          class="form"
          noValidate
          onSubmit={run(async () => {
            await api.post('/profile/totp/disable', { password, code });
            setPassword('');
            setCode('');
            setCodes([]);
            setMessage(t('twoStepDisabled'));
            await status.reload();
          })}
        >
          <TextField
            name="totpPassword"
            type="password"
            label={t('currentPassword')}
            value={password}
            onValue={setPassword}
            errors={errors.map((e) => (e.property === 'password' ? { ...e, property: 'totpPassword' } : e))}
            autoComplete="current-password"
            required
          />
          {codeField(t('twoStepCodeOrRecovery'))}
          <button type="submit" class="button">
            {t('twoStepDisable')}
          </button>
        </form>
      )}
    </section>
  );
}
