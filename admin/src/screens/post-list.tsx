// Posts and pages: filters (status, author, tag, language, title search) kept in the address, paging.
import { useState } from 'preact/hooks';
import { api, type Meta, type PostSummary, type PostType, type Staff, type Tag } from '../api.js';
import { formatDate, t } from '../i18n.js';
import { replacePath, type Route } from '../router.js';
import { usePermissions } from '../session.js';
import { ErrorSummary, Loading, Pager, ScreenHeading, useLoad } from '../ui.js';

const statuses = ['draft', 'scheduled', 'published'] as const;

export function PostListScreen({ type, route }: { type: PostType; route: Route }) {
  const { may } = usePermissions();
  const base = type === 'page' ? 'pages' : 'posts';
  const [filters, setFilters] = useState(() => ({
    status: route.query.get('status') ?? '',
    authorId: route.query.get('authorId') ?? '',
    tagId: route.query.get('tagId') ?? '',
    language: route.query.get('language') ?? '',
    q: route.query.get('q') ?? '',
    page: Number(route.query.get('page') ?? 1) || 1,
  }));
  const [search, setSearch] = useState(filters.q);
  const list = useLoad(
    () =>
      api
        .get<{ posts?: PostSummary[]; pages?: PostSummary[]; meta: Meta }>(`/${base}`, {
          ...filters,
          limit: 20,
        })
        .then((a) => ({ posts: a.posts ?? a.pages ?? [], meta: a.meta })),
    [base, filters.status, filters.authorId, filters.tagId, filters.language, filters.q, filters.page],
  );
  const staff = useLoad(() => api.get<{ staff: Staff[] }>('/staff').catch(() => ({ staff: [] })), []);
  const tags = useLoad(() => api.get<{ tags: Tag[] }>('/tags').catch(() => ({ tags: [] })), []);
  const languages = [...new Set(['en', 'nb', ...(list.data?.posts.map((p) => p.language) ?? [])])];

  const update = (change: Partial<typeof filters>) => {
    const next = { ...filters, page: 1, ...change };
    setFilters(next);
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(next))
      if (value && !(key === 'page' && value === 1)) query.set(key, String(value));
    const text = query.toString();
    replacePath(`/${base}${text ? `?${text}` : ''}`);
  };
  const create = type === 'page' ? may('page', 'create') : may('post', 'create');
  const heading = type === 'page' ? t('pagesTitle') : t('postsTitle');

  return (
    <>
      <div class="screen-head">
        <ScreenHeading>{heading}</ScreenHeading>
        {create ? (
          <a class="button primary" href={`#/${base}/new`}>
            {type === 'page' ? t('newPage') : t('newPost')}
          </a>
        ) : null}
      </div>
      <form
        class="filters"
        role="search"
        aria-label={t('filters')}
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: search });
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
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-author">{t('author')}</label>
          <select
            id="filter-author"
            value={filters.authorId}
            onChange={(e) => update({ authorId: e.currentTarget.value })}
          >
            <option value="">{t('all')}</option>
            {staff.data?.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-tag">{t('tag')}</label>
          <select
            id="filter-tag"
            value={filters.tagId}
            onChange={(e) => update({ tagId: e.currentTarget.value })}
          >
            <option value="">{t('all')}</option>
            {tags.data?.tags.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-language">{t('language')}</label>
          <select
            id="filter-language"
            value={filters.language}
            onChange={(e) => update({ language: e.currentTarget.value })}
          >
            <option value="">{t('all')}</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div class="field grow">
          <label for="filter-q">{t('searchTitles')}</label>
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
      <ErrorSummary errors={list.errors} />
      <Loading isLoading={list.isLoading} />
      {list.data ? (
        list.data.posts.length === 0 ? (
          <p>{t('nothingFound')}</p>
        ) : (
          <table class="list">
            <caption class="visually-hidden">{heading}</caption>
            <thead>
              <tr>
                <th scope="col">{t('title')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('authors')}</th>
                <th scope="col">{t('language')}</th>
                <th scope="col">{t('updated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.posts.map((post) => (
                <tr key={post.id}>
                  <td>
                    <a href={`#/${base}/${post.id}`}>{post.title || t('untitled')}</a>
                    {post.status === 'published' && post.url ? (
                      <>
                        {' '}
                        <a
                          class="small view-on-site"
                          href={post.url}
                          target="_blank"
                          rel="noopener"
                          aria-label={`${t('viewOnSite', { title: post.title || t('untitled') })} ${t('opensInNewTab')}`}
                        >
                          {t('view')}
                        </a>
                      </>
                    ) : null}
                    {post.tags.length ? (
                      <span class="muted small"> · {post.tags.map((tag) => tag.name).join(', ')}</span>
                    ) : null}
                  </td>
                  <td>
                    <span class={`badge badge-${post.status}`}>{t(`status_${post.status}`)}</span>
                    {post.publishedAt ? (
                      <span class="muted small"> {formatDate(post.publishedAt)}</span>
                    ) : null}
                  </td>
                  <td>{post.authors.map((a) => a.name).join(', ')}</td>
                  <td>{post.language}</td>
                  <td>{formatDate(post.updatedAt)}</td>
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
