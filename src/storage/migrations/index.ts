import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial.js';
import * as staffSessions from './002-staff-sessions.js';
import * as admin from './003-admin.js';
import * as staffMail from './004-staff-mail.js';
import * as members from './005-members.js';
import * as newsletterSends from './006-newsletter-sends.js';
import * as firstDay from './007-first-day.js';

/** Migrations are listed here (not read from disk) so the bundled build carries them. One set serves both dialects. */
const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-staff-sessions': staffSessions,
  '003-admin': admin,
  '004-staff-mail': staffMail,
  '005-members': members,
  '006-newsletter-sends': newsletterSends,
  '007-first-day': firstDay,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
