// The signed-in staff member's own profile: name, bio, interface language, password, two-step sign-in.
import { useState } from 'preact/hooks';
import { api, type Locale, type Staff } from '../api.js';
import { TwoStepPanel } from '../components/two-step-panel.js';
import { t } from '../i18n.js';
import { useSession } from '../session.js';
import {
  ErrorSummary,
  errorsOf,
  ScreenHeading,
  SelectField,
  StatusMessage,
  TextArea,
  TextField,
  type Errors,
} from '../ui.js';

export function ProfileScreen() {
  const { staff, setStaff } = useSession();
  const [name, setName] = useState(staff.name);
  const [bio, setBio] = useState(staff.bio ?? '');
  const [locale, setLocale] = useState<Locale>(staff.locale ?? 'en');
  const [jobTitle, setJobTitle] = useState(staff.jobTitle ?? '');
  const [expertise, setExpertise] = useState(staff.expertise ?? '');
  const [contact, setContact] = useState(staff.contact ?? '');
  const [fediverse, setFediverse] = useState(staff.fediverse ?? '');
  const [links, setLinks] = useState((staff.profileLinks ?? []).join('\n'));
  const [errors, setErrors] = useState<Errors>([]);
  const [message, setMessage] = useState('');
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [passwordErrors, setPasswordErrors] = useState<Errors>([]);
  const [passwordMessage, setPasswordMessage] = useState('');

  return (
    <>
      <ScreenHeading>{t('profileTitle')}</ScreenHeading>
      <p>
        {staff.email} · {t(`role_${staff.role}`)}
      </p>
      <StatusMessage message={message} />
      <ErrorSummary errors={errors} />
      <form
        class="form narrow"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const profileLinks = links
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean);
            const answer = await api.patch<{ staff: Staff }>('/profile', {
              name,
              bio,
              locale,
              jobTitle,
              expertise,
              contact,
              fediverse,
              profileLinks,
            });
            setErrors([]);
            setMessage(t('saved'));
            // A new interface language redraws the whole app in it.
            setStaff({ ...staff, ...answer.staff, locale: answer.staff.locale ?? locale });
          } catch (error) {
            setErrors(errorsOf(error));
          }
        }}
      >
        <TextField
          name="name"
          label={t('name')}
          value={name}
          onValue={setName}
          errors={errors}
          autoComplete="name"
          required
        />
        <TextArea name="bio" label={t('bio')} value={bio} onValue={setBio} errors={errors} rows={4} />
        <TextField
          name="jobTitle"
          label={t('jobTitle')}
          value={jobTitle}
          onValue={setJobTitle}
          errors={errors}
        />
        <TextArea
          name="expertise"
          label={t('expertise')}
          hint={t('expertiseHint')}
          value={expertise}
          onValue={setExpertise}
          errors={errors}
          rows={2}
        />
        <TextField
          name="contact"
          label={t('contact')}
          hint={t('contactHint')}
          value={contact}
          onValue={setContact}
          errors={errors}
        />
        <TextField
          name="fediverse"
          label={t('fediverse')}
          hint={t('fediverseHint')}
          value={fediverse}
          onValue={setFediverse}
          errors={errors}
        />
        <TextArea
          name="profileLinks"
          label={t('profileLinks')}
          hint={t('profileLinksHint')}
          value={links}
          onValue={setLinks}
          errors={errors.map((e) =>
            e.property?.startsWith('profileLinks.') ? { ...e, property: 'profileLinks' } : e,
          )}
          rows={3}
        />
        <SelectField
          name="locale"
          label={t('interfaceLanguage')}
          value={locale}
          onValue={(l) => setLocale(l as Locale)}
          options={[
            { value: 'en', label: 'English' },
            { value: 'nb', label: 'Norsk bokmål' },
          ]}
          errors={errors}
        />
        <button type="submit" class="button primary">
          {t('saveProfile')}
        </button>
      </form>

      <section class="panel narrow" aria-labelledby="password-heading">
        <h2 id="password-heading">{t('changePassword')}</h2>
        <StatusMessage message={passwordMessage} />
        <ErrorSummary errors={passwordErrors} />
        <form
          class="form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await api.post('/profile/password', { currentPassword, newPassword });
              setPasswordErrors([]);
              setCurrent('');
              setNew('');
              setPasswordMessage(t('passwordChanged'));
            } catch (error) {
              setPasswordErrors(errorsOf(error));
            }
          }}
        >
          <TextField
            name="currentPassword"
            type="password"
            label={t('currentPassword')}
            value={currentPassword}
            onValue={setCurrent}
            errors={passwordErrors}
            autoComplete="current-password"
            required
          />
          <TextField
            name="newPassword"
            type="password"
            label={t('newPassword')}
            hint={t('passwordRules')}
            value={newPassword}
            onValue={setNew}
            errors={passwordErrors}
            autoComplete="new-password"
            required
          />
          <button type="submit" class="button primary">
            {t('changePassword')}
          </button>
        </form>
      </section>

      <TwoStepPanel />
    </>
  );
}
