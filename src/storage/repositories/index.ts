import { KyselyJobQueueRepository } from './job-queue.repository.js';
import type { Kysely } from 'kysely';
import { createSearchIndex } from '../../adapters/search/index.js';
import type { Repositories } from '../../domain/ports.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { sqliteCapabilities } from '../dialects/sqlite.js';
import type { Database } from '../tables.js';
import { KyselyNewsletterSendRepository } from './newsletter-send.repository.js';
import { KyselyApiTokenRepository } from './api-token.repository.js';
import { KyselyInvitationRepository } from './invitation.repository.js';
import { KyselyMemberRepository } from './member.repository.js';
import { KyselyNewsletterRepository } from './newsletter.repository.js';
import { KyselyMediaRepository } from './media.repository.js';
import { KyselyPasswordResetRepository } from './password-reset.repository.js';
import { KyselyPostRepository } from './post.repository.js';
import { KyselyPostNoteRepository } from './post-note.repository.js';
import { KyselyPromotionRepository } from './promotion.repository.js';
import { KyselyRedirectRepository } from './redirect.repository.js';
import { KyselyRelatedRepository } from './related.repository.js';
import { KyselyRevisionRepository } from './revision.repository.js';
import { KyselySessionRepository } from './session.repository.js';
import { KyselySourceRepository } from './source.repository.js';
import { KyselySettingsRepository } from './settings.repository.js';
import { KyselySitemapRepository } from './sitemap.repository.js';
import { KyselyStaffRepository } from './staff.repository.js';
import { KyselyTagRepository } from './tag.repository.js';
import { KyselyRateLimitRepository } from './rate-limit.repository.js';
import { KyselySecondFactorRepository } from './second-factor.repository.js';
import { KyselyDeviceRepository } from './device.repository.js';
import { KyselySignInLinkRepository } from './sign-in-link.repository.js';
import { KyselyIdempotencyRepository } from './idempotency.repository.js';
import { KyselyMemberImportRepository } from './member-import.repository.js';
import { KyselyImportJobRepository } from './import-job.repository.js';
import { KyselyImportedItemRepository } from './imported-item.repository.js';
import { KyselyContentApiKeyRepository } from './content-api-key.repository.js';
import { KyselyPublicTaxonomyRepository } from './public-taxonomy.repository.js';

export function createRepositories(
  db: Kysely<Database>,
  isInTransaction = false,
  capabilities: DialectCapabilities = sqliteCapabilities,
): Repositories {
  return {
    posts: new KyselyPostRepository(db, capabilities),
    notes: new KyselyPostNoteRepository(db),
    tags: new KyselyTagRepository(db),
    staff: new KyselyStaffRepository(db),
    media: new KyselyMediaRepository(db, capabilities),
    promotions: new KyselyPromotionRepository(db),
    settings: new KyselySettingsRepository(db),
    sessions: new KyselySessionRepository(db),
    tokens: new KyselyApiTokenRepository(db),
    redirects: new KyselyRedirectRepository(db),
    revisions: new KyselyRevisionRepository(db),
    invitations: new KyselyInvitationRepository(db),
    passwordResets: new KyselyPasswordResetRepository(db),
    newsletters: new KyselyNewsletterRepository(db),
    members: new KyselyMemberRepository(db),
    newsletterSends: new KyselyNewsletterSendRepository(db, capabilities),
    sitemap: new KyselySitemapRepository(db),
    related: new KyselyRelatedRepository(db, capabilities),
    sources: new KyselySourceRepository(db, capabilities),
    search: createSearchIndex(db, capabilities),
    rateLimits: new KyselyRateLimitRepository(db),
    secondFactors: new KyselySecondFactorRepository(db),
    devices: new KyselyDeviceRepository(db),
    signInLinks: new KyselySignInLinkRepository(db),
    idempotencyKeys: new KyselyIdempotencyRepository(db),
    memberImports: new KyselyMemberImportRepository(db, capabilities),
    importJobs: new KyselyImportJobRepository(db, capabilities),
    importedItems: new KyselyImportedItemRepository(db),
    jobQueues: new KyselyJobQueueRepository(db),
    contentKeys: new KyselyContentApiKeyRepository(db),
    publicTaxonomy: new KyselyPublicTaxonomyRepository(db),
    transaction: <T>(work: (repos: Repositories) => Promise<T>) =>
      isInTransaction
        ? work(createRepositories(db, true, capabilities))
        : db.transaction().execute((trx) => work(createRepositories(trx, true, capabilities))),
  };
}
