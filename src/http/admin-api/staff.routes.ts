import { z } from 'zod';
import type { InvitationRecord, StaffRecord } from '../../domain/ports.js';
import { DomainError } from '../../domain/shared/errors.js';
import {
  inviteSchema,
  inviteStaff,
  listInvitations,
  revokeInvitation,
} from '../../domain/staff/invitations.js';
import type { AdminActor, Role } from '../../domain/staff/permissions.js';
import { listStaff, membershipSchema, updateMembership } from '../../domain/staff/staff-admin.js';
import { acceptedAnswer, invitationAnswer, staffAnswer } from './answers.js';
import { endpoint, noContent, type Endpoint } from './endpoint.js';
import { idParams } from './request-schema.js';
import { presentStaff } from './session.routes.js';

/** An invitation as the admin sees it: never the token or its hash. */
const presentInvitation = (i: InvitationRecord): z.input<typeof invitationAnswer> => ({
  id: i.id,
  email: i.email,
  role: i.role as Role,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
});

/** Everyone on the staff sees the staff list; only those who manage staff see email addresses. */
function presentStaffListed(staff: StaffRecord, mayManage: boolean) {
  const { email, ...rest } = presentStaff(staff);
  return mayManage ? { ...rest, email } : rest;
}

/** An invitation names who sent it: a person, never an integration. */
function assertPerson(actor: AdminActor): void {
  if (actor.kind === 'token')
    throw new DomainError('FORBIDDEN', 'Invitations are sent by a signed-in person');
}

const doc = { tag: 'Staff', caller: 'staff' } as const;

/** The staff list, roles and suspension, invitations: `/admin/api/staff`. */
export const staffEndpoints: Endpoint[] = [
  endpoint({
    ...doc,
    operationId: 'listStaff',
    summary: 'The staff; email addresses only for those who manage staff',
    method: 'GET',
    path: '/admin/api/staff',
    answer: z.object({ staff: z.array(staffAnswer) }),
    run: ({ ctx, caller }) => listStaff(ctx, caller),
    present: ({ staff, mayManage }) => ({ staff: staff.map((s) => presentStaffListed(s, mayManage)) }),
  }),
  endpoint({
    ...doc,
    operationId: 'updateMembership',
    summary: 'Changes a staff member’s role, or suspends or restores them',
    method: 'PATCH',
    path: '/admin/api/staff/:id',
    params: idParams,
    body: membershipSchema,
    answer: z.object({ staff: staffAnswer }),
    run: ({ ctx, caller, params, body }) => updateMembership(ctx, caller, params.id, body),
    present: (staff) => ({ staff: presentStaff(staff) }),
  }),
  endpoint({
    ...doc,
    operationId: 'listInvitations',
    summary: 'Invitations not yet accepted',
    method: 'GET',
    path: '/admin/api/staff/invitations',
    answer: z.object({ invitations: z.array(invitationAnswer) }),
    run: ({ ctx, caller }) => listInvitations(ctx, caller),
    present: (invitations) => ({ invitations: invitations.map(presentInvitation) }),
  }),
  endpoint({
    ...doc,
    operationId: 'inviteStaff',
    summary: 'Invites someone to the staff by email',
    method: 'POST',
    path: '/admin/api/staff/invitations',
    status: 202,
    guard: assertPerson,
    body: inviteSchema,
    answer: acceptedAnswer,
    run: ({ ctx, caller, body }) => inviteStaff(ctx, caller, body),
    present: () => ({}),
  }),
  endpoint({
    ...doc,
    operationId: 'revokeInvitation',
    summary: 'Withdraws an invitation',
    method: 'DELETE',
    path: '/admin/api/staff/invitations/:id',
    params: idParams,
    answer: 'none',
    run: ({ ctx, caller, params }) => revokeInvitation(ctx, caller, params.id),
    present: noContent,
  }),
];
