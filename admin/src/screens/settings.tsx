// Site settings: title, description, logo, languages, default language, navigation, time zone.
import { useEffect, useState } from 'preact/hooks';
import { api, type Settings } from '../api.js';
import { MailNotice } from '../components/mail-notice.js';
import { LogoPreview } from '../components/media-preview.js';
import { MediaPicker } from '../components/media-picker.js';
import { PoliciesPanel } from '../components/policies-panel.js';
import { t } from '../i18n.js';
import { usePermissions } from '../session.js';
import {
  Button,
  ErrorSummary,
  errorsOf,
  Loading,
  ScreenHeading,
  SelectField,
  StatusMessage,
  TextArea,
  TextField,
  useLoad,
  type Errors,
} from '../ui.js';

function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC', 'Europe/Oslo', 'Europe/London'];
}

export function SettingsScreen() {
  const { may } = usePermissions();
  const loaded = useLoad(() => api.get<{ settings: Settings }>('/settings'), []);
  const [form, setForm] = useState<Settings & { languagesText: string }>();
  const [errors, setErrors] = useState<Errors>([]);
  const [message, setMessage] = useState('');
  const [isPicking, setPicking] = useState(false);
  const canUpdate = may('settings', 'update');

  useEffect(() => {
    const s = loaded.data?.settings;
    if (s)
      setForm({
        ...s,
        navigation: s.navigation.map((n) => ({ ...n })),
        languagesText: s.languages.join(', '),
      });
  }, [loaded.data]);

  const set = (change: Partial<NonNullable<typeof form>>) => setForm((f) => (f ? { ...f, ...change } : f));
  const languages = (form?.languagesText ?? '')
    .split(/[\s,]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const moveNav = (index: number, by: number) => {
    const next = [...form!.navigation];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    set({ navigation: next });
  };

  return (
    <>
      <ScreenHeading>{t('settingsTitle')}</ScreenHeading>
      <MailNotice />
      {canUpdate ? (
        <p>
          <a href="#/import">{t('importSiteLink')}</a>
        </p>
      ) : null}
      <StatusMessage message={message} />
      <ErrorSummary errors={[...errors, ...loaded.errors]} />
      <Loading isLoading={loaded.isLoading} />
      {form ? (
        <form
          class="form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const { languagesText: _, ...settings } = form;
            try {
              const answer = await api.patch<{ settings: Settings }>('/settings', { ...settings, languages });
              loaded.setData(answer);
              setErrors([]);
              setMessage(t('saved'));
            } catch (error) {
              setErrors(errorsOf(error));
            }
          }}
        >
          <fieldset disabled={!canUpdate}>
            <legend class="visually-hidden">{t('settingsTitle')}</legend>
            <TextField
              name="title"
              label={t('siteTitle')}
              value={form.title}
              onValue={(title) => set({ title })}
              errors={errors}
              required
            />
            <TextArea
              name="description"
              label={t('description')}
              value={form.description}
              onValue={(description) => set({ description })}
              errors={errors}
            />
            <div class="field">
              <p class="label">{t('logo')}</p>
              <LogoPreview mediaId={form.logoMediaId} siteTitle={form.title} />
              <p class="small">{t('logoHint')}</p>
              <div class="actions">
                <Button onClick={() => setPicking(true)}>{t('chooseImage')}</Button>
                {form.logoMediaId ? (
                  <Button onClick={() => set({ logoMediaId: null })}>{t('removeImage')}</Button>
                ) : null}
              </div>
            </div>
            <TextField
              name="languages"
              label={t('languages')}
              hint={t('languagesHint')}
              value={form.languagesText}
              onValue={(languagesText) => set({ languagesText })}
              errors={errors}
            />
            <SelectField
              name="defaultLanguage"
              label={t('defaultLanguage')}
              value={form.defaultLanguage}
              onValue={(defaultLanguage) => set({ defaultLanguage })}
              options={[...new Set([...languages, form.defaultLanguage])].map((l) => ({
                value: l,
                label: l,
              }))}
              errors={errors}
            />
            <TextField
              name="timezone"
              label={t('timezone')}
              list="timezones"
              value={form.timezone}
              onValue={(timezone) => set({ timezone })}
              errors={errors}
            />
            <datalist id="timezones">
              {timeZones().map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <fieldset class="panel">
              <legend>{t('navigation')}</legend>
              <ol class="nav-items">
                {form.navigation.map((item, i) => (
                  <li key={i} class="nav-item">
                    <TextField
                      name={`navigation.${i}.label`}
                      label={t('navLabel', { n: i + 1 })}
                      value={item.label}
                      onValue={(label) =>
                        set({ navigation: form.navigation.map((n, j) => (j === i ? { ...n, label } : n)) })
                      }
                      errors={errors}
                    />
                    <TextField
                      name={`navigation.${i}.url`}
                      label={t('navUrl', { n: i + 1 })}
                      value={item.url}
                      onValue={(url) =>
                        set({ navigation: form.navigation.map((n, j) => (j === i ? { ...n, url } : n)) })
                      }
                      errors={errors}
                    />
                    <div class="actions">
                      <Button
                        disabled={i === 0}
                        aria-label={t('moveNavUp', { n: i + 1 })}
                        onClick={() => moveNav(i, -1)}
                      >
                        ↑
                      </Button>
                      <Button
                        disabled={i === form.navigation.length - 1}
                        aria-label={t('moveNavDown', { n: i + 1 })}
                        onClick={() => moveNav(i, 1)}
                      >
                        ↓
                      </Button>
                      <Button
                        variant="danger"
                        aria-label={t('removeNav', { n: i + 1 })}
                        onClick={() => set({ navigation: form.navigation.filter((_, j) => j !== i) })}
                      >
                        {t('remove')}
                      </Button>
                    </div>
                  </li>
                ))}
              </ol>
              <Button onClick={() => set({ navigation: [...form.navigation, { label: '', url: '/' }] })}>
                {t('addNavItem')}
              </Button>
            </fieldset>
            <PoliciesPanel
              policies={form.policies ?? {}}
              errors={errors}
              onChange={(policies) => set({ policies })}
            />
          </fieldset>
          {canUpdate ? (
            <button type="submit" class="button primary">
              {t('saveSettings')}
            </button>
          ) : null}
        </form>
      ) : null}
      <MediaPicker
        isOpen={isPicking}
        title={t('logo')}
        onClose={() => setPicking(false)}
        onChoose={({ media }) => {
          set({ logoMediaId: media.id });
          setPicking(false);
        }}
      />
    </>
  );
}
