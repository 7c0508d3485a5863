// API tokens: create (the secret is shown once), list, revoke.
import { useState } from 'preact/hooks';
import { api, type ApiToken } from '../api.js';
import { formatDate, t } from '../i18n.js';
import { roles, type Role } from '../permissions.js';
import { usePermissions } from '../session.js';
import {
  Button,
  ConfirmButton,
  ErrorSummary,
  errorsOf,
  Loading,
  ScreenHeading,
  SelectField,
  StatusMessage,
  TextField,
  useLoad,
  type Errors,
} from '../ui.js';

const who = (by: ApiToken['createdBy']) => by ?? '';

export function IntegrationsScreen() {
  const { may } = usePermissions();
  const list = useLoad(() => api.get<{ tokens: ApiToken[] }>('/tokens'), []);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [errors, setErrors] = useState<Errors>([]);
  const [message, setMessage] = useState('');
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);

  return (
    <>
      <ScreenHeading>{t('integrationsTitle')}</ScreenHeading>
      <p>{t('integrationsIntro')}</p>
      <StatusMessage message={message} />
      {secret ? (
        <section class="notice secret" aria-labelledby="secret-heading">
          <h2 id="secret-heading">{t('tokenCreated', { name: secret.name })}</h2>
          <p>{t('secretOnce')}</p>
          <label for="token-secret">{t('secret')}</label>
          <input
            id="token-secret"
            class="secret-value"
            readOnly
            value={secret.secret}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div class="actions">
            <Button
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(secret.secret);
                  setMessage(t('copied'));
                } catch {
                  setMessage(t('copyFailed'));
                }
              }}
            >
              {t('copy')}
            </Button>
            <Button onClick={() => setSecret(null)}>{t('done')}</Button>
          </div>
        </section>
      ) : null}
      {may('integration', 'create') ? (
        <section class="panel" aria-labelledby="new-token-heading">
          <h2 id="new-token-heading">{t('newToken')}</h2>
          <ErrorSummary errors={errors} />
          <form
            class="form inline-form"
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              try {
                const answer = await api.post<{ token: ApiToken; secret: string }>('/tokens', { name, role });
                setErrors([]);
                setSecret({ name: answer.token.name, secret: answer.secret });
                setName('');
                await list.reload();
                requestAnimationFrame(() => document.getElementById('token-secret')?.focus());
              } catch (error) {
                setErrors(errorsOf(error));
              }
            }}
          >
            <TextField
              name="name"
              id="token-name"
              label={t('name')}
              value={name}
              onValue={setName}
              errors={errors}
              required
            />
            <SelectField
              name="role"
              id="token-role"
              label={t('role')}
              value={role}
              onValue={(r) => setRole(r as Role)}
              options={roles.filter((r) => r !== 'owner').map((r) => ({ value: r, label: t(`role_${r}`) }))}
              errors={errors}
            />
            <button type="submit" class="button primary">
              {t('createToken')}
            </button>
          </form>
        </section>
      ) : null}
      <ErrorSummary errors={list.errors} />
      <Loading isLoading={list.isLoading} />
      {list.data && list.data.tokens.length === 0 ? <p>{t('noTokens')}</p> : null}
      {list.data?.tokens.length ? (
        <table class="list">
          <caption class="visually-hidden">{t('integrationsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('created')}</th>
              <th scope="col">{t('lastUsed')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{t(`role_${token.role}`)}</td>
                <td>
                  {formatDate(token.createdAt)} {who(token.createdBy) ? `· ${who(token.createdBy)}` : ''}
                </td>
                <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : t('never')}</td>
                <td class="row-actions">
                  {may('integration', 'delete') ? (
                    <ConfirmButton
                      label={t('revoke')}
                      accessibleLabel={t('revokeNamed', { name: token.name })}
                      confirmText={t('confirmRevokeToken')}
                      onConfirm={async () => {
                        try {
                          await api.delete(`/tokens/${encodeURIComponent(token.id)}`);
                          setMessage(t('revoked'));
                          await list.reload();
                        } catch (error) {
                          setErrors(errorsOf(error));
                        }
                      }}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
