import type { Config } from '../config/config.js';
import { DomainError } from '../domain/shared/errors.js';
import { createAccount } from '../domain/staff/accounts.js';
import { staffRoles } from '../domain/staff/staff.js';
import { openSite } from '../main.js';

interface UserOptions {
  email?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
  'password-stdin'?: boolean | undefined;
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

function missingOptions(options: UserOptions): string[] {
  const missing = (['email', 'name', 'role'] as const).filter((k) => !options[k]).map((k) => `--${k}`);
  if (!options['password-stdin'])
    missing.push('--password-stdin (the password is never taken from the command line)');
  return missing;
}

/** `broadsheet user create`: a staff account from the shell, e.g. the first owner. */
export async function runUser(config: Config, words: string[], options: UserOptions): Promise<number> {
  if (words[0] !== 'create') {
    console.error('Usage: broadsheet user create --email E --name N --role ROLE --password-stdin');
    return 2;
  }
  const missing = missingOptions(options);
  if (missing.length) {
    console.error(`Missing: ${missing.join(', ')}`);
    return 2;
  }
  const role = options.role as (typeof staffRoles)[number];
  if (!staffRoles.includes(role)) {
    console.error(`--role must be one of: ${staffRoles.join(', ')}`);
    return 2;
  }
  const password = await readStdinLine();
  const site = await openSite(config);
  try {
    const staff = await createAccount(site.ctx, {
      email: options.email!,
      name: options.name!,
      role,
      password,
    });
    console.log(`Created ${staff.role} ${staff.name} <${staff.email}>.`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const d of error.details) console.error(d.property ? `${d.property}: ${d.message}` : d.message);
    return 1;
  } finally {
    await site.close();
  }
}
