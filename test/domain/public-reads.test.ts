// What the public site reads besides posts (src/domain/site/public-reads.ts): only what pages show.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importImage } from '../../src/domain/media/import-image.js';
import { confirmSubscription, signUp, unsubscribeMember } from '../../src/domain/members/signup.js';
import { createNewsletter } from '../../src/domain/newsletters/newsletters.js';
import { updateSiteSettings, getSiteSettings } from '../../src/domain/settings/site-settings.js';
import {
  memberSubscriptions,
  publicAuthor,
  publicTag,
  publicTags,
  siteLogo,
} from '../../src/domain/site/public-reads.js';
import { updateStaff } from '../../src/domain/staff/staff.js';
import { aTag, anAuthor, makeJpeg } from '../helpers/factories.js';
import { createTestSite, dialects, type TestSite } from '../helpers/sites.js';
import { testAdministrator } from '../helpers/actors.js';

for (const dialect of dialects) {
  describe(`the public site's reads on ${dialect.name}`, { skip: dialect.skip }, () => {
    let site: TestSite;
    before(async () => {
      site = await createTestSite(dialect.name);
    });
    after(async () => site?.destroy());

    test('an author is their public face: never their email, role or status', async () => {
      const author = await anAuthor(site.ctx, 'Ada Lind');
      const photo = await importImage(site.ctx, {
        bytes: await makeJpeg(400, 400),
        originalName: 'ada.jpg',
        alt: '',
      });
      await updateStaff(site.ctx, author.id, { photoMediaId: photo.id });
      const found = await publicAuthor(site.ctx, author.slug);
      assert.deepEqual(Object.keys(found ?? {}).sort(), [
        'bio',
        'contact',
        'expertise',
        'fediverse',
        'id',
        'jobTitle',
        'location',
        'name',
        'photo',
        'profileLinks',
        'slug',
        'website',
      ]);
      assert.equal(found?.photo?.mediaId, photo.id);
      assert.equal(found?.photo?.alt, 'Ada Lind', 'the photo is described by the name');
      const withoutPhoto = await publicAuthor(site.ctx, author.slug, { withPhoto: false });
      assert.equal(withoutPhoto?.photo, null);
      assert.equal(await publicAuthor(site.ctx, 'nobody-here'), undefined);
    });

    test('tags carry what their pages show, and the language their page is in', async () => {
      const tag = await aTag(site.ctx, 'Harbours', 'place');
      const found = await publicTag(site.ctx, tag.slug);
      assert.deepEqual(found, {
        id: tag.id,
        slug: tag.slug,
        name: 'Harbours',
        kind: 'place',
        description: '',
        language: null,
      });
      assert.equal(await publicTag(site.ctx, 'no-such-tag'), undefined);
      assert.ok((await publicTags(site.ctx)).some((t) => t.id === tag.id));
    });

    test('the logo is a picture once set, and none before', async () => {
      assert.equal(await siteLogo(site.ctx, await getSiteSettings(site.ctx)), null);
      const logo = await importImage(site.ctx, {
        bytes: await makeJpeg(1200, 300),
        originalName: 'logo.jpg',
        alt: '',
      });
      await updateSiteSettings(site.ctx, testAdministrator, { logoMediaId: logo.id });
      const picture = await siteLogo(site.ctx, await getSiteSettings(site.ctx));
      assert.equal(picture?.mediaId, logo.id);
      assert.equal(picture?.width, 1200);
    });

    test('a member sees their address, their choices, and whether they are subscribed', async () => {
      const newsletter = await createNewsletter(site.ctx, testAdministrator, {
        name: 'Morning Brief',
        language: 'en',
      });
      await signUp(site.ctx, { email: 'reader@example.org', newsletterIds: [newsletter.id], language: 'en' });
      const member = await site.ctx.repos.members.findByEmail('reader@example.org');
      assert.ok(member);
      // Until confirmed, the choices wait with the confirmation.
      assert.deepEqual(await memberSubscriptions(site.ctx, member.id), {
        email: 'reader@example.org',
        isSubscribed: false,
        chosenIds: [],
      });
      const token = /\/subscribe\/confirm\/\?token=([\w-]{43})/.exec(site.mailLog.join('\n'))?.[1];
      assert.ok(token, 'a confirmation link was sent');
      await confirmSubscription(site.ctx, token);
      assert.deepEqual(await memberSubscriptions(site.ctx, member.id), {
        email: 'reader@example.org',
        isSubscribed: true,
        chosenIds: [newsletter.id],
      });
      await unsubscribeMember(site.ctx, member.id);
      assert.deepEqual(await memberSubscriptions(site.ctx, member.id), {
        email: 'reader@example.org',
        isSubscribed: false,
        chosenIds: [newsletter.id],
      });
      assert.equal(await memberSubscriptions(site.ctx, 'no-such-member'), undefined);
    });
  });
}
