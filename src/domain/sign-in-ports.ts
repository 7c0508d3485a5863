/* Ports for sign-in security: counted limits, second factors, remembered devices and sign-in links; re-exported by ports.ts. */

export interface RateLimitCount {
  /** Attempts in the current window, this one included. */
  count: number;
  windowEndsAt: string;
}

/** Limits counted in the database, so every process sharing it shares one count. */
export interface RateLimitRepository {
  /**
   * Counts one attempt under `keyHash`, atomically: a window that ended by `now` starts again at 1
   * and ends at `windowEndsAt`; otherwise the count goes up by one and the window stays.
   */
  increment(keyHash: string, now: string, windowEndsAt: string): Promise<RateLimitCount>;
  /** Deletes counts whose window ended by `now`; returns how many. */
  deleteExpired(now: string): Promise<number>;
}

export interface TotpRecord {
  staffId: string;
  /** Base32, as in the otpauth:// URI. */
  secret: string;
  createdAt: string;
  /** Null while the setup waits for its first code. */
  enabledAt: string | null;
  lastStep: number | null;
}

export interface SecondFactorRepository {
  findTotp(staffId: string): Promise<TotpRecord | undefined>;
  /** Starts (or restarts) a setup: a new secret, not yet enabled. Never replaces an enabled one. */
  saveTotpSetup(staffId: string, secret: string, createdAt: string): Promise<boolean>;
  /** Switches a set-up secret on and replaces the recovery codes, in one step. */
  enableTotp(input: {
    staffId: string;
    enabledAt: string;
    step: number;
    codeHashes: string[];
  }): Promise<boolean>;
  /** Removes TOTP and the recovery codes. */
  removeTotp(staffId: string): Promise<void>;
  /** Records that a code of `step` was accepted; false when one of this step or later already was. */
  useTotpStep(staffId: string, step: number): Promise<boolean>;
  /** Marks an unused recovery code used; false when there is none (single use). */
  useRecoveryCode(staffId: string, codeHash: string, usedAt: string): Promise<boolean>;
  countUnusedRecoveryCodes(staffId: string): Promise<number>;
}

export interface DeviceRecord {
  tokenHash: string;
  staffId: string;
  createdAt: string;
  expiresAt: string;
}

export interface DeviceRepository {
  insert(device: DeviceRecord): Promise<void>;
  isKnown(tokenHash: string, staffId: string, now: string): Promise<boolean>;
  /** Forgets every device of a staff member; returns how many. */
  deleteForStaff(staffId: string): Promise<number>;
  deleteExpired(now: string): Promise<number>;
}

export interface SignInLinkRecord {
  tokenHash: string;
  staffId: string;
  createdAt: string;
  expiresAt: string;
}

export interface SignInLinkRepository {
  insert(link: SignInLinkRecord): Promise<void>;
  /** Uses a live link (single use); the staff id it was for, or undefined. */
  claim(tokenHash: string, now: string): Promise<string | undefined>;
  /** Deletes every link of a staff member, used or not; returns how many. */
  deleteForStaff(staffId: string): Promise<number>;
  deleteExpired(now: string): Promise<number>;
}
