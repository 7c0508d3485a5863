import sharp from 'sharp';
import type { DomainContext } from '../../src/domain/context.js';
import { importImage } from '../../src/domain/media/import-image.js';
import { documentFromText } from '../../src/domain/posts/editor-document.js';
import { createPost } from '../../src/domain/posts/save-post.js';
import type { CreatePostInput } from '../../src/domain/posts/post-input.js';
import { createStaff } from '../../src/domain/staff/staff.js';
import { createTag } from '../../src/domain/taxonomy/tags.js';
import { testAdministrator } from './actors.js';

let n = 0;

export async function makeJpeg(width = 800, height = 500, color = '#336699'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
}

export async function anImage(
  ctx: DomainContext,
  fields: { alt?: string; caption?: string; credit?: string } = {},
) {
  return importImage(ctx, {
    bytes: await makeJpeg(640, 400),
    originalName: `photo-${++n}.jpg`,
    alt: fields.alt ?? 'A test picture',
    caption: fields.caption ?? 'A caption',
    credit: fields.credit ?? 'Photo: Test Agency',
  });
}

export async function anAuthor(ctx: DomainContext, name = `Author ${++n}`) {
  return createStaff(ctx, { name, email: `author${++n}@example.test`, bio: `${name} writes.` });
}

export async function aTag(
  ctx: DomainContext,
  name = `Tag ${++n}`,
  kind: 'topic' | 'person' | 'organisation' | 'place' = 'topic',
) {
  return createTag(ctx, testAdministrator, { name, kind });
}

export async function aPublishedPost(
  ctx: DomainContext,
  fields: Partial<CreatePostInput> & { text?: string } = {},
) {
  const { text, ...rest } = fields;
  return createPost(ctx, {
    title: `Post ${++n}`,
    status: 'published',
    body: documentFromText(text ?? 'Some body text for this post.'),
    ...rest,
  });
}
