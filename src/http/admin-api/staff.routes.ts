import type { FastifyInstance } from 'fastify';
import type { InvitationRecord, StaffRecord } from '../../domain/ports.js';
import { DomainError } from '../../domain/shared/errors.js';
import {
  inviteSchema,
  inviteStaff,
  listInvitations,
  revokeInvitation,
} from '../../domain/staff/invitations.js';
import { listStaff, membershipSchema, updateMembership } from '../../domain/staff/staff-admin.js';
import { adminRoute, type AdminApiDeps } from './actor.js';
import { idParams, parseRequest } from './request-schema.js';
import { presentStaff } from './session.routes.js';

/** An invitation as the admin sees it: never the token or its hash. */
const presentInvitation = (i: InvitationRecord) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
});

/** Everyone on the staff sees the staff list; only those who manage staff see email addresses. */
function presentStaffListed(staff: StaffRecord, mayManage: boolean) {
  const { email, ...rest } = presentStaff(staff);
  return mayManage ? { ...rest, email } : rest;
}

/** The staff list, roles and suspension, invitations: `/admin/api/staff`. */
export function registerStaffRoutes(app: FastifyInstance, deps: AdminApiDeps): void {
  const { ctx } = deps;
  adminRoute(app, deps, { method: 'GET', url: '/admin/api/staff' }, async (actor, request) => {
    parseRequest(request, {});
    const { staff, mayManage } = await listStaff(ctx, actor);
    return { staff: staff.map((s) => presentStaffListed(s, mayManage)) };
  });

  adminRoute(app, deps, { method: 'PATCH', url: '/admin/api/staff/:id' }, async (actor, request) => {
    const { params, body } = parseRequest(request, { params: idParams, body: membershipSchema });
    return { staff: presentStaff(await updateMembership(ctx, actor, params.id, body)) };
  });

  adminRoute(app, deps, { method: 'GET', url: '/admin/api/staff/invitations' }, async (actor, request) => {
    parseRequest(request, {});
    return { invitations: (await listInvitations(ctx, actor)).map(presentInvitation) };
  });

  adminRoute(
    app,
    deps,
    { method: 'POST', url: '/admin/api/staff/invitations', status: 202 },
    async (actor, request, _reply, ctx) => {
      // An invitation names who sent it: a person, never an integration.
      if (actor.kind === 'token')
        throw new DomainError('FORBIDDEN', 'Invitations are sent by a signed-in person');
      const { body } = parseRequest(request, { body: inviteSchema });
      await inviteStaff(ctx, actor, body);
      return {};
    },
  );

  adminRoute(
    app,
    deps,
    { method: 'DELETE', url: '/admin/api/staff/invitations/:id' },
    async (actor, request) => {
      const { params } = parseRequest(request, { params: idParams });
      await revokeInvitation(ctx, actor, params.id);
    },
  );
}
