// The post editor in real Chromium, with the admin's real CSP: a draft made by the first keystroke,
// the `/` menu and `+` button, images dropped into the body (uploaded with progress, then described,
// and remembered by the library), tags as a type-ahead with a primary tag, problems in plain words on
// save only, asking before unsaved changes are lost, and "View post" once published.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildApp } from '../../src/http/app.js';
import { ensureAdminBuilt } from '../helpers/admin-build.js';
import { aTag, anImage, makeJpeg } from '../helpers/factories.js';
import { createTestSite, type TestSite } from '../helpers/sites.js';
import { owner, settle, watch, type Watched } from './admin-page-kit.js';
import { chromiumMissing, freePort, launchChromium, recordCspViolations } from './browser-kit.js';
import { skipUnlessCi } from './page-types.js';

// Browser globals for functions that run in the page (the test project has no DOM types).
declare const location: { hash: string };

interface Doc {
  type: string;
  content?: Doc[];
  attrs?: Record<string, unknown>;
  text?: string;
}

/** What the test reads of the tiptap editor that keeps itself on its element. */
interface EditorOnElement {
  state: { selection: { $from: { parentOffset: number; parent: { textContent: string } } } };
}

describe('the post editor in Chromium', { skip: skipUnlessCi(chromiumMissing) }, () => {
  let browser: Browser;
  let site: TestSite;
  let origin: string;
  let context: BrowserContext;
  let main: Watched;
  let close: () => Promise<void>;
  let harbourTagId = '';

  before(async () => {
    await ensureAdminBuilt();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    site = await createTestSite('sqlite', { BROADSHEET_URL: origin });
    harbourTagId = (await aTag(site.ctx, 'Harbour', 'topic')).id;
    await aTag(site.ctx, 'Weather', 'topic');
    const { app } = await buildApp(site);
    await app.listen({ host: '127.0.0.1', port });
    close = () => app.close();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(recordCspViolations);
    main = watch(await context.newPage());
    await main.page.goto(`${origin}/admin/`);
    await main.page.evaluate(
      `fetch('/admin/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify(${JSON.stringify({ siteTitle: 'The Harbour Gazette', ...owner })}) })
        .then((r) => { if (!r.ok) throw new Error('setup answered ' + r.status); })`,
    );
  });

  after(async () => {
    await browser?.close();
    await close?.();
    await site?.destroy();
  });

  async function openEditor(page: Page, route: string): Promise<void> {
    await page.goto(`${origin}/admin/#/${route}`);
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('textbox', { name: 'Body' }).waitFor();
    await settle(page);
  }

  const savedPost = async () => {
    const id = /#\/posts\/([^/?]+)$/.exec(main.page.url())?.[1];
    assert.ok(id && id !== 'new', `the address names the post: ${main.page.url()}`);
    return (await site.ctx.repos.posts.findById(id))!;
  };
  const bodyOf = async () => JSON.parse((await savedPost()).bodyJson) as Doc;
  /** Polls the database (the server's own record) until `check` passes or 10 s are over. */
  async function eventually(check: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
  const waitSaved = (page: Page) => page.locator('.save-state', { hasText: /^Saved$/ }).waitFor();
  const cspViolations = async (page: Page) => (await page.evaluate('window.__cspViolations')) as string[];

  test('the first keystroke in the body of a new post creates the draft, and the heading follows the title', async () => {
    const { page } = main;
    await openEditor(page, 'posts/new');
    assert.equal(await page.locator('h1').textContent(), 'New post');
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.type('W');
    await page.waitForFunction(
      () => /^#\/posts\/[^/]+$/.test(location.hash) && !location.hash.endsWith('/new'),
    );
    const created = await savedPost();
    assert.equal(created.status, 'draft');
    await page.keyboard.type('aves broke over the north quay overnight.');
    const title = page.getByLabel('Title', { exact: true });
    assert.equal(await title.evaluate((el) => (el as unknown as { tagName: string }).tagName), 'TEXTAREA');
    await title.fill('Storm batters the harbour as the north quay gives way after a night of waves');
    await waitSaved(page);
    assert.equal(
      await page.locator('h1').textContent(),
      'Storm batters the harbour as the north quay gives way after a night of waves',
    );
    const saved = await savedPost();
    assert.equal(saved.title, 'Storm batters the harbour as the north quay gives way after a night of waves');
    assert.match(saved.slug, /^storm-batters-the-harbour/, 'the slug follows the title typed after the body');
    assert.match(await page.locator('.word-count').innerText(), /^7 words · 1 min read$/);
    assert.deepEqual(main.problems, []);
  });

  test('the / menu filters blocks as you type, moves with the arrow keys, chooses with Enter and closes with Escape', async () => {
    const { page } = main;
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/');
    const menu = page.getByRole('listbox', { name: 'Blocks' });
    await menu.waitFor();
    assert.ok((await menu.getByRole('option').count()) >= 9, 'every block is offered');
    await page.keyboard.type('quo');
    assert.deepEqual(await menu.getByRole('option').allTextContents(), ['Quote', 'Pull quote']);
    const body = page.getByRole('textbox', { name: 'Body' });
    assert.equal(await body.getAttribute('aria-activedescendant'), 'block-option-quote');
    await page.keyboard.press('ArrowDown');
    assert.equal(await body.getAttribute('aria-activedescendant'), 'block-option-pullQuote');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    await page.keyboard.type('We will rebuild it stone by stone');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/tab');
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    assert.equal(await body.getAttribute('aria-activedescendant'), null);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('/table');
    await menu.waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Quay');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Damage');
    await waitSaved(page);
    await eventually(async () => assert.ok((await bodyOf()).content!.some((b) => b.type === 'table')));
    const doc = await bodyOf();
    const types = doc.content!.map((b) => b.type);
    assert.ok(types.includes('pullQuote'), types.join());
    const pull = doc.content!.find((b) => b.type === 'pullQuote')!;
    assert.equal(pull.content?.[0]?.text, 'We will rebuild it stone by stone');
    const table = doc.content!.find((b) => b.type === 'table')!;
    assert.equal(table.content!.length, 3, 'a table of three rows');
    assert.deepEqual(
      table.content![0]!.content!.map((cell) => [cell.type, cell.content?.[0]?.content?.[0]?.text ?? '']),
      [
        ['tableHeader', 'Quay'],
        ['tableHeader', 'Damage'],
        ['tableHeader', ''],
      ],
    );
    assert.deepEqual(main.problems, []);
  });

  test('the + button beside an empty paragraph opens the same menu, with the focus in it', async () => {
    const { page } = main;
    const body = page.getByRole('textbox', { name: 'Body' });
    // A click or a caret key reaches the editor's state on a later selectionchange: each key waits
    // for the editor (tiptap keeps itself on its element) to be where the last step put the caret.
    const caretAt = (text: string, offset?: number) =>
      page.waitForFunction(
        ([expected, at]) => {
          const page = globalThis as unknown as {
            document: { querySelector(selector: string): { editor: EditorOnElement } };
          };
          const { $from } = page.document.querySelector('.ProseMirror').editor.state.selection;
          return $from.parent.textContent === expected && (at === undefined || $from.parentOffset === at);
        },
        [text, offset] as const,
      );
    const first = 'Waves broke over the north quay overnight.';
    await body.locator('p').first().click();
    await caretAt(first);
    await page.keyboard.press('Home');
    await caretAt(first, 0);
    await page.keyboard.press('Enter');
    await caretAt(first, 0);
    await page.keyboard.press('ArrowUp');
    await caretAt('');
    const plus = page.getByRole('button', { name: 'Add a block' });
    await plus.waitFor();
    await plus.click();
    const menu = page.getByRole('listbox', { name: 'Blocks' });
    await menu.waitFor();
    assert.equal(
      await menu.evaluate(
        (el) =>
          el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
      ),
      true,
    );
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await menu.getAttribute('aria-activedescendant'), 'block-option-heading3');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Before dawn');
    await waitSaved(page);
    const doc = await bodyOf();
    assert.deepEqual(doc.content![0], {
      type: 'heading',
      attrs: { level: 3 },
      content: [{ type: 'text', text: 'Before dawn' }],
    });
    assert.deepEqual(main.problems, []);
  });

  test('toolbar buttons are labelled icons whose tooltips name their shortcut', async () => {
    const toolbar = main.page.getByRole('toolbar', { name: 'Formatting' });
    const bold = toolbar.getByRole('button', { name: 'Bold' });
    assert.equal(await bold.getAttribute('title'), 'Bold (Ctrl+B)');
    assert.equal(await bold.getAttribute('aria-keyshortcuts'), 'Control+B');
    assert.equal(await toolbar.getByRole('button', { name: 'Undo' }).getAttribute('title'), 'Undo (Ctrl+Z)');
    assert.equal(await toolbar.getByRole('button', { name: 'Link' }).getAttribute('title'), 'Link (Ctrl+K)');
    assert.equal(await toolbar.locator('button svg').count(), await toolbar.locator('button').count());
    assert.doesNotMatch(
      await toolbar.innerText(),
      /[\u{1F300}-\u{1FAFF}\u2190-\u21FF\u2600-\u27BF]/u,
      'no emoji',
    );
  });

  test('an image dropped into the body uploads with progress, becomes a figure and is described; the library remembers it', async () => {
    const { page } = main;
    await page.evaluate(`window.__sawProgress = false;
      new MutationObserver(() => { if (document.querySelector('.uploads progress')) window.__sawProgress = true; })
        .observe(document.body, { childList: true, subtree: true });`);
    const jpeg = (await makeJpeg(1600, 1000, '#557799')).toString('base64');
    await page.getByRole('textbox', { name: 'Body' }).locator('p').last().click();
    await page.evaluate(`(() => {
      const bytes = Uint8Array.from(atob('${jpeg}'), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'north-quay.jpg', { type: 'image/jpeg' }));
      const target = document.querySelector('.ProseMirror p:last-of-type');
      const box = target.getBoundingClientRect();
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true,
        clientX: box.left + 5, clientY: box.top + 5 }));
    })()`);
    const dialog = page.getByRole('dialog', { name: 'Describe the image' });
    await dialog.waitFor();
    assert.equal(await page.evaluate('window.__sawProgress'), true, 'an upload progress bar was shown');
    await dialog.getByLabel('Alt text').fill('Broken stones on the north quay');
    await dialog.getByLabel('Caption').fill('The north quay at first light');
    await dialog.getByLabel('Credit').fill('Photo: Kari Lens / Harbour Agency');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitSaved(page);
    await settle(page);
    let figure: Doc | undefined;
    await eventually(async () => {
      figure = (await bodyOf()).content!.find((b) => b.type === 'figure' && b.attrs?.alt);
      assert.ok(
        figure,
        `the dropped image is a described figure in the body: ${JSON.stringify(await bodyOf())}`,
      );
    });
    if (!figure) return;
    const mediaId = String(figure.attrs!.src).replace(/^media:/, '');
    assert.deepEqual(
      { alt: figure.attrs!.alt, caption: figure.attrs!.caption, credit: figure.attrs!.credit },
      {
        alt: 'Broken stones on the north quay',
        caption: 'The north quay at first light',
        credit: 'Photo: Kari Lens / Harbour Agency',
      },
    );
    const media = (await site.ctx.repos.media.findById(mediaId))!;
    assert.deepEqual(
      { alt: media.alt, caption: media.caption, credit: media.credit },
      {
        alt: 'Broken stones on the north quay',
        caption: 'The north quay at first light',
        credit: 'Photo: Kari Lens / Harbour Agency',
      },
      'the library keeps the details as the image defaults',
    );
    assert.deepEqual(main.problems, []);
  });

  test('an image pasted into the body is uploaded and placed as a figure too', async () => {
    const { page } = main;
    const png = (await makeJpeg(400, 300, '#aa6633')).toString('base64');
    const before = (await bodyOf()).content!.filter((b) => b.type === 'figure').length;
    await page.getByRole('textbox', { name: 'Body' }).locator('p').first().click();
    await page.evaluate(`(() => {
      const bytes = Uint8Array.from(atob('${png}'), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'pasted.jpg', { type: 'image/jpeg' }));
      document.querySelector('.ProseMirror').dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    const dialog = page.getByRole('dialog', { name: 'Describe the image' });
    await dialog.waitFor();
    await dialog.getByLabel('Alt text').fill('A pasted picture of the quay');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () => {
      const figures = (await bodyOf()).content!.filter((b) => b.type === 'figure');
      assert.equal(figures.length, before + 1);
      assert.ok(figures.some((f) => f.attrs?.alt === 'A pasted picture of the quay'));
    });
    assert.deepEqual(main.problems, []);
  });

  test('a reused photo brings its credit; the two image dialogs have ids and labels of their own', async () => {
    const { page } = main;
    const ids = (await page.evaluate(`[...document.querySelectorAll('[id]')].map((e) => e.id)`)) as string[];
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(repeated, [], 'no id is used twice on the editor screen');
    await page.getByRole('button', { name: 'Choose image' }).click();
    const picker = page.getByRole('dialog', { name: 'Feature image' });
    await picker.waitFor();
    await settle(page);
    await picker.getByRole('button', { name: /Broken stones on the north quay/ }).click();
    assert.equal(await picker.getByLabel('Credit').inputValue(), 'Photo: Kari Lens / Harbour Agency');
    assert.equal(await picker.getByLabel('Alt text').inputValue(), 'Broken stones on the north quay');
    assert.equal(await picker.getByLabel('Credit').getAttribute('id'), 'f-feature-image-credit');
    await picker.getByRole('button', { name: 'Use this image' }).click();
    await picker.waitFor({ state: 'hidden' });
    assert.equal(
      await page.locator('#f-featuredImage-credit').inputValue(),
      'Photo: Kari Lens / Harbour Agency',
    );
    assert.deepEqual(main.problems, []);
  });

  test('tags: a type-ahead combobox finds tags, creates one with its kind, and chooses the primary tag', async () => {
    const { page } = main;
    const search = page.getByRole('combobox', { name: /Add a tag/ });
    await search.fill('harb');
    const options = page.getByRole('listbox', { name: 'Matching tags' });
    await options.waitFor();
    assert.deepEqual(await options.getByRole('option').allTextContents(), [
      'Harbour (topic)',
      'Create the tag “harb”',
    ]);
    await page.keyboard.press('Enter');
    await search.fill('Kari Lens');
    await options.getByRole('option', { name: 'Create the tag “Kari Lens”' }).click();
    const create = page.getByRole('group', { name: 'Create the tag “Kari Lens”' });
    await create.getByLabel('Kind of tag').selectOption('person');
    await create.getByRole('button', { name: 'Create tag' }).click();
    await create.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Make primary: Kari Lens' }).click();
    await waitSaved(page);
    const post = await savedPost();
    const tags = (await site.ctx.repos.posts.tagsFor([post.id])).get(post.id)!;
    assert.deepEqual(
      tags.map((tag) => [tag.name, tag.kind]),
      [
        ['Kari Lens', 'person'],
        ['Harbour', 'topic'],
      ],
      'the primary tag (the kicker) comes first',
    );
    assert.ok(tags.some((tag) => tag.id === harbourTagId));
    assert.deepEqual(main.problems, []);
  });

  test('problems wait for Save and are named in plain words beside their fields', async () => {
    const { page } = main;
    await page.getByRole('button', { name: 'Add a source' }).click();
    const source = page.getByRole('group', { name: 'Source 1' });
    await source.getByLabel('URL').fill('coastal.example/quay');
    await page.locator('.save-state', { hasText: /Not saved yet/ }).waitFor();
    assert.equal(await page.locator('.error-summary').count(), 0, 'no errors while typing');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const text = await summary.innerText();
    assert.match(text, /Source 1, Publisher: Fill this in\./);
    assert.match(text, /Source 1, URL: Give a full web address starting with https:\/\//);
    assert.doesNotMatch(text, /sources\.0/);
    assert.equal(
      await source
        .locator('.field-error')
        .allInnerTexts()
        .then((t) => t.join(' | ')),
      'Fill this in. | Give a full web address starting with https://',
    );
    await source.getByLabel('Publisher').fill('The Coastal Times');
    await source.getByLabel('URL').fill('https://coastal.example/quay');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await waitSaved(page);
    assert.equal(await page.locator('.error-summary').count(), 0);
    main.problems.length = 0; // the quiet autosaves above were refused (422) on purpose
  });

  test('after publishing: View post; the list links to the public page; the header links to the site', async () => {
    const { page } = main;
    await page.getByRole('button', { name: 'Publish now' }).click();
    const view = page.getByRole('link', { name: /^View post/ });
    await view.waitFor();
    const post = await savedPost();
    assert.equal(post.status, 'published');
    assert.equal(await view.getAttribute('href'), `${origin}/${post.slug}/`);
    assert.equal((await fetch(`${origin}/${post.slug}/`)).status, 200);
    assert.equal(await page.getByRole('link', { name: /^View site/ }).getAttribute('href'), '/');
    await page.getByRole('link', { name: 'Posts', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
    const listLink = page.getByRole('link', {
      name: `View “${post.title}” on the site (opens in a new tab)`,
    });
    assert.equal(await listLink.getAttribute('href'), `${origin}/${post.slug}/`);
    assert.deepEqual(main.problems, []);
    assert.deepEqual(await cspViolations(page), []);
  });

  test('leaving with unsaved changes asks first, in the app and when the tab closes', async () => {
    const page = await context.newPage();
    const watched = watch(page);
    const post = (await site.ctx.repos.posts.list({ types: ['post'] }, { offset: 0, limit: 1 }))[0]!;
    await openEditor(page, `posts/${post.id}`);
    await page.getByLabel('Title', { exact: true }).fill('A changed headline that is not saved');
    const asked: string[] = [];
    let onAsked = () => {};
    const wasAsked = new Promise<void>((resolve) => (onAsked = resolve));
    page.on('dialog', (dialog) => {
      asked.push(`${dialog.type()}: ${dialog.message()}`);
      void (dialog.type() === 'confirm' ? dialog.dismiss() : dialog.accept());
      onAsked();
    });
    await page.getByRole('link', { name: 'Media', exact: true }).click();
    await wasAsked;
    assert.deepEqual(asked, [
      'confirm: You have changes that are not saved yet. Leave this screen and lose them?',
    ]);
    assert.match(page.url(), new RegExp(`#/posts/${post.id}$`), 'the address stays on the post');
    assert.equal(
      await page.getByLabel('Title', { exact: true }).inputValue(),
      'A changed headline that is not saved',
    );
    const closed = new Promise((resolve) => page.on('close', resolve));
    await page.close({ runBeforeUnload: true });
    await closed;
    assert.equal(asked[1], 'beforeunload: ', 'closing the tab asks too');
    assert.deepEqual(watched.problems, []);
  });

  test('the images of a post bring their library details when placed again', async () => {
    const image = await anImage(site.ctx, {
      alt: 'Gulls over the quay',
      caption: 'Gulls',
      credit: 'Photo: Ola Foto',
    });
    const { page } = main;
    await openEditor(page, 'posts/new');
    await page
      .getByRole('toolbar', { name: 'Formatting' })
      .getByRole('button', { name: 'Insert image' })
      .click();
    const picker = page.getByRole('dialog', { name: 'Insert image' });
    await settle(page);
    await picker.getByRole('button', { name: /Gulls over the quay/ }).click();
    assert.equal(await picker.getByLabel('Credit').getAttribute('id'), 'f-body-image-credit');
    assert.equal(await picker.getByLabel('Credit').inputValue(), 'Photo: Ola Foto');
    await picker.getByRole('button', { name: 'Use this image' }).click();
    await page.waitForFunction(() => !location.hash.endsWith('/new'));
    await waitSaved(page);
    const figure = (await bodyOf()).content!.find((b) => b.type === 'figure')!;
    assert.deepEqual(figure.attrs, {
      src: `media:${image.id}`,
      alt: 'Gulls over the quay',
      caption: 'Gulls',
      credit: 'Photo: Ola Foto',
    });
    assert.deepEqual(main.problems, []);
  });

  test('a gallery from the / menu gathers library images, each with its own details', async () => {
    const { page } = main;
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/galle');
    await page.getByRole('option', { name: 'Gallery' }).waitFor();
    await page.keyboard.press('Enter');
    const picker = page.getByRole('dialog', { name: 'Add image to gallery' });
    await picker.waitFor();
    await settle(page);
    for (const name of [/Gulls over the quay/, /Broken stones on the north quay/]) {
      if (!(await picker.isVisible())) {
        await page.locator('.ProseMirror .editor-gallery').click();
        await page
          .getByRole('toolbar', { name: 'Formatting' })
          .getByRole('button', { name: 'Add image to gallery' })
          .click();
        await picker.waitFor();
        await settle(page);
      }
      await picker.getByRole('button', { name }).click();
      await picker.getByRole('button', { name: 'Use this image' }).click();
      await picker.waitFor({ state: 'hidden' });
    }
    await eventually(async () => {
      const gallery = (await bodyOf()).content!.find((b) => b.type === 'gallery');
      assert.deepEqual(
        (gallery?.attrs?.images as { alt: string; credit: string }[] | undefined)?.map((i) => [
          i.alt,
          i.credit,
        ]),
        [
          ['Gulls over the quay', 'Photo: Ola Foto'],
          ['Broken stones on the north quay', 'Photo: Kari Lens / Harbour Agency'],
        ],
      );
    });
    assert.deepEqual(main.problems, []);
  });
});
