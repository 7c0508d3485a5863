import { z } from 'zod';
import {
  noteKinds,
  postStatuses,
  promoSlots,
  promotionModes,
  tagKinds,
  workTypes,
} from '../../domain/posts/post.types.js';
import { staffRoles } from '../../domain/staff/staff.js';
import { archiveStates, linkStates } from '../../domain/sources/source-ports.js';
import { policyKinds, type PolicyKind } from '../../domain/settings/site-policies.js';

/*
 * What the Admin API answers, as schemas: the presenters' return types are these schemas' inputs, the
 * OpenAPI document and the admin's types are generated from them (scripts/generate-admin-contract.ts),
 * and under test every answer is checked against its schema (see the pipeline).
 */

export interface NamedAnswer {
  schema: z.ZodType;
  id: string;
  description: string;
}

/** The named shapes of the contract: `#/components/schemas/<id>` in the OpenAPI document. */
export const namedAnswers: NamedAnswer[] = [];

function named<T extends z.ZodType>(id: string, description: string, schema: T): T {
  namedAnswers.push({ schema, id, description });
  return schema;
}

const time = z.string().describe('An ISO 8601 time in UTC');
const role = z.enum(staffRoles);
const ref = z.object({ id: z.string(), name: z.string() });

export const metaAnswer = named(
  'Meta',
  'Where a page of a list is: `page` from 1, `limit` per page, `total` across all pages.',
  z.object({ page: z.number().int(), limit: z.number().int(), total: z.number().int() }),
);

export const staffAnswer = named(
  'Staff',
  'A staff member. `email` is left out of the staff list for those who do not manage staff.',
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    email: z.string().optional(),
    role,
    status: z.enum(['active', 'suspended']),
    locale: z.enum(['en', 'nb']),
    bio: z.string(),
    jobTitle: z.string(),
    expertise: z.string(),
    contact: z.string().describe('How readers reach the author (an address or a line of text)'),
    fediverse: z.string().describe('A fediverse handle, `@name@server`, or empty'),
    profileLinks: z.array(z.string()).describe('Profiles elsewhere (schema.org `sameAs`)'),
  }),
);

export const postSummaryAnswer = named(
  'PostSummary',
  'A post or page in a list.',
  z.object({
    id: z.string(),
    type: z.enum(['post', 'page']),
    slug: z.string(),
    title: z.string(),
    status: z.enum(postStatuses),
    language: z.string(),
    publishedAt: time.nullable(),
    updatedAt: time,
    url: z.string(),
    authors: z.array(ref),
    tags: z.array(ref),
  }),
);

const featuredImage = named(
  'FeaturedImage',
  'A post’s featured image with its own alt text, caption and credit; `url` is null once the file is gone.',
  z.object({
    mediaId: z.string(),
    alt: z.string().nullable(),
    caption: z.string().nullable(),
    credit: z.string().nullable(),
    url: z.string().nullable(),
  }),
);

const sourceStateFields = {
  archiveStatus: z.enum(archiveStates).describe('`queued` until its first snapshot, then `archived`'),
  archivedAt: time.nullable().describe('When the latest snapshot was taken'),
  archivePath: z.string().nullable().describe('The latest snapshot on the site, e.g. `/archive/<id>/`'),
  archiveError: z.string().describe('Why the last archive attempt failed; empty when it did not'),
  linkStatus: z.enum(linkStates),
  linkCheckedAt: time.nullable(),
};

const sourceAnswer = named(
  'Source',
  'A source the post cites, with its archive and link health (kept across saves while its URL stays cited). `reviewState` "imported": offered by an import from a link in the post, not yet confirmed by an editor (send null to confirm it).',
  z.object({
    id: z.string(),
    publisher: z.string(),
    title: z.string(),
    url: z.string(),
    note: z.string(),
    reviewState: z.enum(['imported']).nullable(),
    ...sourceStateFields,
  }),
);

export const linkHealthAnswer = named(
  'LinkHealth',
  'A cited source on the link-health screen, with the post that cites it.',
  z.object({
    id: z.string(),
    publisher: z.string(),
    title: z.string(),
    url: z.string(),
    ...sourceStateFields,
    post: z.object({ id: z.string(), title: z.string(), slug: z.string(), status: z.enum(postStatuses) }),
  }),
);

