// Members: search and filters kept in the address, paging, counts by status; add one by hand, change
// their newsletters and status, delete one with all their data; CSV export and import.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  api,
  type Member,
  type MemberImport,
  type MemberStatus,
  type Meta,
  type Newsletter,
} from '../api.js';
import { formatDate, formatNumber, t } from '../i18n.js';
import { replacePath, type Route } from '../router.js';
import { usePermissions } from '../session.js';
import {
  Button,
  Checkbox,
  ConfirmButton,
  ErrorSummary,
  errorsOf,
  Loading,
  Pager,
  ScreenHeading,
  SelectField,
  StatusMessage,
  TextField,
  useLoad,
  type Errors,
} from '../ui.js';

const statuses: MemberStatus[] = ['active', 'pending', 'unsubscribed'];
const pageSize = 50;

export function MembersScreen({ route }: { route: Route }) {
  const { may } = usePermissions();
  const [filters, setFilters] = useState(() => ({
    q: route.query.get('q') ?? '',
    status: route.query.get('status') ?? '',
    newsletterId: route.query.get('newsletterId') ?? '',
    page: Number(route.query.get('page') ?? 1) || 1,
  }));
  const [search, setSearch] = useState(filters.q);
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Errors>([]);
  const [editing, setEditing] = useState<Member | null>(null);
  const list = useLoad(
    () => api.get<{ members: Member[]; meta: Meta }>('/members', { ...filters, limit: pageSize }),
    [filters.q, filters.status, filters.newsletterId, filters.page],
  );
  // How many members have each status: the total of a one-row page per status.
  const counts = useLoad(
    () =>
      Promise.all(
        statuses.map((status) =>
          api.get<{ meta: Meta }>('/members', { status, limit: 1 }).then((a) => a.meta.total),
        ),
      ).then(([active = 0, pending = 0, unsubscribed = 0]) => ({ active, pending, unsubscribed })),
    [],
  );
  const newsletters = useLoad(
    () =>
      may('newsletter', 'read')
        ? api.get<{ newsletters: Newsletter[] }>('/newsletters').then((a) => a.newsletters)
        : Promise.resolve([] as Newsletter[]),
    [],
  );
  const allNewsletters = newsletters.data ?? [];
  const nameOf = (id: string) => allNewsletters.find((n) => n.id === id)?.name ?? t('unknownNewsletter');

  const update = (change: Partial<typeof filters>) => {
    const next = { ...filters, page: 1, ...change };
    setFilters(next);
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(next))
      if (value && !(key === 'page' && value === 1)) query.set(key, String(value));
    const text = query.toString();
    replacePath(`/members${text ? `?${text}` : ''}`);
  };
  const reload = async () => {
    await Promise.all([list.reload(), counts.reload()]);
  };

  return (
    <>
      <div class="screen-head">
        <ScreenHeading>{t('membersTitle')}</ScreenHeading>
        <a class="button" href="/admin/api/members/export" download="members.csv">
          {t('exportCsv')}
        </a>
      </div>
      {counts.data ? (
        <p>
          {t('memberCounts', {
            active: formatNumber(counts.data.active),
            pending: formatNumber(counts.data.pending),
            unsubscribed: formatNumber(counts.data.unsubscribed),
          })}
        </p>
      ) : null}
      <StatusMessage message={message} />
      <ErrorSummary errors={editing ? [] : [...errors, ...list.errors]} />
      {editing ? (
        <EditMember
          member={editing}
          newsletters={allNewsletters}
          onCancel={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            setMessage(t('saved'));
            await reload();
          }}
        />
      ) : null}
      {may('member', 'create') ? (
        <div class="member-tools">
          <AddMember
            newsletters={allNewsletters}
            onAdded={async (email) => {
              setMessage(t('memberAdded', { email }));
              await reload();
            }}
          />
          <ImportMembers onImported={reload} />
        </div>
      ) : null}
      <form
        class="filters"
        role="search"
        aria-label={t('filters')}
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: search.trim() });
        }}
      >
        <div class="field">
          <label for="filter-status">{t('status')}</label>
          <select
            id="filter-status"
            value={filters.status}
            onChange={(e) => update({ status: e.currentTarget.value })}
          >
            <option value="">{t('all')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`memberStatus_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-newsletter">{t('newsletter')}</label>
          <select
            id="filter-newsletter"
            value={filters.newsletterId}
            onChange={(e) => update({ newsletterId: e.currentTarget.value })}
          >
            <option value="">{t('all')}</option>
            {allNewsletters.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field grow">
          <label for="filter-q">{t('searchMembers')}</label>
          <input
            id="filter-q"
            type="search"
            value={search}
            onInput={(e) => setSearch(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button">
          {t('search')}
        </button>
      </form>
      <Loading isLoading={list.isLoading} />
      {list.data ? (
        list.data.members.length === 0 ? (
          <p>{t('nothingFound')}</p>
        ) : (
          <table class="list">
            <caption class="visually-hidden">{t('membersTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('newsletters')}</th>
                <th scope="col">{t('consent')}</th>
                <th scope="col">{t('memberSince')}</th>
                {may('member', 'update') || may('member', 'delete') ? (
                  <th scope="col">
                    <span class="visually-hidden">{t('actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {list.data.members.map((member) => (
                <tr key={member.id}>
                  <td>{member.email}</td>
                  <td>{member.name}</td>
                  <td>{t(`memberStatus_${member.status}`)}</td>
                  <td>{member.newsletterIds.map(nameOf).join(', ')}</td>
                  <td>
                    {t(`consent_${member.consentSource}`)}
                    {member.consentAt ? (
                      <span class="muted small"> {formatDate(member.consentAt)}</span>
                    ) : null}
                  </td>
                  <td>{formatDate(member.createdAt)}</td>
                  {may('member', 'update') || may('member', 'delete') ? (
                    <td class="row-actions">
                      {may('member', 'update') ? (
                        <Button
                          aria-label={t('editMember', { email: member.email })}
                          onClick={() => setEditing(member)}
                        >
                          {t('edit')}
                        </Button>
                      ) : null}
                      {may('member', 'delete') ? (
                        <ConfirmButton
                          label={t('delete')}
                          accessibleLabel={t('deleteNamed', { name: member.email })}
                          confirmText={t('confirmDeleteMember', { email: member.email })}
                          onConfirm={async () => {
                            try {
                              await api.delete(`/members/${encodeURIComponent(member.id)}`);
                              setErrors([]);
                              setMessage(t('deleted'));
                              if (editing?.id === member.id) setEditing(null);
                              await reload();
                            } catch (error) {
                              setErrors(errorsOf(error));
                            }
                          }}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      <Pager meta={list.data?.meta} onPage={(page) => update({ page })} />
    </>
  );
}

/** A checkbox per newsletter, in a fieldset named by `legend`. */
function NewsletterChecks(props: {
  idPrefix: string;
  newsletters: Newsletter[];
  selected: string[];
  onChange: (ids: string[]) => void;
  errors?: Errors;
}) {
  return (
    <fieldset class="checklist">
      <legend>{t('memberNewsletters')}</legend>
      {props.newsletters.length === 0 ? <p class="muted">{t('noNewsletters')}</p> : null}
      {props.newsletters.map((n) => (
        <Checkbox
          key={n.id}
          name={`${props.idPrefix}-${n.id}`}
          label={n.name}
          checked={props.selected.includes(n.id)}
          onValue={(on) =>
            props.onChange(on ? [...props.selected, n.id] : props.selected.filter((x) => x !== n.id))
          }
        />
      ))}
      {props.errors?.some((e) => e.property === 'newsletterIds') ? (
        <p class="field-error">{props.errors.find((e) => e.property === 'newsletterIds')?.message}</p>
      ) : null}
    </fieldset>
  );
}

function AddMember(props: { newsletters: Newsletter[]; onAdded: (email: string) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [newsletterIds, setNewsletterIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>([]);
  return (
    <section class="panel" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">{t('addMember')}</h2>
      <p class="hint">{t('addMemberHint')}</p>
      <ErrorSummary errors={errors} />
      <form
        class="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const added = email.trim();
            await api.post('/members', { email: added, name: name.trim() || undefined, newsletterIds });
            setErrors([]);
            setEmail('');
            setName('');
            setNewsletterIds([]);
            await props.onAdded(added);
          } catch (error) {
            setErrors(errorsOf(error));
          }
        }}
      >
        <TextField
          name="email"
          id="add-member-email"
          type="email"
          label={t('email')}
          value={email}
          onValue={setEmail}
          errors={errors}
          autoComplete="off"
          required
        />
        <TextField
          name="name"
          id="add-member-name"
          label={t('name')}
          value={name}
          onValue={setName}
          errors={errors}
          autoComplete="off"
        />
        <NewsletterChecks
          idPrefix="add-newsletter"
          newsletters={props.newsletters}
          selected={newsletterIds}
          onChange={setNewsletterIds}
          errors={errors}
        />
        <div class="actions">
          <button type="submit" class="button primary">
            {t('addMember')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EditMember(props: {
  member: Member;
  newsletters: Newsletter[];
  onCancel: () => void;
  onSaved: () => Promise<void>;
}) {
  const { member } = props;
  const [name, setName] = useState(member.name);
  const [status, setStatus] = useState<MemberStatus>(member.status);
  const [newsletterIds, setNewsletterIds] = useState(member.newsletterIds);
  const [errors, setErrors] = useState<Errors>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [member.id]);
  return (
    <section class="panel" aria-labelledby="edit-member-heading">
      <h2 id="edit-member-heading" tabIndex={-1} ref={heading}>
        {t('editMember', { email: member.email })}
      </h2>
      <ErrorSummary errors={errors} />
      <form
        class="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await api.patch(`/members/${encodeURIComponent(member.id)}`, {
              name: name.trim(),
              status,
              newsletterIds,
            });
            setErrors([]);
            await props.onSaved();
          } catch (error) {
            setErrors(errorsOf(error));
          }
        }}
      >
        <TextField
          name="name"
          id="edit-member-name"
          label={t('name')}
          value={name}
          onValue={setName}
          errors={errors}
          autoComplete="off"
        />
        <SelectField
          name="status"
          id="edit-member-status"
          label={t('status')}
          value={status}
          onValue={(value) => setStatus(value as MemberStatus)}
          options={statuses.map((s) => ({ value: s, label: t(`memberStatus_${s}`) }))}
          errors={errors}
        />
        <NewsletterChecks
          idPrefix="edit-newsletter"
          newsletters={props.newsletters}
          selected={newsletterIds}
          onChange={setNewsletterIds}
          errors={errors}
        />
        <div class="actions">
          <button type="submit" class="button primary">
            {t('save')}
          </button>
          <Button onClick={props.onCancel}>{t('cancel')}</Button>
        </div>
      </form>
    </section>
  );
}

function ImportMembers(props: { onImported: () => Promise<void> }) {
  const file = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<Errors>([]);
  const [isImporting, setImporting] = useState(false);
  const [result, setResult] = useState<MemberImport | null>(null);
  return (
    <section class="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importCsv')}</h2>
      <ErrorSummary errors={errors} />
      <form
        class="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const chosen = file.current?.files?.[0];
          if (!chosen) {
            setErrors([{ code: 'VALIDATION', message: t('chooseFileFirst'), property: 'importFile' }]);
            return;
          }
          setImporting(true);
          setResult(null);
          try {
            const answer = await api.postCsv<MemberImport>('/members/import', await chosen.text());
            setErrors([]);
            setResult(answer);
            if (file.current) file.current.value = '';
            await props.onImported();
          } catch (error) {
            setErrors(errorsOf(error));
          } finally {
            setImporting(false);
          }
        }}
      >
        <div class="field">
          <label for="f-importFile">{t('importFile')}</label>
          <p class="hint" id="f-importFile-hint">
            {t('importHint')}
          </p>
          <input
            id="f-importFile"
            ref={file}
            type="file"
            accept=".csv,text/csv"
            aria-describedby="f-importFile-hint"
            aria-invalid={errors.some((e) => e.property === 'importFile') ? 'true' : undefined}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button" disabled={isImporting}>
            {isImporting ? t('importing') : t('importButton')}
          </button>
        </div>
      </form>
      <p class="status" role="status" aria-live="polite">
        {result
          ? t('importResult', {
              imported: formatNumber(result.imported),
              updated: formatNumber(result.updated),
              skipped: formatNumber(result.skipped),
            })
          : ''}
      </p>
      {result?.errors.length ? (
        <>
          <h3 id="import-errors-heading">{t('importErrors')}</h3>
          <ul class="import-errors" aria-labelledby="import-errors-heading">
            {result.errors.map((error, i) => (
              <li key={i}>{t('importLine', { line: error.line, message: error.message })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
