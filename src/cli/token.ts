import type { Config } from '../config/config.js';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  tokenRoles,
} from '../domain/integrations/api-tokens.js';
import { systemActor } from '../domain/staff/permissions.js';
import { DomainError } from '../domain/shared/errors.js';
import { openSite } from '../main.js';

interface TokenOptions {
  name?: string | undefined;
  role?: string | undefined;
  id?: string | undefined;
}

const usage = `Usage:
  broadsheet token create --name NAME --role ROLE   (roles: ${tokenRoles.join(', ')})
  broadsheet token list
  broadsheet token revoke --id ID`;

/** `broadsheet token …`: API tokens for integrations, made by whoever can run commands on the server. */
export async function runToken(config: Config, words: string[], options: TokenOptions): Promise<number> {
  const action = words[0];
  if (action === 'create' && (!options.name || !options.role)) {
    console.error(
      `Missing: ${['name', 'role']
        .filter((k) => !options[k as 'name' | 'role'])
        .map((k) => `--${k}`)
        .join(', ')}\n\n${usage}`,
    );
    return 2;
  }
  if (action === 'revoke' && !options.id) {
    console.error(`Missing: --id\n\n${usage}`);
    return 2;
  }
  if (action !== 'create' && action !== 'list' && action !== 'revoke') {
    console.error(usage);
    return 2;
  }
  const site = await openSite(config);
  const actor = systemActor('broadsheet token');
  try {
    if (action === 'create') {
      const { token, secret } = await createApiToken(site.ctx, actor, {
        name: options.name!,
        role: options.role!,
      });
      console.error(`Created token "${token.name}" (${token.role}, id ${token.id}). It is shown only now:`);
      console.log(secret);
    } else if (action === 'list') {
      for (const t of await listApiTokens(site.ctx, actor))
        console.log(`${t.id}  ${t.role.padEnd(13)}  last used ${t.lastUsedAt ?? 'never'}  ${t.name}`);
    } else {
      await revokeApiToken(site.ctx, actor, options.id!);
      console.log(`Revoked token ${options.id}.`);
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
