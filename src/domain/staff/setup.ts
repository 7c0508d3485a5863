import { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { StaffRecord } from '../ports.js';
import { conflict, DomainError, validationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { slugify, uniqueSlug } from '../shared/slug.js';
import { cleanText } from '../shared/validate.js';
import { passwordProblem } from './passwords.js';
import { emptyTrustFields } from './staff.js';

/** The settings key the first setup claims: the settings table's primary key lets only one claim it. */
const setupClaimKey = 'setup_owner_id';

export async function isSetupNeeded(ctx: DomainContext): Promise<boolean> {
  return (await ctx.repos.staff.countByRole('owner')) === 0;
}

export interface SetupInput {
  siteTitle: string;
  name: string;
  email: string;
  password: string;
}

const required = (max: number, message: string) =>
  z
    .string(message)
    .transform(cleanText)
    .refine((v) => v.length > 0, message)
    .refine((v) => v.length <= max, `Keep it under ${max} characters.`);

const setupSchema = z.object({
  siteTitle: required(150, 'Give the site a title: the name readers see at the top of every page.'),
  name: required(191, 'Enter your name, as readers will see it on what you write.'),
  email: z
    .string('Enter your email address.')
    .max(254, 'Enter an email address such as you@news.example.')
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.email('Enter an email address such as you@news.example.')),
  password: z.string('Choose a password.').max(1024),
});

/** Every problem of a setup at once, each with the property of its field; the cleaned input when none. */
export function checkSetup(input: unknown): SetupInput {
  const parsed = setupSchema.safeParse(input);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ property: String(issue.path[0] ?? ''), message: issue.message }));
  const raw = (input ?? {}) as Partial<Record<keyof SetupInput, unknown>>;
  if (!problems.some((p) => p.property === 'password')) {
    const person = { email: String(raw.email ?? ''), name: String(raw.name ?? '') };
    const weak = passwordProblem(String(raw.password ?? ''), person);
    if (weak) problems.push({ property: 'password', message: `The password ${weak}.` });
  }
  if (problems.length > 0 || !parsed.success) throw validationError(dedupe(problems));
  return parsed.data;
}

const dedupe = (problems: { property: string; message: string }[]) =>
  problems.filter((p, i) => problems.findIndex((q) => q.property === p.property) === i);

/**
 * First run: names the site and creates its owner, all in one transaction after every field is
 * checked, so a refused setup leaves nothing behind. Refused once an owner exists, so the setup form
 * cannot take over a running site; two setups at once (in any processes) cannot both win: each
 * claims one settings key inside its transaction, and the database lets only one insert it.
 */
export async function setUpSite(ctx: DomainContext, input: unknown): Promise<StaffRecord> {
  const f = checkSetup(input);
  const hash = await ctx.passwords.hash(f.password);
  const now = ctx.clock.now();
  const id = newId(now);
  const work = ctx.repos.transaction(async (repos) => {
    // The claim first: the first write of the transaction, so a rival waits for it or fails.
    if (!(await repos.settings.setIfAbsent(setupClaimKey, JSON.stringify(id), now.toISOString())))
      throw alreadySetUp();
    if ((await repos.staff.countByRole('owner')) > 0) throw alreadySetUp();
    if (await repos.staff.findByEmail(f.email))
      throw conflict('A staff member with that email address exists', 'email');
    const slug = await uniqueSlug(slugify(f.name) || 'author', (s) => repos.staff.isSlugTaken(s));
    const staff = ownerRecord({ id, slug, name: f.name, email: f.email, now: now.toISOString() });
    await repos.staff.insert(staff);
    await repos.staff.setPasswordHash(staff.id, hash, now.toISOString());
    await repos.settings.set({ title: JSON.stringify(f.siteTitle) }, now.toISOString());
    return staff;
  });
  const owner = await work.catch(async (error: unknown) => {
    // A rival process that won the race can make the database refuse this one (SQLite: busy).
    if (!(error instanceof DomainError) && !(await isSetupNeeded(ctx))) throw alreadySetUp();
    throw error;
  });
  ctx.events.contentChanged();
  return owner;
}

const alreadySetUp = () => new DomainError('CONFLICT', 'This site already has an owner');

const ownerRecord = (f: {
  id: string;
  slug: string;
  name: string;
  email: string;
  now: string;
}): StaffRecord => ({
  id: f.id,
  slug: f.slug,
  name: f.name,
  email: f.email,
  role: 'owner',
  status: 'active',
  bio: '',
  location: '',
  website: '',
  photoMediaId: null,
  locale: 'en',
  ...emptyTrustFields,
  createdAt: f.now,
  updatedAt: f.now,
});
