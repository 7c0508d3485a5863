import type { Redirect } from '../api.js';
import { CrudScreen } from '../components/crud.js';
import { t } from '../i18n.js';
import { usePermissions } from '../session.js';

export function RedirectsScreen() {
  const { may } = usePermissions();
  return (
    <CrudScreen<Redirect>
      title="redirectsTitle"
      intro={<p>{t('redirectsIntro')}</p>}
      path="/redirects"
      listKey="redirects"
      itemKey="redirect"
      newLabel="newRedirect"
      editLabel="editRedirect"
      blank={{ fromPath: '', toUrl: '', statusCode: '301' }}
      fields={[
        { name: 'fromPath', label: 'fromPath', kind: 'text', required: true, hint: 'fromPathHint' },
        { name: 'toUrl', label: 'toUrl', kind: 'url', required: true, hint: 'toUrlHint' },
        {
          name: 'statusCode',
          label: 'redirectType',
          kind: 'select',
          options: [
            { value: '301', label: t('permanent301') },
            { value: '302', label: t('temporary302') },
          ],
        },
      ]}
      toBody={(v) => ({ ...v, statusCode: Number(v.statusCode) })}
      columns={[
        { label: 'fromPath', render: (r) => <code>{r.fromPath}</code> },
        { label: 'toUrl', render: (r) => <code>{r.toUrl}</code> },
        { label: 'redirectType', render: (r) => String(r.statusCode) },
      ]}
      itemName={(r) => r.fromPath}
      canCreate={may('redirect', 'create')}
      canUpdate={may('redirect', 'update')}
      canDelete={may('redirect', 'delete')}
    />
  );
}
