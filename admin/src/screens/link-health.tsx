// Link health: every cited source with its state, filtered by state, a keyset page at a time, with
// the posts citing them and "re-archive now".
import { useState } from 'preact/hooks';
import { api, type LinkHealth, type LinkState } from '../api.js';
import { SourceState } from '../components/source-state.js';
import { t, type Key } from '../i18n.js';
import { replacePath, type Route } from '../router.js';
import {
  Button,
  ErrorSummary,
  errorsOf,
  Loading,
  ScreenHeading,
  StatusMessage,
  useLoad,
  type Errors,
} from '../ui.js';

const states: LinkState[] = ['gone', 'changed', 'redirected', 'unreachable', 'ok', 'unchecked'];

interface Page {
  sources: LinkHealth[];
  next: string | null;
}

export function LinkHealthScreen({ route }: { route: Route }) {
  const [state, setState] = useState(route.query.get('state') ?? '');
  const [more, setMore] = useState<Page[]>([]);
  const [errors, setErrors] = useState<Errors>([]);
  const [message, setMessage] = useState('');
  const first = useLoad(() => api.get<Page>('/sources', { state, limit: 50 }), [state]);
  const pages = first.data ? [first.data, ...more] : [];
  const rows = pages.flatMap((p) => p.sources);
  const next = pages.at(-1)?.next ?? null;

  const choose = (value: string) => {
    setMore([]);
    setState(value);
    replacePath(`/sources${value ? `?state=${value}` : ''}`);
  };
  const loadMore = async () => {
    try {
      setMore([...more, await api.get<Page>('/sources', { state, limit: 50, after: next })]);
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };
  const reArchive = async (row: LinkHealth) => {
    const name = row.title || row.publisher;
    try {
      await api.post(`/sources/${row.id}/archive`);
      setMessage(t('reArchiveQueued', { name }));
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };

  return (
    <>
      <ScreenHeading>{t('linkHealthTitle')}</ScreenHeading>
      <p>{t('linkHealthIntro')}</p>
      <form class="filters" role="search" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="filter-link-state">{t('linkState')}</label>
          <select id="filter-link-state" value={state} onChange={(e) => choose(e.currentTarget.value)}>
            <option value="">{t('all')}</option>
            {states.map((s) => (
              <option key={s} value={s}>
                {t(`linkState_${s}` as Key)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <StatusMessage message={message} />
      <ErrorSummary errors={[...first.errors, ...errors]} />
      <Loading isLoading={first.isLoading} />
      {first.data && rows.length === 0 ? <p>{t('noLinkProblems')}</p> : null}
      {rows.length > 0 ? (
        <table class="list">
          <caption class="visually-hidden">{t('linkHealthTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('source')}</th>
              <th scope="col">{t('citedIn')}</th>
              <th scope="col">{t('linkState')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('reArchive')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const name = row.title || row.publisher;
              return (
                <tr key={row.id}>
                  <td>
                    <strong>{row.publisher}</strong>
                    {row.title ? <span> · {row.title}</span> : null}
                    <br />
                    <a class="small break" href={row.url} target="_blank" rel="noopener noreferrer">
                      {row.url}
                    </a>
                  </td>
                  <td>
                    <a href={`#/posts/${row.post.id}`}>{row.post.title || t('untitled')}</a>{' '}
                    <span class={`badge badge-${row.post.status}`}>{t(`status_${row.post.status}`)}</span>
                  </td>
                  <td>
                    <SourceState source={{ ...row, note: '' }} name={name} />
                  </td>
                  <td>
                    {row.post.status === 'published' ? (
                      <Button aria-label={t('reArchiveOf', { name })} onClick={() => void reArchive(row)}>
                        {t('reArchive')}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {next ? <Button onClick={() => void loadMore()}>{t('moreSources')}</Button> : null}
    </>
  );
}
