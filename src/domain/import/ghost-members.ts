import type { DomainContext } from '../context.js';
import { checkEmailAddress } from '../members/email-address.js';
import { createNewsletter, updateNewsletter } from '../newsletters/newsletters.js';
import type { MemberRecord, MemberStatus } from '../ports.js';
import { DomainError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { isValidSlug, slugify } from '../shared/slug.js';
import { cleanText } from '../shared/validate.js';
import type { AnyActor } from '../staff/permissions.js';
import type { GhostMember, GhostNewsletter } from './ghost-export.js';
import { ghostSource, type GhostRun } from './ghost-posts.js';
import { rememberFrom } from './import-people.js';
import type { ImportReport } from './import-report.js';

/*
 * Ghost's newsletters and members. Members are written straight into the member tables, as the
 * member CSV import writes them: no signup, no confirmation, so nobody is emailed by an import.
 */

const batchSize = 500;

/** Each newsletter found again by what an earlier run recorded or by its slug, else made. */
export async function importNewsletters(run: GhostRun, actor: AnyActor): Promise<Map<string, string>> {
  const { tx, exported, report } = run;
  const ids = new Map<string, string>();
  const counts = report.ghost!.newsletters;
  for (const newsletter of exported.newsletters.values()) {
    const fields = newsletterFields(newsletter);
    const known = await tx.repos.importedItems.find(ghostSource, 'newsletter', fields.slug);
    const existing = (await tx.repos.newsletters.list()).find(
      (n) => n.id === known || n.slug === fields.slug,
    );
    try {
      const id = existing
        ? (await updateNewsletter(tx, actor, existing.id, givenFields(fields))).id
        : (await createNewsletter(tx, actor, fields)).id;
      await rememberFrom(tx, { source: ghostSource, kind: 'newsletter', key: fields.slug, targetId: id });
      ids.set(newsletter.id, id);
      if (existing) counts.updated++;
      else counts.created++;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
      counts.skipped++;
      report.skips.push({ item: `newsletter "${fields.name}"`, reason: error.message });
    }
  }
  return ids;
}

/** What Ghost says of a newsletter found here again: its empty fields never blank what is set here. */
function givenFields(fields: ReturnType<typeof newsletterFields>) {
  const { slug: _slug, ...rest } = fields;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== ''));
}

function newsletterFields(newsletter: GhostNewsletter) {
  const name = cleanText(newsletter.name).slice(0, 191) || 'Newsletter';
  const address = (value: string) => {
    const checked = checkEmailAddress(value);
    return 'email' in checked ? checked.email : '';
  };
  return {
    slug: isValidSlug(newsletter.slug) ? newsletter.slug : slugify(newsletter.slug || name) || 'newsletter',
    name,
    senderName: cleanText(newsletter.senderName)
      .replace(/[\r\n]/g, ' ')
      .slice(0, 191),
    senderEmail: address(newsletter.senderEmail),
    replyTo: address(newsletter.senderReplyTo),
    footer: cleanText(newsletter.description).slice(0, 5000),
    isActive: newsletter.isActive,
    sortOrder: newsletter.sortOrder,
  };
}

/**
 * New addresses become members with consent `import`, their Ghost sign-up time and subscriptions;
 * an address that is already a member here keeps its status and newsletters (an unsubscribe here
 * is never undone by a re-run) and only gains a name it lacked.
 */
export async function importMembers(run: GhostRun, newsletters: Map<string, string>): Promise<void> {
  const { exported, report } = run;
  const valid = validMembers(exported.members, report);
  for (let i = 0; i < valid.length; i += batchSize)
    await storeBatch(run, { batch: valid.slice(i, i + batchSize), newsletters });
  const paid = exported.members.filter((m) => m.status === 'paid' || m.status === 'comped').length;
  if (paid > 0)
    report.notes.push({
      item: 'members',
      note: `${paid} paid or comped in Ghost: imported as members of the free newsletters (Broadsheet has no paid tiers)`,
    });
}

interface ValidMember {
  member: GhostMember;
  email: string;
}

function validMembers(members: GhostMember[], report: ImportReport): ValidMember[] {
  const seen = new Set<string>();
  const valid: ValidMember[] = [];
  for (const member of members) {
    const checked = checkEmailAddress(member.email);
    const item = `member ${member.email.slice(0, 254) || member.id.slice(0, 40)}`;
    if ('error' in checked) {
      report.ghost!.members.skipped++;
      report.skips.push({ item, reason: `email ${checked.error}` });
    } else if (seen.has(checked.email)) {
      report.ghost!.members.skipped++;
      report.skips.push({ item, reason: 'the same email as an earlier member of the export' });
    } else {
      seen.add(checked.email);
      valid.push({ member, email: checked.email });
    }
  }
  return valid;
}

async function storeBatch(
  { tx, report }: GhostRun,
  { batch, newsletters }: { batch: ValidMember[]; newsletters: Map<string, string> },
): Promise<void> {
  const now = tx.clock.now().toISOString();
  const known = await tx.repos.members.findByEmails(batch.map((m) => m.email));
  const fresh: MemberRecord[] = [];
  const subscriptions: { memberId: string; newsletterId: string }[] = [];
  for (const { member, email } of batch) {
    const name = cleanText(member.name).slice(0, 191);
    const existing = known.get(email);
    if (existing) {
      if (name && !existing.name) await tx.repos.members.update(existing.id, { name, updatedAt: now });
      report.ghost!.members.updated++;
      continue;
    }
    const record = memberRecord(tx, member, { email, name, now });
    fresh.push(record);
    for (const id of member.newsletterIds) {
      const newsletterId = newsletters.get(id);
      if (newsletterId) subscriptions.push({ memberId: record.id, newsletterId });
    }
  }
  await tx.repos.members.insertMany(fresh);
  await tx.repos.members.addSubscriptions(subscriptions, now);
  report.ghost!.members.created += fresh.length;
}

function memberRecord(
  tx: DomainContext,
  member: GhostMember,
  { email, name, now }: { email: string; name: string; now: string },
): MemberRecord {
  // Ghost stops all email to an address that bounced or complained: here that is an unsubscribe.
  const status: MemberStatus = member.isEmailDisabled ? 'unsubscribed' : 'active';
  return {
    id: newId(tx.clock.now()),
    email,
    name,
    status,
    consentSource: 'import',
    consentAt: member.subscribedAt ?? member.createdAt ?? now,
    createdAt: member.createdAt ?? now,
    updatedAt: now,
  };
}
