import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { runInit } from './init.js';
import { runMigrate } from './migrate.js';
import { runStart } from './start.js';

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
  LOG_LEVEL              fatal, error, warn, info, debug or silent (default info)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(usage);
    return 0;
  }
  const { values } = parseArgs({
    args: rest,
    options: { empty: { type: 'boolean', default: false } },
    strict: true,
  });
  const config = loadConfig();
  switch (command) {
    case 'start':
      return runStart(config);
    case 'init':
      return runInit(config, { isEmpty: values.empty === true });
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
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
