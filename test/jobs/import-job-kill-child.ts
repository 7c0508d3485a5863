/*
 * Run by import-job-kill.test.ts as a real process: works the queued imports, and after
 * `POSTS_BEFORE_HANG` posts of an import stops inside its one open transaction (those posts written,
 * not committed), says "hanging" and waits to be killed.
 */
import { loadConfig } from '../../src/config/config.js';
import { drainImportJobs } from '../../src/domain/import/import-job-work.js';
import { createImportJobPorts, openSite } from '../../src/main.js';

const schema = process.env.TEST_POSTGRES_SCHEMA;
const site = await openSite(loadConfig(process.env), schema ? { postgresSchema: schema } : {});
const postsBeforeHang = Number(process.env.POSTS_BEFORE_HANG);
const ports = createImportJobPorts(site.config, site.ctx.privateFiles);
let converted = 0;

await drainImportJobs(site.ctx, {
  ports: {
    ...ports,
    wordPress: (archivePath) => {
      const real = ports.wordPress(archivePath);
      return {
        ...real,
        contentToBlocks: async (...args: Parameters<typeof real.contentToBlocks>) => {
          if (++converted <= postsBeforeHang) return real.contentToBlocks(...args);
          process.stdout.write('hanging\n');
          return new Promise<never>(() => {});
        },
      };
    },
  },
  onPhase: (_id, phase) => process.stdout.write(`${phase}\n`),
});
