import { api } from '../api.js';
import { t } from '../i18n.js';
import { useLoad } from '../ui.js';

/** When no SMTP server is set up, emails (invitations, password resets) only reach the server log. */
export function MailNotice() {
  const mail = useLoad(
    () => api.get<{ isConfigured: boolean }>('/mail').catch(() => ({ isConfigured: true })),
    [],
  );
  if (!mail.data || mail.data.isConfigured) return null;
  return (
    <div class="notice" role="note">
      <p>{t('mailNotConfigured')}</p>
    </div>
  );
}
