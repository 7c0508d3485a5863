import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial.js';
import * as staffSessions from './002-staff-sessions.js';
import * as admin from './003-admin.js';
import * as staffMail from './004-staff-mail.js';
import * as members from './005-members.js';
import * as newsletterSends from './006-newsletter-sends.js';
import * as firstDay from './007-first-day.js';
import * as hardening from './008-hardening.js';
import * as signInSecurity from './009-sign-in-security.js';
import * as relatedJobs from './012-related-jobs.js';
import * as search from './013-search.js';
import * as archiveIndexes from './014-archive-indexes.js';
import * as searchOrder from './015-search-order.js';
import * as archiveLists from './016-archive-lists.js';
import * as relatedWindows from './017-related-windows.js';
import * as newsletterLeases from './018-newsletter-leases.js';
import * as writes from './019-writes.js';
import * as importedItems from './020-imported-items.js';
import * as pendingRecipients from './021-pending-recipients.js';
import * as searchText from './023-search-text.js';
import * as mediaVariants from './024-media-variants.js';
import * as sourceReview from './025-source-review.js';
import * as importJobs from './026-import-jobs.js';
import * as sourceArchive from './027-source-archive.js';
import * as onTheRecord from './028-on-the-record.js';
import * as contentApiKeys from './030-content-api-keys.js';

/** Migrations are listed here (not read from disk) so the bundled build carries them. One set serves both dialects. */
const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-staff-sessions': staffSessions,
  '003-admin': admin,
  '004-staff-mail': staffMail,
  '005-members': members,
  '006-newsletter-sends': newsletterSends,
  '007-first-day': firstDay,
  '008-hardening': hardening,
  '009-sign-in-security': signInSecurity,
  '012-related-jobs': relatedJobs,
  '013-search': search,
  '014-archive-indexes': archiveIndexes,
  '015-search-order': searchOrder,
  '016-archive-lists': archiveLists,
  '017-related-windows': relatedWindows,
  '018-newsletter-leases': newsletterLeases,
  '019-writes': writes,
  '020-imported-items': importedItems,
  '021-pending-recipients': pendingRecipients,
  '023-search-text': searchText,
  '024-media-variants': mediaVariants,
  '025-source-review': sourceReview,
  '026-import-jobs': importJobs,
  '027-source-archive': sourceArchive,
  '028-on-the-record': onTheRecord,
  '030-content-api-keys': contentApiKeys,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
