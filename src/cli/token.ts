import type { Config } from '../config/config.js';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  tokenRoles,
} from '../domain/integrations/api-tokens.js';
import {
  createContentApiKey,
  listContentApiKeys,
  revokeContentApiKey,
} from '../domain/content-api/content-api-keys.js';
import type { DomainContext } from '../domain/context.js';
import { systemActor, type SystemActor } from '../domain/staff/permissions.js';
import { DomainError } from '../domain/shared/errors.js';
import { openSite } from '../main.js';

interface TokenOptions {
  name?: string | undefined;
  role?: string | undefined;
  id?: string | undefined;
  content?: boolean | undefined;
}

const usage = `Usage:
  broadsheet token create --name NAME --role ROLE   (roles: ${tokenRoles.join(', ')})
  broadsheet token create --content --name NAME     (a Content API key: reads what the public site shows)
  broadsheet token list
  broadsheet token revoke --id ID`;

/** The problem with the words and options, or undefined when they make a command. */
function problemOf(action: string | undefined, options: TokenOptions): string | undefined {
  if (action === 'create') {
    const needed = options.content ? ['name'] : ['name', 'role'];
    const missing = needed.filter((k) => !options[k as 'name' | 'role']);
    if (options.content && options.role) return 'A Content API key has no role: leave out --role';
    return missing.length ? `Missing: ${missing.map((k) => `--${k}`).join(', ')}` : undefined;
  }
  if (action === 'revoke') return options.id ? undefined : 'Missing: --id';
  return action === 'list' ? undefined : '';
}

async function create(ctx: DomainContext, actor: SystemActor, options: TokenOptions): Promise<void> {
  if (options.content) {
    const { key, secret } = await createContentApiKey(ctx, actor, { name: options.name! });
    console.error(`Created Content API key "${key.name}" (id ${key.id}). It is shown only now:`);
    console.log(secret);
    return;
  }
  const { token, secret } = await createApiToken(ctx, actor, { name: options.name!, role: options.role! });
  console.error(`Created token "${token.name}" (${token.role}, id ${token.id}). It is shown only now:`);
  console.log(secret);
}

async function list(ctx: DomainContext, actor: SystemActor): Promise<void> {
  for (const t of await listApiTokens(ctx, actor))
    console.log(`${t.id}  ${t.role.padEnd(13)}  last used ${t.lastUsedAt ?? 'never'}  ${t.name}`);
  for (const k of await listContentApiKeys(ctx, actor))
    console.log(`${k.id}  ${'content'.padEnd(13)}  last used ${k.lastUsedAt ?? 'never'}  ${k.name}`);
}

/** Revokes the token or Content API key with this id (ids are unique across both). */
async function revoke(ctx: DomainContext, actor: SystemActor, id: string): Promise<void> {
  try {
    await revokeApiToken(ctx, actor, id);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'NOT_FOUND') throw error;
    await revokeContentApiKey(ctx, actor, id);
  }
}

/** `broadsheet token …`: API tokens and Content API keys, made by whoever can run commands on the server. */
export async function runToken(config: Config, words: string[], options: TokenOptions): Promise<number> {
  const action = words[0];
  const problem = problemOf(action, options);
  if (problem !== undefined) {
    console.error(problem ? `${problem}\n\n${usage}` : usage);
    return 2;
  }
  const site = await openSite(config);
  const actor = systemActor('broadsheet token');
  try {
    if (action === 'create') await create(site.ctx, actor, options);
    else if (action === 'list') await list(site.ctx, actor);
    else {
      await revoke(site.ctx, actor, options.id!);
      console.log(`Revoked ${options.id}.`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const d of error.details.length ? error.details : [{ message: error.message }])
      console.error('property' in d && d.property ? `${d.property}: ${d.message}` : d.message);
    return 1;
  } finally {
    await site.close();
  }
}
