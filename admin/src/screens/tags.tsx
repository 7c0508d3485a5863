import type { Tag } from '../api.js';
import { CrudScreen } from '../components/crud.js';
import { t } from '../i18n.js';
import { usePermissions } from '../session.js';

export function TagsScreen() {
  const { may } = usePermissions();
  return (
    <CrudScreen<Tag>
      title="tagsTitle"
      path="/tags"
      listKey="tags"
      itemKey="tag"
      newLabel="newTag"
      editLabel="editTag"
      blank={{ name: '', slug: '', kind: 'topic', description: '', language: '' }}
      fields={[
        { name: 'name', label: 'name', kind: 'text', required: true },
        { name: 'slug', label: 'slug', kind: 'text', hint: 'slugHint' },
        {
          name: 'kind',
          label: 'kind',
          kind: 'select',
          options: (['topic', 'person', 'organisation', 'place'] as const).map((k) => ({
            value: k,
            label: t(`kind_${k}`),
          })),
        },
        { name: 'description', label: 'description', kind: 'textarea' },
        { name: 'language', label: 'language', kind: 'text', hint: 'tagLanguageHint' },
      ]}
      toBody={(v) => ({ ...v, slug: v.slug || undefined, language: v.language || null })}
      columns={[
        { label: 'name', render: (tag) => tag.name },
        { label: 'kind', render: (tag) => t(`kind_${tag.kind}`) },
        { label: 'slug', render: (tag) => <code>{tag.slug}</code> },
        { label: 'language', render: (tag) => tag.language ?? '' },
        { label: 'posts', render: (tag) => String(tag.postCount) },
      ]}
      itemName={(tag) => tag.name}
      canCreate={may('tag', 'create')}
      canUpdate={may('tag', 'update')}
      canDelete={may('tag', 'delete')}
    />
  );
}
