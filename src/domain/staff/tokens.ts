import { createHash, randomBytes } from 'node:crypto';

/** A secret for a cookie or an emailed link: 32 random bytes, base64url (43 characters). */
export const newToken = () => randomBytes(32).toString('base64url');

/** What is stored instead of a token: a copy of the database gives no live session or link. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whether a string could be one of our tokens (checked before any lookup). */
export const isTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
