// Staff: the list; for those who manage staff, roles, suspension and invitations.
import { useState } from 'preact/hooks';
import { api, type Invitation, type Staff } from '../api.js';
import { MailNotice } from '../components/mail-notice.js';
import { formatDate, t } from '../i18n.js';
import { roles, type Role } from '../permissions.js';
import { usePermissions, useSession } from '../session.js';
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

export function StaffScreen() {
  const { staff: me } = useSession();
  const { may } = usePermissions();
  const canManage = may('staff', 'update');
  const list = useLoad(() => api.get<{ staff: Staff[] }>('/staff'), []);
  const invitations = useLoad(
    () =>
      canManage
        ? api.get<{ invitations: Invitation[] }>('/staff/invitations')
        : Promise.resolve({ invitations: [] }),
    [],
  );
  const [errors, setErrors] = useState<Errors>([]);
  const [message, setMessage] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('author');
  const [inviteErrors, setInviteErrors] = useState<Errors>([]);
  // Only the owner can hand over ownership; nobody else can give the owner role.
  const assignable = roles.filter((r) => r !== 'owner' || me.role === 'owner');

  const change = async (member: Staff, body: Partial<Pick<Staff, 'role' | 'status'>>, done: string) => {
    try {
      await api.patch(`/staff/${encodeURIComponent(member.id)}`, body);
      setErrors([]);
      setMessage(done);
      await list.reload();
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };

  return (
    <>
      <ScreenHeading>{t('staffTitle')}</ScreenHeading>
      {canManage ? <MailNotice /> : null}
      <StatusMessage message={message} />
      <ErrorSummary errors={[...errors, ...list.errors]} />
      <Loading isLoading={list.isLoading} />
      {list.data ? (
        <table class="list">
          <caption class="visually-hidden">{t('staffTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              {canManage ? <th scope="col">{t('email')}</th> : null}
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('status')}</th>
              {canManage ? (
                <th scope="col">
                  <span class="visually-hidden">{t('actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {list.data.staff.map((member) => {
              const isEditable =
                canManage && member.id !== me.id && (member.role !== 'owner' || me.role === 'owner');
              return (
                <tr key={member.id}>
                  <td>{member.name}</td>
                  {canManage ? <td>{member.email ?? ''}</td> : null}
                  <td>
                    {isEditable ? (
                      <RoleSelect
                        member={member}
                        roles={assignable}
                        onChange={(r) => void change(member, { role: r }, t('roleChanged'))}
                      />
                    ) : (
                      t(`role_${member.role}`)
                    )}
                  </td>
                  <td>{t(`staffStatus_${member.status}`)}</td>
                  {canManage ? (
                    <td class="row-actions">
                      {isEditable ? (
                        member.status === 'active' ? (
                          <ConfirmButton
                            label={t('suspend')}
                            accessibleLabel={t('suspendNamed', { name: member.name })}
                            confirmText={t('confirmSuspend', { name: member.name })}
                            onConfirm={() => change(member, { status: 'suspended' }, t('suspended'))}
                          />
                        ) : (
                          <Button
                            aria-label={t('reactivateNamed', { name: member.name })}
                            onClick={() => void change(member, { status: 'active' }, t('reactivated'))}
                          >
                            {t('reactivate')}
                          </Button>
                        )
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

      {canManage ? (
        <>
          <section class="panel" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{t('inviteStaff')}</h2>
            <ErrorSummary errors={inviteErrors} />
            <form
              class="form inline-form"
              noValidate
              onSubmit={async (e) => {
                e.preventDefault();
                try {
                  await api.post('/staff/invitations', { email, role });
                  setInviteErrors([]);
                  setMessage(t('invitationSent', { email }));
                  setEmail('');
                  await invitations.reload();
                } catch (error) {
                  setInviteErrors(errorsOf(error));
                }
              }}
            >
              <TextField
                name="email"
                id="invite-email"
                type="email"
                label={t('email')}
                value={email}
                onValue={setEmail}
                errors={inviteErrors}
                required
              />
              <SelectField
                name="role"
                id="invite-role"
                label={t('role')}
                value={role}
                onValue={(r) => setRole(r as Role)}
                options={roles.filter((r) => r !== 'owner').map((r) => ({ value: r, label: t(`role_${r}`) }))}
                errors={inviteErrors}
              />
              <button type="submit" class="button primary">
                {t('sendInvitation')}
              </button>
            </form>
          </section>
          <section class="panel" aria-labelledby="invitations-heading">
            <h2 id="invitations-heading">{t('pendingInvitations')}</h2>
            <ErrorSummary errors={invitations.errors} />
            {invitations.data?.invitations.length ? (
              <ul class="plain-list">
                {invitations.data.invitations.map((inv) => (
                  <li key={inv.id}>
                    <span>
                      {inv.email} · {t(`role_${inv.role}`)} ·{' '}
                      {t('expires', { date: formatDate(inv.expiresAt) })}
                    </span>
                    <ConfirmButton
                      label={t('revoke')}
                      accessibleLabel={t('revokeNamed', { name: inv.email })}
                      confirmText={t('confirmRevokeInvitation')}
                      onConfirm={async () => {
                        try {
                          await api.delete(`/staff/invitations/${encodeURIComponent(inv.id)}`);
                          setMessage(t('revoked'));
                          await invitations.reload();
                        } catch (error) {
                          setErrors(errorsOf(error));
                        }
                      }}
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{t('noInvitations')}</p>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

function RoleSelect(props: { member: Staff; roles: readonly Role[]; onChange: (role: Role) => void }) {
  const id = `role-${props.member.id}`;
  return (
    <>
      <label for={id} class="visually-hidden">
        {t('roleOf', { name: props.member.name })}
      </label>
      <select
        id={id}
        value={props.member.role}
        onChange={(e) => props.onChange(e.currentTarget.value as Role)}
      >
        {props.roles.map((r) => (
          <option key={r} value={r}>
            {t(`role_${r}`)}
          </option>
        ))}
      </select>
    </>
  );
}
