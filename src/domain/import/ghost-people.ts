import type { DomainContext } from '../context.js';
import { isValidSlug, slugify } from '../shared/slug.js';
import { cleanText } from '../shared/validate.js';
import type { GhostExport } from './ghost-export.js';
import { ghostSource, type GhostRun } from './ghost-posts.js';
import { findOrMakeAuthor, findOrMakeTag } from './import-people.js';
import type { ImportReport } from './import-report.js';

/** Ghost users become author profiles, found again by Ghost slug (or address) on a re-run. */
export async function importGhostAuthors(
  tx: DomainContext,
  exported: GhostExport,
  report: ImportReport,
): Promise<Map<string, string>> {
  const authors = new Map<string, string>();
  for (const user of exported.users.values()) {
    const slug = ghostSlug(user.slug, user.name) || 'author';
    const id = await findOrMakeAuthor(
      tx,
      {
        ...{ source: ghostSource, key: user.slug || user.email || user.id, slug },
        ...{ name: cleanText(user.name) || slug, email: user.email },
        ...{ bio: user.bio, website: user.website, location: user.location },
      },
      report,
    );
    authors.set(user.id, id);
  }
  return authors;
}

/** A Ghost user's profile image as their author photo, when they have none here yet. */
export async function placeAuthorPhotos(run: GhostRun): Promise<void> {
  for (const [ghostId, staffId] of run.authors) {
    const image = run.exported.users.get(ghostId)?.profileImage?.replace(/__GHOST_URL__/g, '');
    const staff = image ? await run.tx.repos.staff.findById(staffId) : undefined;
    if (!image || !staff || staff.photoMediaId) continue;
    const mediaId = await run.media.resolve(image);
    if (mediaId && !mediaId.startsWith('dry-run:'))
      await run.tx.repos.staff.update(staffId, {
        photoMediaId: mediaId,
        updatedAt: run.tx.clock.now().toISOString(),
      });
  }
}

/**
 * Ghost tags become tags, by slug. An internal tag keeps its `#` name and `hash-` slug (gaining the
 * one it lacks), so it stays internal here too (taxonomy/internal-tags.ts).
 */
export async function importGhostTags(
  tx: DomainContext,
  exported: GhostExport,
  report: ImportReport,
): Promise<Map<string, string>> {
  const tags = new Map<string, string>();
  for (const tag of exported.tags.values()) {
    const plain = ghostSlug(tag.slug, tag.name) || 'tag';
    const key = tag.slug || tag.id;
    const isInternal = tag.isInternal;
    const name = isInternal && !tag.name.startsWith('#') ? `#${tag.name}` : tag.name;
    const slug = isInternal && !plain.startsWith('hash-') ? `hash-${plain}` : plain;
    const input = { source: ghostSource, kind: 'tag', key, slug, name, description: tag.description };
    tags.set(tag.id, await findOrMakeTag(tx, input, report));
  }
  return tags;
}

function ghostSlug(slug: string, name: string): string {
  const lowered = slug.toLowerCase();
  return isValidSlug(lowered) ? lowered : slugify(slug) || slugify(name);
}
