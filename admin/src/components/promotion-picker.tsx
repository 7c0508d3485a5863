// The post editor's promotion control: the site's promotions (default), none, or one chosen promotion.
import { api, type PromotionMode, type Promotion } from '../api.js';
import { t } from '../i18n.js';
import { usePermissions } from '../session.js';
import { SelectField, useLoad, type Errors } from '../ui.js';

export interface PromotionChoice {
  promotionMode: PromotionMode;
  promotionId: string | null;
}

/**
 * One select: "The site's promotions", "No promotion", then each promotion by name (choosing one sets
 * `promotionMode: 'chosen'`). A staff member who may not list promotions sees the first two.
 */
export function PromotionPicker(props: {
  value: PromotionChoice;
  onValue: (value: PromotionChoice) => void;
  errors: Errors;
}) {
  const { may } = usePermissions();
  const mayList = may('promotion', 'read');
  const promotions = useLoad(
    () =>
      mayList
        ? api.get<{ promotions: Promotion[] }>('/promotions').then((r) => r.promotions)
        : Promise.resolve([]),
    [mayList],
  );
  const { promotionMode, promotionId } = props.value;
  const value = promotionMode === 'chosen' ? `promotion:${promotionId ?? ''}` : promotionMode;
  const options = [
    { value: 'site', label: t('promotionSite') },
    { value: 'none', label: t('promotionNone') },
    ...(promotions.data ?? []).map((p) => ({
      value: `promotion:${p.id}`,
      label: `${p.title} (${t(`slot_${p.slot}`)})`,
    })),
  ];
  if (promotionMode === 'chosen' && !options.some((o) => o.value === value))
    options.push({ value, label: t('promotionMissing') });
  const choose = (chosen: string) =>
    props.onValue(
      chosen.startsWith('promotion:')
        ? { promotionMode: 'chosen', promotionId: chosen.slice('promotion:'.length) || null }
        : { promotionMode: chosen as PromotionMode, promotionId: null },
    );
  return (
    <SelectField
      name="promotionMode"
      label={t('promotion')}
      hint={t('promotionHint')}
      value={value}
      onValue={choose}
      options={options}
      errors={props.errors.map((e) =>
        e.property === 'promotionId' ? { ...e, property: 'promotionMode' } : e,
      )}
    />
  );
}
