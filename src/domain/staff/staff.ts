import { z } from 'zod';
import { httpUrl, id, requiredText, text } from '../shared/fields.js';
import type { DomainContext } from '../context.js';
import type { ContentChange, StaffRecord } from '../ports.js';
import { conflict, notFound, validationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { slugify, uniqueSlug } from '../shared/slug.js';
import { parseInput } from '../shared/validate.js';
import { indexPostsWhere } from '../search/index-posts.js';

export const staffRoles = ['owner', 'administrator', 'editor', 'author', 'contributor'] as const;
/** The languages of the admin and of staff emails. */
export const staffLocales = ['en', 'nb'] as const;

/** One email address, trimmed and lower-cased (ASCII only: no list, no display name, no line break). */
export const emailAddress = z
  .string()
  .max(254)
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.email('must be an email address'));

/** A fediverse handle, `@name@server.example` (the leading `@` may be left out; it is added). */
export const fediverseHandle = z
  .string()
  .max(200)
  .transform((v) => v.trim())
  .refine(
    (v) => v === '' || /^@?[A-Za-z0-9_][A-Za-z0-9_.-]*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(v),
    'must be a handle such as @name@mastodon.social',
  )
  .transform((v) => (v && !v.startsWith('@') ? `@${v}` : v));

/** What readers are told about an author besides the bio: the Trust Project's author indicators. */
const trustFields = {
  jobTitle: text(191),
  expertise: text(1000),
  contact: text(500),
  fediverse: fediverseHandle,
  profileLinks: z.array(httpUrl).max(10),
};

/** A new staff member's trust fields, before anyone fills them in. */
export const emptyTrustFields = {
  jobTitle: '',
  expertise: '',
  contact: '',
  fediverse: '',
  profileLinks: [] as string[],
};

const staffFields = z.strictObject({
  name: requiredText(191),
  email: emailAddress,
  role: z.enum(staffRoles),
  locale: z.enum(staffLocales),
  bio: text(5000),
  location: text(191),
  website: z.literal('').or(httpUrl),
  photoMediaId: id.nullable(),
  ...trustFields,
});
const createStaffSchema = staffFields.partial().required({ name: true, email: true });
const updateStaffSchema = staffFields.partial();
/** What a staff member may change about themselves. */
export const profileSchema = staffFields
  .pick({
    name: true,
    bio: true,
    locale: true,
    jobTitle: true,
    expertise: true,
    contact: true,
    fediverse: true,
    profileLinks: true,
  })
  .partial();

/** Adds a staff member (an author's public profile comes with it). Accounts and logins come with the admin. */
export async function createStaff(
  ctx: DomainContext,
  input: z.input<typeof createStaffSchema>,
): Promise<StaffRecord> {
  const f = parseInput(createStaffSchema, input);
  if (await ctx.repos.staff.findByEmail(f.email!))
    throw conflict('A staff member with that email exists', 'email');
  if (f.photoMediaId && !(await ctx.repos.media.findById(f.photoMediaId)))
    throw validationError([{ property: 'photoMediaId', message: 'no such media' }]);
  const now = ctx.clock.now().toISOString();
  const staff: StaffRecord = {
    id: newId(ctx.clock.now()),
    slug: await uniqueSlug(slugify(f.name!) || 'author', (s) => ctx.repos.staff.isSlugTaken(s)),
    name: f.name!,
    email: f.email!,
    role: f.role ?? 'author',
    status: 'active',
    bio: f.bio ?? '',
    location: f.location ?? '',
    website: f.website ?? '',
    photoMediaId: f.photoMediaId ?? null,
    locale: f.locale ?? 'en',
    jobTitle: f.jobTitle ?? '',
    expertise: f.expertise ?? '',
    contact: f.contact ?? '',
    fediverse: f.fediverse ?? '',
    profileLinks: f.profileLinks ?? [],
    createdAt: now,
    updatedAt: now,
  };
  await ctx.repos.staff.insert(staff);
  // A new staff member has no posts yet: no public page shows them.
  ctx.events.contentChanged({ authors: [staff.slug] });
  return staff;
}

/**
 * What a change to a staff member shows on: their author pages and feeds, the bylines of their
 * published posts (the posts' pages and every list's teasers), and the "Check Also" teasers of them.
 */
async function authorChange(ctx: DomainContext, slugs: string[], staffId: string): Promise<ContentChange> {
  const posts = await ctx.repos.posts.list(
    { authorId: staffId, statuses: ['published'] },
    { offset: 0, limit: 1_000_000 },
    'teaser',
  );
  const listers = (await Promise.all(posts.map((p) => ctx.repos.related.listersOf(p.id)))).flat();
  const showing = listers.length
    ? await ctx.repos.posts.list(
        { ids: listers, statuses: ['published'] },
        { offset: 0, limit: listers.length },
        'teaser',
      )
    : [];
  return {
    authors: [...new Set(slugs)],
    posts: [...new Set([...posts, ...showing].map((p) => p.slug))],
    isListed: posts.length > 0,
  };
}

export async function updateStaff(
  ctx: DomainContext,
  id: string,
  input: z.input<typeof updateStaffSchema>,
): Promise<StaffRecord> {
  const f = parseInput(updateStaffSchema, input);
  const before = await ctx.repos.staff.findById(id);
  if (!before) throw notFound('Staff member');
  const sameEmail = f.email ? await ctx.repos.staff.findByEmail(f.email) : undefined;
  if (sameEmail && sameEmail.id !== id) throw conflict('A staff member with that email exists', 'email');
  if (f.photoMediaId && !(await ctx.repos.media.findById(f.photoMediaId)))
    throw validationError([{ property: 'photoMediaId', message: 'no such media' }]);
  await ctx.repos.transaction(async (repos) => {
    await repos.staff.update(id, { ...f, updatedAt: ctx.clock.now().toISOString() });
    // Author names are in the search documents of their posts.
    if (f.name !== undefined && f.name !== before.name) await indexPostsWhere(repos, { authorId: id });
  });
  const after = (await ctx.repos.staff.findById(id))!;
  ctx.events.contentChanged(await authorChange(ctx, [before.slug, after.slug], id));
  return after;
}

/** A staff member's own profile: name, bio, and the language of the admin and of their emails. */
export async function updateProfile(
  ctx: DomainContext,
  staffId: string,
  input: z.input<typeof profileSchema>,
): Promise<StaffRecord> {
  return updateStaff(ctx, staffId, parseInput(profileSchema, input));
}