export const linkCheckAnswer = named(
  'LinkCheck',
  'One recheck of a source: what was found, when.',
  z.object({
    checkedAt: time,
    state: z.enum(linkStates),
    httpStatus: z.number().int().nullable(),
    finalUrl: z.string(),
    detail: z.string(),
  }),
);

export const snapshotAnswer = named(
  'Snapshot',
  'An archived copy of a source.',
  z.object({
    id: z.string(),
    takenAt: time,
    httpStatus: z.number().int(),
    finalUrl: z.string(),
    title: z.string(),
    bodySha256: z.string(),
    path: z.string(),
  }),
);

export const noteAnswer = named(
  'PostNote',
  'A note on a post’s record: a correction, clarification, update or editor’s note. Published when added; never changed or deleted.',
  z.object({
    id: z.string(),
    kind: z.enum(noteKinds),
    body: z.string(),
    authorName: z.string(),
    createdAt: time,
  }),
);

const editorDocument = named(
  'EditorDocument',
  'The editor’s document (ProseMirror JSON): `{ type: "doc", content: [...] }`.',
  z.object({ type: z.literal('doc'), content: z.array(z.unknown()) }),
);

export const postAnswer = named(
  'Post',
  'A post or page with everything the editor shows.',
  z.object({
    id: z.string(),
    type: z.enum(['post', 'page']),
    slug: z.string(),
    title: z.string(),
    standfirst: z.string(),
    excerpt: z.string(),
    body: editorDocument,
    status: z.enum(postStatuses),
    publishedAt: time.nullable(),
    language: z.string(),
    translationGroup: z.string().nullable(),
    authors: z.array(ref),
    tags: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), kind: z.enum(tagKinds) })),
    featuredImage: featuredImage.nullable(),
    sources: z.array(sourceAnswer),
    translations: z.array(z.object({ id: z.string(), language: z.string(), title: z.string() })),
    canonicalUrl: z.string().nullable(),
    metaTitle: z.string().nullable(),
    metaDescription: z.string().nullable(),
    ogTitle: z.string().nullable(),
    ogDescription: z.string().nullable(),
    twitterTitle: z.string().nullable(),
    twitterDescription: z.string().nullable(),
    promotionMode: z.enum(promotionModes),
    promotionId: z.string().nullable(),
    isFeatured: z.boolean(),
    workType: z.enum(workTypes),
    dateline: z.string(),
    notes: z.array(noteAnswer),
    url: z.string(),
    createdAt: time,
    updatedAt: time,
  }),
);

export const revisionAnswer = named(
  'Revision',
  'A saved state of a post.',
  z.object({
    id: z.string(),
    createdAt: time,
    staffName: z.string(),
    title: z.string(),
    isAutosave: z.boolean(),
  }),
);

export const mediaAnswer = named(
  'Media',
  'An image of the library. The single-image read adds `usage` and `usedElsewhere`.',
  z.object({
    id: z.string(),
    url: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    mimeType: z.string(),
    originalName: z.string(),
    sizeBytes: z.number().int(),
    alt: z.string(),
    caption: z.string(),
    credit: z.string(),
    uploadedBy: z.string().nullable(),
    createdAt: time,
    usage: z
      .array(z.object({ id: z.string(), title: z.string(), type: z.enum(['post', 'page']) }))
      .optional(),
    usedElsewhere: z.array(z.string()).optional(),
  }),
);

export const tagAnswer = named(
  'Tag',
  'A topic, person, organisation or place. Lists add `postCount`.',
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(tagKinds),
    description: z.string(),
    language: z.string().nullable(),
    postCount: z.number().int().optional(),
  }),
);

export const promotionAnswer = named(
  'Promotion',
  'A call to action shown after articles or in the sidebar.',
  z.object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    imageMediaId: z.string().nullable(),
    imageUrl: z.string().nullable(),
    linkUrl: z.string(),
    ctaLabel: z.string(),
    slot: z.enum(promoSlots),
    language: z.string().nullable(),
    isActive: z.boolean(),
    sortOrder: z.number().int(),
  }),
);

