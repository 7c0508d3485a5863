import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DomainContext } from '../../src/domain/context.js';
import { publishAndSendAs } from '../../src/domain/newsletters/publish-and-send.js';
import type { Repositories } from '../../src/domain/ports.js';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { createPostAs, updatePostAs } from '../../src/domain/posts/editorial.js';
import type { AdminActor } from '../../src/domain/staff/permissions.js';
import { createStaff } from '../../src/domain/staff/staff.js';
import { afterCommit, inTransaction } from '../../src/domain/transaction.js';
import { addMembers, aNewsletter } from '../helpers/members.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';

/*
 * One operation, one transaction: what an operation writes commits together or not at all, and the
 * work it leaves for after the commit (page-cache drops, wake-ups) runs after it, never on a rollback.
 */

/** The site's context, with one repository step failing inside every transaction (after the writes before it). */
function failingAt(
  ctx: DomainContext,
  broken: (repos: Repositories) => Partial<Repositories>,
): DomainContext {
  return {
    ...ctx,
    repos: {
      ...ctx.repos,
      transaction: (work) => ctx.repos.transaction((repos) => work({ ...repos, ...broken(repos) })),
    },
  };
}

const failure = () => Promise.reject(new Error('the disk is full'));

/** The same repository with one method failing (the others are the real ones, through its prototype). */
const failingMethod = <R extends object>(repository: R, method: keyof R): R =>
  Object.assign(Object.create(repository) as R, { [method]: failure });

for (const dialect of dialects) {
  describe(`one transaction per operation on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    let editor: AdminActor;
    before(async () => {
      site = await createTestSite(dialect.name);
      const staff = await createStaff(site.ctx, {
        name: 'Eda Editor',
        email: 'eda@news.example',
        role: 'editor',
      });
      editor = { kind: 'staff', role: 'editor', staffId: staff.id, name: staff.name };
    });
    after(async () => site?.destroy());

    test('after-commit work waits for the commit and is dropped on a rollback', async () => {
      const ran: string[] = [];
      await inTransaction(site.ctx, async (tx) => {
        afterCommit(tx, () => void ran.push('committed'));
        await inTransaction(tx, async (inner) => afterCommit(inner, () => void ran.push('inner')));
        assert.deepEqual(ran, [], 'nothing runs before the commit');
      });
      assert.deepEqual(ran, ['committed', 'inner']);
      await assert.rejects(
        inTransaction(site.ctx, async (tx) => {
          afterCommit(tx, () => void ran.push('rolled back'));
          throw new Error('refused');
        }),
        /refused/,
      );
      assert.deepEqual(ran, ['committed', 'inner']);
    });

    test('a save whose revision fails stores nothing and drops no cached page', async () => {
      const post = await createPostAs(site.ctx, editor, {
        title: 'Ferry strike ends',
        status: 'published',
        body: documentFromText('The ferries sail again.'),
      });
      const changesBefore = site.events.changeCount;
      const broken = failingAt(site.ctx, (repos) => ({
        revisions: failingMethod(repos.revisions, 'insert'),
      }));
      await assert.rejects(
        updatePostAs(broken, editor, 'post', post.id, { title: 'Ferry strike resumes' }),
        /the disk is full/,
      );
      assert.equal((await site.ctx.repos.posts.findById(post.id))?.title, 'Ferry strike ends');
      assert.equal((await site.ctx.repos.revisions.list(post.id, 50)).length, 1);
      assert.equal(site.events.changeCount, changesBefore, 'no change was announced');
    });

    test('publish-and-send is one operation: a failed send leaves the post a draft', async () => {
      const letter = await aNewsletter(site.storage.db);
      await addMembers(site.storage.db, letter.id, 5);
      const draft = await createPostAs(site.ctx, editor, {
        title: 'Storm warning',
        body: documentFromText('Wind.'),
      });
      const sends = site.ctx.repos.newsletterSends;
      const broken = failingAt(site.ctx, (repos) => ({
        newsletterSends: failingMethod(repos.newsletterSends, 'snapshot'),
      }));
      const input = { type: 'post' as const, id: draft.id, newsletterIds: [letter.id] };
      await assert.rejects(publishAndSendAs(broken, editor, input), /the disk is full/);
      assert.equal((await site.ctx.repos.posts.findById(draft.id))?.status, 'draft');
      assert.deepEqual(await sends.listSends({ postId: draft.id }), []);
      assert.deepEqual(await sends.dueRequests(), []);

      const published = await publishAndSendAs(site.ctx, editor, input);
      assert.equal(published.status, 'published');
      const [send] = await sends.listSends({ postId: draft.id });
      assert.equal(send?.status, 'sending');
      assert.equal((await sends.totals([send!.id])).get(send!.id)?.total, 5);
      assert.deepEqual(await sends.dueRequests(), [], 'the request became the send');
    });
  });
}
