import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { runInit } from './init.js';
import { runMigrate } from './migrate.js';
import { runStart, StartError } from './start.js';

const usage = `Usage: broadsheet <command> [options]

Commands:
  start              Start the site (creates the database and loads the demo site on first run)
  init [--empty]     Set up a new site: with demo content (default) or empty
  migrate            Bring the database schema up to date
  help               Show this help

Configuration (environment variables):
  HOST                   Address to listen on (default 127.0.0.1)
  PORT                   Port to listen on (default 2368)
  BROADSHEET_DATA_DIR    Data folder: SQLite database and media (default ./content)
  DATABASE_URL           postgres://… to use PostgreSQL instead of SQLite
  BROADSHEET_URL         Public URL of the site (default http://HOST:PORT)
  BROADSHEET_WORKERS     HTTP worker processes, or auto for one per core (default 1)
  LOG_LEVEL              fatal, error, warn, info, debug or silent (default info)
`;

/** The options after the command; 'help' when asked for it, or the problem as a sentence. */
function parseOptions(args: string[]): { empty: boolean } | 'help' | string {
  if (args.includes('--help') || args.includes('-h')) return 'help';
  try {
    const { values } = parseArgs({
      args,
      options: { empty: { type: 'boolean', default: false } },
      strict: true,
    });
    return { empty: values.empty === true };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(usage);
    return 0;
  }
  const values = parseOptions(rest);
  if (values === 'help') {
    console.log(usage);
    return 0;
  }
  if (typeof values === 'string') {
    console.error(`${values}\n\n${usage}`);
    return 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'start':
      return runStart(config);
    case 'init':
      return runInit(config, { isEmpty: values.empty });
    case 'migrate':
      return runMigrate(config);
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
