// Members: search and filters kept in the address, paging, counts by status; add one by hand, change
// their newsletters and status, delete one with all their data; CSV export and import.
import { useState } from 'preact/hooks';
import { api, type Member, type Meta, type Newsletter } from '../api.js';
import { formatDate, formatNumber, t } from '../i18n.js';
import { replacePath, type Route } from '../router.js';
import { usePermissions } from '../session.js';
import {
  Button,
  ConfirmButton,
  ErrorSummary,
  errorsOf,
  Loading,
  Pager,
  ScreenHeading,
  StatusMessage,
  useLoad,
  type Errors,
} from '../ui.js';
import { AddMember, EditMember, ImportMembers, memberStatuses } from '../components/member-forms.js';

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
        memberStatuses.map((status) =>
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
            {memberStatuses.map((s) => (
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
