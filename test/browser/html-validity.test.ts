// Every page type is valid HTML5 according to the Nu HTML Checker (vnu.jar, run once over all pages).
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import {
  fetchPages,
  pageTypes,
  skipUnlessCi,
  startDemoServer,
  type FetchedPage,
  type RunningServer,
} from './page-types.js';
import { assertNoNuErrors, checkAll, javaMissing, type NuMessage } from './nu-kit.js';

const fileName = (page: FetchedPage) => page.page.name;

describe('HTML validity (Nu HTML Checker)', { skip: skipUnlessCi(javaMissing) }, () => {
  let server: RunningServer | undefined;
  let pages: FetchedPage[] = [];
  let results = new Map<string, NuMessage[]>();

  before(async () => {
    if (javaMissing) throw new Error(`CI must run this suite, but: ${javaMissing}`);
    server = await startDemoServer();
    pages = await fetchPages(server);
    results = checkAll(pages.map((page) => ({ name: fileName(page), html: page.html })));
  });

  after(async () => {
    await server?.close();
  });

  test('every page type answers with the status it should', () => {
    const wrong = pages.filter((p) => p.status !== p.page.status);
    assert.deepEqual(
      wrong.map((p) => `${p.page.path}: ${p.status}`),
      [],
      'pages with an unexpected HTTP status',
    );
    assert.ok(pages.length >= pageTypes.length);
  });

  const assertValid = (t: TestContext, page: FetchedPage) =>
    assertNoNuErrors(t, page.page.path, results.get(fileName(page)) ?? []);

  for (const type of pageTypes) {
    test(`${type.name} (${type.path}) has no validation errors`, (t) => {
      const page = pages.find((p) => p.page.name === type.name);
      assert.ok(page, `${type.path} was not fetched`);
      assertValid(t, page);
    });
  }
});
