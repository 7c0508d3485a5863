import { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { Repositories } from '../ports.js';
import { validationError } from '../shared/errors.js';
import { id } from '../shared/fields.js';

/**
 * The publisher's policies (the Trust Project's "best practices"): pages the publisher writes and
 * chooses in the settings, linked from every page's footer and named in the Organization JSON-LD.
 */
export const policyKinds = ['ethics', 'corrections', 'ownership', 'masthead', 'feedback'] as const;
export type PolicyKind = (typeof policyKinds)[number];

/** Which page states each policy (page ids; a kind left out has no page). */
export const sitePoliciesSchema = z.strictObject(
  Object.fromEntries(policyKinds.map((kind) => [kind, id.nullable().optional()])) as Record<
    PolicyKind,
    z.ZodOptional<z.ZodNullable<typeof id>>
  >,
);
export type SitePolicies = z.output<typeof sitePoliciesSchema>;

/** A policy page as readers reach it. */
export interface PolicyPage {
  kind: PolicyKind;
  slug: string;
}

/** Every page a setting names must be a page of this site. */
export async function checkPolicyPages(repos: Repositories, policies: SitePolicies): Promise<void> {
  const ids = policyKinds.map((k) => policies[k]).filter((v): v is string => !!v);
  if (ids.length === 0) return;
  const found = await repos.posts.list({ ids, types: ['page'] }, { offset: 0, limit: ids.length }, 'teaser');
  const known = new Set(found.map((p) => p.id));
  const problems = policyKinds
    .filter((k) => policies[k] && !known.has(policies[k]!))
    .map((k) => ({ property: `policies.${k}`, message: 'must be a page of this site' }));
  if (problems.length) throw validationError(problems);
}

/** The published policy pages, in the order of `policyKinds` (one query). */
export async function publishedPolicyPages(
  ctx: DomainContext,
  policies: SitePolicies,
): Promise<PolicyPage[]> {
  const ids = policyKinds.map((k) => policies[k]).filter((v): v is string => !!v);
  if (ids.length === 0) return [];
  const pages = await ctx.repos.posts.list(
    { ids, types: ['page'], statuses: ['published'] },
    { offset: 0, limit: ids.length },
    'teaser',
  );
  const byId = new Map(pages.map((p) => [p.id, p]));
  return policyKinds.flatMap((kind) => {
    const page = policies[kind] ? byId.get(policies[kind]!) : undefined;
    return page ? [{ kind, slug: page.slug }] : [];
  });
}
