import type { Promotion } from '../api.js';
import { CrudScreen } from '../components/crud.js';
import { t } from '../i18n.js';
import { usePermissions } from '../session.js';

export function PromotionsScreen() {
  const { may } = usePermissions();
  return (
    <CrudScreen<Promotion>
      title="promotionsTitle"
      intro={<p>{t('promotionsIntro')}</p>}
      path="/promotions"
      listKey="promotions"
      itemKey="promotion"
      newLabel="newPromotion"
      editLabel="editPromotion"
      blank={{
        title: '',
        linkUrl: '',
        body: '',
        imageMediaId: null,
        ctaLabel: '',
        slot: 'after-article',
        language: '',
        isActive: true,
        sortOrder: '0',
      }}
      fields={[
        { name: 'title', label: 'title', kind: 'text', required: true },
        { name: 'linkUrl', label: 'linkUrl', kind: 'url', required: true },
        { name: 'body', label: 'promotionBody', kind: 'textarea' },
        { name: 'imageMediaId', label: 'image', kind: 'media' },
        { name: 'ctaLabel', label: 'ctaLabel', kind: 'text' },
        {
          name: 'slot',
          label: 'promoSlot',
          kind: 'select',
          options: [
            { value: 'after-article', label: t('slot_after-article') },
            { value: 'sidebar', label: t('slot_sidebar') },
          ],
        },
        { name: 'language', label: 'language', kind: 'text', hint: 'tagLanguageHint' },
        { name: 'isActive', label: 'active', kind: 'checkbox' },
        { name: 'sortOrder', label: 'sortOrder', kind: 'number' },
      ]}
      toBody={(v) => ({ ...v, language: v.language || null, sortOrder: Number(v.sortOrder) || 0 })}
      columns={[
        { label: 'title', render: (p) => p.title },
        { label: 'promoSlot', render: (p) => t(`slot_${p.slot}`) },
        { label: 'language', render: (p) => p.language ?? '' },
        { label: 'active', render: (p) => (p.isActive ? t('yes') : t('no')) },
        { label: 'sortOrder', render: (p) => String(p.sortOrder) },
      ]}
      itemName={(p) => p.title}
      canCreate={may('promotion', 'create')}
      canUpdate={may('promotion', 'update')}
      canDelete={may('promotion', 'delete')}
    />
  );
}