export const redirectAnswer = named(
  'Redirect',
  'A path on this site that sends readers elsewhere.',
  z.object({
    id: z.string(),
    fromPath: z.string(),
    toUrl: z.string(),
    statusCode: z.union([z.literal(301), z.literal(302)]),
  }),
);

export const invitationAnswer = named(
  'Invitation',
  'An invitation to join the staff (never its token).',
  z.object({ id: z.string(), email: z.string(), role, createdAt: time, expiresAt: time }),
);

export const settingsAnswer = named(
  'Settings',
  'The site settings.',
  z.object({
    title: z.string(),
    description: z.string(),
    logoMediaId: z.string().nullable(),
    languages: z.array(z.string()),
    defaultLanguage: z.string(),
    navigation: z.array(z.object({ label: z.string(), url: z.string() })),
    timezone: z.string(),
    policies: z
      .object(
        Object.fromEntries(policyKinds.map((k) => [k, z.string().nullable().optional()])) as Record<
          PolicyKind,
          z.ZodOptional<z.ZodNullable<z.ZodString>>
        >,
      )
      .describe('The page (its id) stating each of the publisher’s policies; a kind left out has none.'),
  }),
);

export const apiTokenAnswer = named(
  'ApiToken',
  'An integration’s API token (its secret is shown once, when it is made).',
  z.object({
    id: z.string(),
    name: z.string(),
    role,
    createdAt: time,
    lastUsedAt: time.nullable(),
    createdBy: z.string().nullable(),
  }),
);

export const newsletterAnswer = named(
  'Newsletter',
  'A newsletter members can subscribe to; `replyTo` is empty when there is none.',
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    language: z.string(),
    senderName: z.string(),
    senderEmail: z.string(),
    replyTo: z.string(),
    footer: z.string(),
    isActive: z.boolean(),
    sortOrder: z.number().int(),
    memberCount: z.number().int(),
  }),
);

export const memberAnswer = named(
  'Member',
  'A newsletter subscriber.',
  z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    status: z.enum(['pending', 'active', 'unsubscribed']),
    newsletterIds: z.array(z.string()),
    consentSource: z.enum(['signup', 'admin', 'import']),
    consentAt: time.nullable(),
    createdAt: time,
  }),
);

export const memberImportAnswer = named(
  'MemberImport',
  'A member CSV import: queued at once, worked by a job; `errors` are the report’s lines after `afterLine`.',
  z.object({
    id: z.string(),
    status: z.enum(['queued', 'done']),
    totalLines: z.number().int(),
    linesDone: z.number().int(),
    imported: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    createdAt: time,
    finishedAt: time.nullable(),
    errors: z.array(z.object({ line: z.number().int(), email: z.string(), message: z.string() })),
  }),
);

export const sendAnswer = named(
  'NewsletterSend',
  'Sending one post to one newsletter’s members, with its totals; with `noteId`, sending a correction of it to those the post reached.',
  z.object({
    id: z.string(),
    postId: z.string(),
    newsletterId: z.string(),
    noteId: z.string().nullable(),
    status: z.enum(['snapshot', 'sending', 'done']),
    total: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    pending: z.number().int(),
    possiblyDuplicated: z.number().int(),
    createdAt: time,
    startedAt: time,
    finishedAt: time.nullable(),
  }),
);

export const sendReportAnswer = named(
  'SendReport',
  'Who a send failed for, and who may have had it twice after a crash.',
  z.object({
    failures: z.array(z.object({ email: z.string(), error: z.string() })),
    possiblyDuplicated: z.array(z.string()),
  }),
);

export const signedInAnswer = named(
  'SignedIn',
  'Who is signed in, and the CSRF token to send as X-CSRF-Token on every change.',
  z.object({ staff: staffAnswer, csrfToken: z.string() }),
);

export const secondStepAnswer = named(
  'SecondStepNeeded',
  'The password was right; the second step (TOTP or an emailed code) is still to do.',
  z.object({ secondStep: z.enum(['totp', 'email']), csrfToken: z.string() }),
);

/** `{}`: an accepted request whose work follows (an email, an invitation). */
export const acceptedAnswer = z.strictObject({});
