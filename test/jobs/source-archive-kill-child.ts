/*
 * Run by source-archive-kill.test.ts as a real process: works the source-archive queue against the
 * loopback web at WEB_PORT (whose page never answers while the test waits to kill this process).
 */
import { loadConfig } from '../../src/config/config.js';
import { archiveDueSources } from '../../src/domain/sources/archive-sources.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { openSite } from '../../src/main.js';

const schema = process.env.TEST_POSTGRES_SCHEMA;
const port = Number(process.env.WEB_PORT);
const site = await openSite(loadConfig(process.env), {
  ...(schema ? { postgresSchema: schema } : {}),
  fetcher: {
    resolve: async () => ['127.0.0.1'],
    isAllowedAddress: (address) => address === '127.0.0.1',
    allowedPorts: [port],
    timeoutMs: 600_000,
  },
});
process.stdout.write('started\n');
await archiveDueSources(site.ctx, site.sourceArchive, systemActor('kill test'), { hostSpacingMs: 0 });
process.stdout.write('finished\n');
await site.close();
