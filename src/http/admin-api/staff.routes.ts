import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DomainContext } from '../../domain/context.js';
import type { InvitationRecord, StaffRecord } from '../../domain/ports.js';
import { DomainError } from '../../domain/shared/errors.js';
import { inviteStaff, listInvitations, revokeInvitation } from '../../domain/staff/invitations.js';
import { can, type Actor, type Role } from '../../domain/staff/permissions.js';
import { updateMembership } from '../../domain/staff/staff-admin.js';
import { presentStaff, requireStaff, requireStaffForChange } from './session.routes.js';

/** An invitation as the admin sees it: never the token or its hash. */
const presentInvitation = (i: InvitationRecord) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
});

/** Everyone on the staff sees the staff list; only those who manage staff see email addresses. */
function presentStaffTo(actor: Actor, staff: StaffRecord) {
  const { email, ...rest } = presentStaff(staff);
  return can(actor, 'update', 'staff') ? { ...rest, email } : rest;
}

/** The body as the domain operation's input: the operation validates it with its own schema. */
const bodyOf = <T>(request: FastifyRequest) => (request.body ?? {}) as T;

export interface StaffRoutesOptions {
  ctx: DomainContext;
  siteUrl: string;
}

/** The staff list, roles and suspension, invitations: `/admin/api/staff`. */
export function registerStaffRoutes(app: FastifyInstance, { ctx, siteUrl }: StaffRoutesOptions): void {
  // Who is calling (a session for now): the one place to change when API tokens arrive.
  const actorOf = async (request: FastifyRequest, isChange: boolean): Promise<Actor> => {
    const { staff } = isChange
      ? await requireStaffForChange(ctx, siteUrl, request)
      : await requireStaff(ctx, siteUrl, request);
    return { role: staff.role as Role, staffId: staff.id };
  };

  app.get('/admin/api/staff', async (request) => {
    const actor = await actorOf(request, false);
    if (!can(actor, 'read', 'staff')) throw new DomainError('FORBIDDEN', 'You may not see the staff list');
    return { staff: (await ctx.repos.staff.list()).map((s) => presentStaffTo(actor, s)) };
  });

  app.patch<{ Params: { id: string } }>('/admin/api/staff/:id', async (request) => {
    const actor = await actorOf(request, true);
    return { staff: presentStaff(await updateMembership(ctx, actor, request.params.id, bodyOf(request))) };
  });

  app.get('/admin/api/staff/invitations', async (request) => {
    const actor = await actorOf(request, false);
    return { invitations: (await listInvitations(ctx, actor)).map(presentInvitation) };
  });

  app.post('/admin/api/staff/invitations', async (request, reply) => {
    const actor = await actorOf(request, true);
    await inviteStaff(ctx, actor, bodyOf(request));
    return reply.code(202).send({});
  });

  app.delete<{ Params: { id: string } }>('/admin/api/staff/invitations/:id', async (request, reply) => {
    const actor = await actorOf(request, true);
    await revokeInvitation(ctx, actor, request.params.id);
    return reply.code(204).send();
  });
}
