/* Ports for staff sign-in: sessions, invitations and password resets; re-exported by ports.ts. */

export interface SessionRecord {
  idHash: string;
  staffId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  userAgent: string;
  /** Null once signed in; the second step still to be done otherwise (the session is refused everywhere else). */
  pendingStep: SecondStep | null;
  /** SHA-256 of the emailed new-device code of a pending session. */
  codeHash: string | null;
}

export type SecondStep = 'totp' | 'email';

export interface SessionRepository {
  insert(session: SessionRecord): Promise<void>;
  /** The session with this hash when it has not expired by `now`. */
  findLive(idHash: string, now: string): Promise<SessionRecord | undefined>;
  touch(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  delete(idHash: string): Promise<void>;
  /** Ends a pending session so it can be replaced by a signed-in one; false when it was not pending (single use). */
  claimPending(idHash: string): Promise<boolean>;
  /** Ends every session of a staff member but the one kept (if any). */
  deleteForStaff(staffId: string, keepIdHash?: string): Promise<number>;
  /** Deletes sessions that expired before `now`; returns how many. */
  deleteExpired(now: string): Promise<number>;
}

/** An invitation to join the staff; only the hash of the emailed token is stored. */
export interface InvitationRecord {
  id: string;
  email: string;
  role: string;
  tokenHash: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface InvitationRepository {
  insert(invitation: InvitationRecord): Promise<void>;
  /** Drops the invitations to this address that were never accepted (a new one replaces them). */
  deletePendingFor(email: string): Promise<void>;
  /** Invitations neither accepted nor expired by `now`, newest first. */
  listPending(now: string): Promise<InvitationRecord[]>;
  /** Deletes an invitation not yet accepted; false when there was none. */
  deletePending(id: string): Promise<boolean>;
  findLive(tokenHash: string, now: string): Promise<InvitationRecord | undefined>;
  /** Marks a live invitation accepted; false when it was used or expired meanwhile (single use). */
  claim(tokenHash: string, now: string): Promise<boolean>;
}

/** A password reset; only the hash of the emailed token is stored. */
export interface PasswordResetRecord {
  tokenHash: string;
  staffId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface PasswordResetRepository {
  insert(reset: PasswordResetRecord): Promise<void>;
  /** Ends every reset of a staff member that was not used. */
  deleteForStaff(staffId: string): Promise<void>;
  findLive(tokenHash: string, now: string): Promise<PasswordResetRecord | undefined>;
  /** Marks a live reset used; false when it was used or expired meanwhile (single use). */
  claim(tokenHash: string, now: string): Promise<boolean>;
}
