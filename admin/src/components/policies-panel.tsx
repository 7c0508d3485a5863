// The publisher's policy pages (ethics, corrections, ownership and funding, masthead, feedback):
// chosen among the site's pages, linked from the site's footer and named in its structured data.
import { api, type PostSummary, type Settings } from '../api.js';
import { t } from '../i18n.js';
import { SelectField, useLoad, type Errors } from '../ui.js';

type Policies = Settings['policies'];
type PolicyKind = keyof Policies;
const kinds: PolicyKind[] = ['ethics', 'corrections', 'ownership', 'masthead', 'feedback'];

export function PoliciesPanel(props: {
  policies: Policies;
  errors: Errors;
  onChange: (policies: Policies) => void;
}) {
  const pages = useLoad(
    () =>
      api
        .get<{ pages: PostSummary[] }>('/pages', { limit: 100 })
        .then((a) => a.pages)
        .catch(() => [] as PostSummary[]),
    [],
  );
  const options = [
    { value: '', label: t('none') },
    ...(pages.data ?? []).map((p) => ({ value: p.id, label: `${p.title} (${p.status})` })),
  ];
  return (
    <fieldset class="panel">
      <legend>{t('policies')}</legend>
      <p class="small">{t('policiesHint')}</p>
      {kinds.map((kind) => (
        <SelectField
          key={kind}
          name={`policies.${kind}`}
          label={t(`policy_${kind}`)}
          value={props.policies[kind] ?? ''}
          onValue={(value) => props.onChange({ ...props.policies, [kind]: value || null })}
          options={options}
          errors={props.errors}
        />
      ))}
    </fieldset>
  );
}
