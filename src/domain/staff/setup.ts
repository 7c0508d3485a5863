import type { DomainContext } from '../context.js';
import type { StaffRecord } from '../ports.js';
import { DomainError } from '../shared/errors.js';
import { updateSiteSettings } from '../settings/site-settings.js';
import { createAccount } from './accounts.js';

export async function isSetupNeeded(ctx: DomainContext): Promise<boolean> {
  return (await ctx.repos.staff.countByRole('owner')) === 0;
}

/**
 * First run: names the site and creates its owner. Refused once an owner exists, so the setup
 * form cannot be used to take over a running site.
 */
export function setUpSite(
  ctx: DomainContext,
  input: { siteTitle: string; name: string; email: string; password: string },
): Promise<StaffRecord> {
  // One setup at a time in this process, so two quick submissions cannot both create an owner.
  const run = setupQueue.then(() => setUpOnce(ctx, input));
  setupQueue = run.catch(() => undefined);
  return run;
}

let setupQueue: Promise<unknown> = Promise.resolve();

async function setUpOnce(
  ctx: DomainContext,
  input: { siteTitle: string; name: string; email: string; password: string },
): Promise<StaffRecord> {
  if (!(await isSetupNeeded(ctx))) throw new DomainError('CONFLICT', 'This site already has an owner');
  const owner = await createAccount(ctx, {
    name: input.name,
    email: input.email,
    role: 'owner',
    password: input.password,
  });
  await updateSiteSettings(ctx, { title: input.siteTitle });
  return owner;
}
