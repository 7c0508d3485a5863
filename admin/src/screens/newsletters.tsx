// Newsletters: each with its own sender, reply-to address and footer; the number of members on each.
import type { Newsletter } from '../api.js';
import { CrudScreen } from '../components/crud.js';
import { formatNumber, t } from '../i18n.js';
import { usePermissions } from '../session.js';

export function NewslettersScreen() {
  const { may } = usePermissions();
  return (
    <CrudScreen<Newsletter>
      title="newslettersTitle"
      intro={<p>{t('newslettersIntro')}</p>}
      path="/newsletters"
      listKey="newsletters"
      itemKey="newsletter"
      newLabel="newNewsletter"
      editLabel="editNewsletter"
      blank={{
        name: '',
        slug: '',
        language: 'en',
        senderName: '',
        senderEmail: '',
        replyTo: '',
        footer: '',
        isActive: true,
        sortOrder: '0',
      }}
      fields={[
        { name: 'name', label: 'name', kind: 'text', required: true },
        { name: 'slug', label: 'slug', kind: 'text', hint: 'slugHint' },
        { name: 'language', label: 'language', kind: 'text', hint: 'newsletterLanguageHint', required: true },
        { name: 'senderName', label: 'senderName', kind: 'text', required: true },
        { name: 'senderEmail', label: 'senderEmail', kind: 'email', required: true },
        { name: 'replyTo', label: 'replyTo', kind: 'email', hint: 'replyToHint' },
        { name: 'footer', label: 'footer', kind: 'textarea', hint: 'footerHint' },
        { name: 'isActive', label: 'active', kind: 'checkbox' },
        { name: 'sortOrder', label: 'sortOrder', kind: 'number' },
      ]}
      toBody={(v) => ({
        ...v,
        slug: v.slug || undefined,
        replyTo: typeof v.replyTo === 'string' ? v.replyTo.trim() : '',
        sortOrder: Number(v.sortOrder) || 0,
      })}
      columns={[
        { label: 'name', render: (n) => n.name },
        { label: 'slug', render: (n) => <code>{n.slug}</code> },
        { label: 'language', render: (n) => n.language },
        {
          label: 'sender',
          render: (n) => (
            <>
              {n.senderName}
              <br />
              <span class="small muted">{n.senderEmail}</span>
            </>
          ),
        },
        { label: 'active', render: (n) => (n.isActive ? t('yes') : t('no')) },
        { label: 'memberCount', render: (n) => formatNumber(n.memberCount ?? 0) },
        { label: 'sortOrder', render: (n) => String(n.sortOrder) },
      ]}
      itemName={(n) => n.name}
      confirmDelete={(n) => t('confirmDeleteNewsletter', { name: n.name })}
      canCreate={may('newsletter', 'create')}
      canUpdate={may('newsletter', 'update')}
      canDelete={may('newsletter', 'delete')}
    />
  );
}
