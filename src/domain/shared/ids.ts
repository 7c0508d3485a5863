import { randomBytes } from 'node:crypto';

/** 24 hex characters, time-ordered like Ghost's ObjectIds, so Ghost-shaped ids stay familiar to integrations. */
export function newId(now: Date = new Date()): string {
  const seconds = Math.floor(now.getTime() / 1000)
    .toString(16)
    .padStart(8, '0');
  return seconds + randomBytes(8).toString('hex');
}
