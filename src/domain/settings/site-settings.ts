import { z } from 'zod';
import { id, languageCode, linkUrl, requiredText, text } from '../shared/fields.js';
import type { DomainContext } from '../context.js';
import { validationError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { assertCan, type AnyActor } from '../staff/permissions.js';
import { checkPolicyPages, sitePoliciesSchema } from './site-policies.js';

const navigationItem = z.strictObject({ label: requiredText(100), url: linkUrl });

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const siteSettingsSchema = z.strictObject({
  title: requiredText(150),
  description: text(500),
  logoMediaId: id.nullable(),
  languages: z.array(languageCode).min(1, 'must list at least one language').max(20),
  defaultLanguage: languageCode,
  navigation: z.array(navigationItem).max(30),
  /** IANA time zone for dates on the site, e.g. Europe/Oslo. */
  timezone: z.string().max(64).refine(isTimeZone, 'must be a time zone such as Europe/Oslo or UTC'),
  /** The pages that state the publisher's policies (site-policies.ts). */
  policies: sitePoliciesSchema,
});

export type SiteSettings = z.output<typeof siteSettingsSchema>;
/** A change to the settings (`PATCH /admin/api/settings`): any of them. */
export const settingsChangeSchema = siteSettingsSchema.partial();

export const defaultSiteSettings: SiteSettings = {
  title: 'Broadsheet',
  description: 'Independent news and commentary',
  logoMediaId: null,
  languages: ['en'],
  defaultLanguage: 'en',
  navigation: [{ label: 'Home', url: '/' }],
  timezone: 'UTC',
  policies: {},
};

/** Site settings live in the database, one JSON value per key; a missing key takes its default. */
export async function getSiteSettings(ctx: DomainContext): Promise<SiteSettings> {
  const stored = await ctx.repos.settings.getAll();
  const merged: Record<string, unknown> = { ...defaultSiteSettings };
  for (const key of Object.keys(defaultSiteSettings)) {
    const raw = stored[key];
    if (raw !== undefined) merged[key] = JSON.parse(raw);
  }
  return merged as SiteSettings;
}

/** The settings, for those who may see them (the admin's Settings screen). */
export async function readSiteSettings(ctx: DomainContext, actor: AnyActor): Promise<SiteSettings> {
  assertCan(actor, 'read', 'settings');
  return getSiteSettings(ctx);
}

export async function updateSiteSettings(
  ctx: DomainContext,
  actor: AnyActor,
  input: z.input<typeof settingsChangeSchema>,
): Promise<SiteSettings> {
  assertCan(actor, 'update', 'settings');
  const current = await getSiteSettings(ctx);
  const next = parseInput(siteSettingsSchema, { ...current, ...input });
  if (!next.languages.includes(next.defaultLanguage))
    throw validationError([{ property: 'defaultLanguage', message: 'must be one of the site languages' }]);
  if (input.policies !== undefined) await checkPolicyPages(ctx.repos, next.policies);
  const entries = Object.fromEntries(
    Object.keys(input)
      .filter((k) => k in next)
      .map((k) => [k, JSON.stringify(next[k as keyof SiteSettings])]),
  );
  await ctx.repos.settings.set(entries, ctx.clock.now().toISOString());
  ctx.events.contentChanged();
  return next;
}
