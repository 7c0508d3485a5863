// What kind of work a post is (shown above its headline) and where the reporting was done.
import { t } from '../i18n.js';
import { workTypes, type Draft } from '../screens/post-draft.js';
import { SelectField, TextField, type Errors } from '../ui.js';

export function WorkTypeFields(props: {
  draft: Draft;
  errors: Errors;
  setDraft: (change: Partial<Draft>) => void;
}) {
  const { draft, errors, setDraft } = props;
  return (
    <>
      <SelectField
        name="workType"
        label={t('workType')}
        hint={t('workTypeHint')}
        value={draft.workType}
        onValue={(value) => setDraft({ workType: value as Draft['workType'] })}
        options={workTypes.map((w) => ({
          value: w,
          label: t(`workType_${w.replace('-', '_')}` as 'workType_news'),
        }))}
        errors={errors}
      />
      <TextField
        name="dateline"
        label={t('dateline')}
        hint={t('datelineHint')}
        value={draft.dateline}
        onValue={(dateline) => setDraft({ dateline })}
        errors={errors}
        maxLength={120}
      />
    </>
  );
}
