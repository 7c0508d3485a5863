import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { runImport } from './import.js';
import { runInit } from './init.js';
import { runMigrate } from './migrate.js';
import { runNewsletter } from './newsletter.js';
import { runSearch } from './search.js';
import { runToken } from './token.js';
import { runUser } from './user.js';
import { runStart, StartError } from './start.js';

const usage = `Usage: broadsheet <command> [options]

Commands:
  start              Start the site (creates the database and loads the demo site on first run)
  init [--empty]     Set up a new site: with demo content (default) or empty
  migrate            Bring the database schema up to date
  user create --email E --name N --role ROLE --password-stdin
                     Create a staff account (roles: owner, administrator, editor, author,
                     contributor); the password is read from standard input
  token create --name NAME --role ROLE
                     Make an API token for an integration and print it (shown only once)
  token create --content --name NAME
                     Make a Content API key (read-only, what the public site shows)
  token list | token revoke --id ID
                     List API tokens and Content API keys, or revoke one
  newsletter send --post SLUG --newsletter SLUG
                     Send a published post to a newsletter's members, showing progress until done
                     (run it again after an interruption: it resumes the same send)
  newsletter status [SEND_ID]
                     One send's totals, failures and possible duplicates, or every send
  import wordpress FILE.xml [FILE2.xml …] [--uploads DIR] [--fetch-media] [--dry-run]
                     Import WordPress exports (posts, pages, authors, tags, images from a copy of
                     wp-content/uploads, redirects for the old URLs) in one transaction; --fetch-media
                     fetches the images the folder lacks from the old site by URL (public addresses
                     only); --dry-run prints the plan and writes nothing; the report is saved beside
                     the data folder. The images' responsive variants are made afterwards (here, or
                     by a running broadsheet start); pages show the originals until then
  import ghost FILE.json [--images DIR|ZIP] [--redirects redirects.yaml] [--dry-run]
                     Import a Ghost export (posts, pages, tags, authors, newsletters, members with
                     their subscriptions, settings, images from content/images, redirects) in one
                     transaction; nobody is emailed; code injection is reported, never imported
  search reindex     Rebuild the search index from every post, in batches (the site may keep running)
  help               Show this help

Configuration (environment variables):
  HOST                   Address to listen on (default 127.0.0.1)
  PORT                   Port to listen on (default 2368)
  BROADSHEET_DATA_DIR    Data folder: SQLite database and media (default ./content)
  DATABASE_URL           postgres://… to use PostgreSQL instead of SQLite
  BROADSHEET_URL         Public URL of the site (default http://HOST:PORT)
  BROADSHEET_WORKERS     HTTP worker processes, or auto for one per core (default 1)
  LOG_LEVEL              fatal, error, warn, info, debug or silent (default info)
  BROADSHEET_TRUSTED_PROXIES
                         Proxies whose X-Forwarded-For is believed (IPs or CIDRs, comma-separated)
  SMTP_URL, MAIL_FROM    Outgoing mail (staff emails and newsletters)
  DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY_FILE
                         DKIM-sign newsletters (all three, or none)
  NEWSLETTER_SMTP_CONNECTIONS
                         SMTP connections a process keeps busy sending newsletters (default 8)
  NEWSLETTER_LEASE_SECONDS
                         After how long a dead process's claimed recipients are sent again (default 60)
`;

const optionSpec = {
  empty: { type: 'boolean', default: false },
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  id: { type: 'string' },
  post: { type: 'string' },
  newsletter: { type: 'string' },
  uploads: { type: 'string' },
  images: { type: 'string' },
  redirects: { type: 'string' },
  'fetch-media': { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  content: { type: 'boolean', default: false },
} as const;

export type CliOptions = ReturnType<typeof parseArgs<{ options: typeof optionSpec; allowPositionals: true }>>;

/** The options and words after the command; 'help' when asked for it, or the problem as a sentence. */
function parseOptions(args: string[]): CliOptions | 'help' | string {
  if (args.includes('--help') || args.includes('-h')) return 'help';
  try {
    return parseArgs({ args, options: optionSpec, strict: true, allowPositionals: true });
  } catch (error) {
    // Node's message goes on about positional arguments; the first sentence is what the user needs.
    return (error instanceof Error ? error.message : String(error)).split('. To specify')[0]!;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(usage);
    return 0;
  }
  const parsed = parseOptions(rest);
  if (parsed === 'help') {
    console.log(usage);
    return 0;
  }
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const config = loadConfig();
  switch (command) {
    case 'start':
      return runStart(config);
    case 'init':
      return runInit(config, { isEmpty: values.empty === true });
    case 'migrate':
      return runMigrate(config);
    case 'user':
      return runUser(config, positionals, values);
    case 'token':
      return runToken(config, positionals, values);
    case 'newsletter':
      return runNewsletter(config, positionals, values);
    case 'search':
      return runSearch(config, positionals);
    case 'import':
      return runImport(config, positionals, values);
    default:
      console.error(`Unknown command: ${command}\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof StartError) console.error(error.message);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
    // A cluster worker stays alive while its channel to the primary is open.
    cluster.worker?.disconnect();
  },
);
