import type { Page } from 'playwright-core';

export interface StandInCall {
  method: string;
  path: string;
  body: unknown;
  contentType?: string;
}

/**
 * The newsletter, member and send endpoints of docs/newsletters.md, answered in the page with made-up
 * data (and the newsletters of a publish request recorded, then left out for the real server, which
 * knows none of the made-up newsletters): the states that are hard to reach with real data (a send
 * under way, a report with failures). The real endpoints are exercised in test/http and test/jobs.
 */
export async function standInApi(page: Page): Promise<StandInCall[]> {
  const calls: StandInCall[] = [];
  const newsletter = (id: string, name: string, memberCount: number) => ({
    id,
    slug: id,
    name,
    language: 'en',
    senderName: 'The Test Ledger',
    senderEmail: 'news@news.example',
    replyTo: '',
    footer: 'You get this because you signed up.',
    isActive: true,
    sortOrder: 0,
    memberCount,
  });
  const newsletters = [newsletter('nl-1', 'Morning briefing', 1234), newsletter('nl-2', 'Weekly digest', 56)];
  const member = {
    id: 'm-1',
    email: 'rita@example.com',
    name: 'Rita Reader',
    status: 'active',
    newsletterIds: ['nl-1'],
    consentSource: 'signup',
    consentAt: '2026-01-02T10:00:00.000Z',
    createdAt: '2026-01-02T09:58:00.000Z',
  };
  const counts: Record<string, number> = { active: 1200, pending: 30, unsubscribed: 4 };
  let sendLooks = 0;
  const send = (done: boolean) => ({
    id: 's-1',
    postId: 'p',
    newsletterId: 'nl-1',
    noteId: null,
    status: done ? 'done' : 'sending',
    total: 50_000,
    sent: done ? 49_990 : 1234,
    failed: done ? 10 : 3,
    skipped: 0,
    pending: done ? 0 : 50_000 - 1237,
    possiblyDuplicated: done ? 1 : 0,
    createdAt: '2026-01-03T08:00:00.000Z',
    startedAt: '2026-01-03T08:00:01.000Z',
    finishedAt: done ? '2026-01-03T08:20:00.000Z' : null,
  });
  const isStandIn = (url: URL) =>
    /^\/admin\/api\/(newsletters|members|sends)(\/|$)/.test(url.pathname) ||
    /^\/admin\/api\/posts\/[^/]+\/publish$/.test(url.pathname);
  await page.route(isStandIn, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const method = request.method();
    const path = url.pathname.slice('/admin/api'.length);
    const text = request.postData();
    const contentType = request.headers()['content-type'];
    const body = contentType === 'application/json' && text ? (JSON.parse(text) as unknown) : text;
    if (method !== 'GET')
      calls.push({
        method,
        path: url.pathname,
        body,
        ...(contentType === 'text/csv' ? { contentType } : {}),
      });
    const json = (answer: unknown, status = 200) =>
      route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(answer) });
    if (path.endsWith('/publish')) {
      const { newsletterIds: _, ...rest } = (body ?? {}) as Record<string, unknown>;
      return route.continue({ postData: JSON.stringify(rest) });
    }
    if (method === 'GET' && path === '/newsletters') return json({ newsletters });
    if (method === 'GET' && path === '/newsletters/recipient-count') {
      // Made-up members: 1,234 and 56, of whom 40 get both.
      const ids = (url.searchParams.get('newsletterIds') ?? '').split(',');
      const count = (ids.includes('nl-1') ? 1234 : 0) + (ids.includes('nl-2') ? 56 : 0);
      return json({ newsletterIds: ids, count: ids.length === 2 ? count - 40 : count });
    }
    if (method === 'GET' && path === '/members') {
      const status = url.searchParams.get('status');
      const total = status ? (counts[status] ?? 0) : 1;
      return json({ members: status ? [] : [member], meta: { page: 1, limit: 50, total } });
    }
    if (method === 'PATCH' && path === '/members/m-1')
      return json({ member: { ...member, ...(body as object) } });
    if (method === 'DELETE' && path === '/members/m-1') return route.fulfill({ status: 204 });
    // The import is answered queued (202); its progress, polled, is done with one bad line.
    const memberImport = { id: 'imp-1', totalLines: 2, imported: 1, updated: 0, skipped: 1 };
    if (method === 'POST' && path === '/members/import')
      return json({ import: { ...memberImport, status: 'queued', linesDone: 0, errors: [] } }, 202);
    if (method === 'GET' && path === '/members/imports/imp-1') {
      const afterLine = Number(url.searchParams.get('afterLine') ?? 0);
      const report = [{ line: 3, email: 'not-an-address', message: 'Not an email address' }];
      return json({
        import: {
          ...memberImport,
          status: 'done',
          linesDone: 2,
          errors: report.filter((e) => e.line > afterLine),
        },
      });
    }
    if (method === 'GET' && path === '/sends') return json({ sends: [send(false)] });
    if (method === 'GET' && path === '/sends/s-1')
      return json({
        send: send(++sendLooks > 1),
        report: {
          failures: sendLooks > 1 ? [{ email: 'bounce@example.com', error: '550 No such user' }] : [],
          possiblyDuplicated: sendLooks > 1 ? ['twice@example.com'] : [],
        },
      });
    if (method === 'POST' && /^\/newsletters\/[^/]+\/sends$/.test(path))
      return json({ send: { ...send(false), id: 's-2', newsletterId: path.split('/')[2] } }, 201);
    return json({ errors: [{ code: 'NOT_FOUND', message: `stand-in: ${method} ${path}` }] }, 404);
  });
  return calls;
}
