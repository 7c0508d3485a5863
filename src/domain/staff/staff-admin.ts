import { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { Repositories, StaffRecord } from '../ports.js';
import { DomainError, notFound, validationError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { forgetSignIns } from './accounts.js';
import { can, type Actor, type Role } from './permissions.js';
import { staffRoles } from './staff.js';

/*
 * Managing staff beyond the permission matrix (written out in docs/roles.md, "Rules beyond the matrix"):
 * nobody changes their own role or status; the owner is changed only by handing ownership over; only
 * the owner changes or suspends an administrator, and only the owner makes someone owner.
 */

export const staffStatuses = ['active', 'suspended'] as const;

/**
 * The staff list, for everyone on the staff; `mayManage` says whether the caller manages staff (and
 * so sees their email addresses).
 */
export async function listStaff(
  ctx: DomainContext,
  actor: Actor,
): Promise<{ staff: StaffRecord[]; mayManage: boolean }> {
  if (!can(actor, 'read', 'staff')) throw new DomainError('FORBIDDEN', 'You may not see the staff list');
  return { staff: await ctx.repos.staff.list(), mayManage: can(actor, 'update', 'staff') };
}

export const membershipSchema = z.strictObject({
  role: z.enum(staffRoles).optional(),
  status: z.enum(staffStatuses).optional(),
});

const forbidden = (message: string) => new DomainError('FORBIDDEN', message);

async function manageableTarget(ctx: DomainContext, actor: Actor, staffId: string): Promise<StaffRecord> {
  if (!can(actor, 'update', 'staff')) throw forbidden('You may not manage staff');
  const target = await ctx.repos.staff.findById(staffId);
  if (!target) throw notFound('Staff member');
  if (target.id === actor.staffId) throw forbidden('Nobody can change their own role or suspend themselves');
  if (target.role === 'owner')
    throw forbidden('The owner stays owner until they hand ownership to someone else');
  if (target.role === 'administrator' && actor.role !== 'owner')
    throw forbidden('Only the owner can change or suspend an administrator');
  return target;
}

async function checkNewOwner(ctx: DomainContext, actor: Actor, target: StaffRecord): Promise<void> {
  if (actor.role !== 'owner') throw forbidden('Only the owner can make someone owner');
  if (target.status !== 'active')
    throw validationError([{ property: 'role', message: 'a suspended staff member cannot become owner' }]);
  if (!(await ctx.repos.staff.passwordHashOf(target.id)))
    throw validationError([{ property: 'role', message: 'has no account to sign in with' }]);
}

/** Hands ownership over in one transaction: the new owner in, the old owner an administrator. */
async function transferOwnership(repos: Repositories, actor: Actor, target: StaffRecord, now: string) {
  const current = await repos.staff.findById(actor.staffId);
  if (current?.role !== 'owner') throw forbidden('Only the owner can make someone owner');
  await repos.staff.update(target.id, { role: 'owner', updatedAt: now });
  await repos.staff.update(actor.staffId, { role: 'administrator', updatedAt: now });
}

/** Gives a staff member another role; `owner` transfers ownership (the actor becomes administrator). */
export async function changeStaffRole(
  ctx: DomainContext,
  actor: Actor,
  staffId: string,
  role: Role,
): Promise<StaffRecord> {
  return updateMembership(ctx, actor, staffId, { role });
}

/** Shuts a staff member out: their sessions end at once and they cannot sign in or reset a password. */
export async function suspendStaff(ctx: DomainContext, actor: Actor, staffId: string): Promise<StaffRecord> {
  return updateMembership(ctx, actor, staffId, { status: 'suspended' });
}

export async function reactivateStaff(
  ctx: DomainContext,
  actor: Actor,
  staffId: string,
): Promise<StaffRecord> {
  return updateMembership(ctx, actor, staffId, { status: 'active' });
}

/** A role and/or status change, every rule checked before anything is written, written in one transaction. */
export async function updateMembership(
  ctx: DomainContext,
  actor: Actor,
  staffId: string,
  input: z.input<typeof membershipSchema>,
): Promise<StaffRecord> {
  const f = parseInput(membershipSchema, input);
  const target = await manageableTarget(ctx, actor, staffId);
  const isNewOwner = f.role === 'owner';
  if (isNewOwner) {
    if (f.status === 'suspended')
      throw validationError([{ property: 'status', message: 'the new owner cannot be suspended' }]);
    await checkNewOwner(ctx, actor, target);
  }
  const now = ctx.clock.now().toISOString();
  await ctx.repos.transaction(async (repos) => {
    if (isNewOwner) await transferOwnership(repos, actor, target, now);
    else if (f.role && f.role !== target.role)
      await repos.staff.update(target.id, { role: f.role, updatedAt: now });
    if (f.status && f.status !== target.status) {
      await repos.staff.update(target.id, { status: f.status, updatedAt: now });
      if (f.status === 'suspended') await forgetSignIns(repos, target.id);
    }
  });
  return (await ctx.repos.staff.findById(target.id))!;
}
