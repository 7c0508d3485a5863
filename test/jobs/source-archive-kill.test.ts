import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import { archiveDueSources } from '../../src/domain/sources/archive-sources.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { openSite, type Site } from '../../src/main.js';
import { bundleChild, type ChildBundle } from '../helpers/child-bundle.js';
import { killSandbox } from '../helpers/kill-sandbox.js';
import { startLoopbackWeb, type LoopbackWeb } from '../helpers/loopback-web.js';
import { dialects } from '../helpers/sites.js';

/*
 * A real process archiving a source is killed with SIGKILL while its fetch is under way (its claim
 * committed, nothing recorded). The claim holds until its lease lapses; then the next run archives
 * the source, once.
 */

const child = join(import.meta.dirname, 'source-archive-kill-child.ts');
let bundle: ChildBundle | undefined;
let web: LoopbackWeb;
before(async () => {
  bundle = await bundleChild(child);
  web = await startLoopbackWeb();
});
after(async () => {
  bundle?.remove();
  await web?.close();
});

/** Starts the child and kills it as soon as its request reaches the page (the readiness signal). */
function killDuringFetch(env: Record<string, string>, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [bundle!.path], {
      env: { ...process.env, ...env, WEB_PORT: String(web.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    web.route(path, () => proc.kill('SIGKILL'));
    proc.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`the child ended without being killed: ${stderr}`)),
    );
  });
}

for (const dialect of dialects) {
  describe(`source archiving killed mid-fetch on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('the claim lapses and the next run archives the source once', async () => {
      const box = await killSandbox(dialect.name, 'archive-kill');
      const schema = box.env.TEST_POSTGRES_SCHEMA;
      const openAt = (offsetMs: number): Promise<Site> =>
        openSite(loadConfig(box.env), {
          ...(schema ? { postgresSchema: schema } : {}),
          clock: { now: () => new Date(Date.now() + offsetMs) },
          fetcher: web.fetcher(),
        });
      let site = await openAt(0);
      try {
        const path = `/slow-${dialect.name}`;
        const postId = await createPost(site.ctx, {
          title: 'Killed',
          status: 'published',
          body: documentFromText('Text.'),
          sources: [{ publisher: 'Ledger', title: '', url: web.url(path), note: '' }],
        });
        await killDuringFetch(box.env, path);
        const actor = systemActor('test');
        assert.equal(
          await archiveDueSources(site.ctx, site.sourceArchive, actor),
          0,
          'the dead claim still holds',
        );
        await site.close();

        web.page(path, '<title>Back</title><p>The page answers again.</p>');
        site = await openAt(11 * 60_000);
        assert.equal(await archiveDueSources(site.ctx, site.sourceArchive, actor, { hostSpacingMs: 0 }), 1);
        const [source] = await site.ctx.repos.sources.ofPost(postId);
        assert.equal(source!.archiveStatus, 'archived');
        assert.equal((await site.ctx.repos.sources.snapshotsOf(source!.id)).length, 1);
        assert.equal(
          await archiveDueSources(site.ctx, site.sourceArchive, actor),
          0,
          'nothing is left queued',
        );
      } finally {
        await site.close();
        await box.destroy();
      }
    });
  });
}
