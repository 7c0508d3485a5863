/*
 * Run by member-import-kill.test.ts as a real process: works the queued member imports, and in the
 * batch after `BATCHES_BEFORE_HANG` committed batches stops inside the batch's open transaction (its
 * members and report written, not committed), says "hanging" and waits to be killed.
 */
import { loadConfig } from '../../src/config/config.js';
import { drainMemberImports } from '../../src/domain/members/member-import.js';
import type { Repositories } from '../../src/domain/ports.js';
import { openSite } from '../../src/main.js';

const schema = process.env.TEST_POSTGRES_SCHEMA;
const site = await openSite(loadConfig(process.env), schema ? { postgresSchema: schema } : {});
const batchesBeforeHang = Number(process.env.BATCHES_BEFORE_HANG);
let committed = 0;

const hangingAtRecord = (repos: Repositories): Repositories => {
  const memberImports = Object.assign(
    Object.create(Object.getPrototypeOf(repos.memberImports) as object),
    repos.memberImports,
    {
      recordBatch: async (...args: Parameters<Repositories['memberImports']['recordBatch']>) => {
        if (committed < batchesBeforeHang) return repos.memberImports.recordBatch(...args);
        process.stdout.write('hanging\n');
        return new Promise<boolean>(() => {});
      },
    },
  ) as Repositories['memberImports'];
  return { ...repos, memberImports };
};

const ctx = {
  ...site.ctx,
  repos: {
    ...site.ctx.repos,
    transaction: <T>(work: (repos: Repositories) => Promise<T>) =>
      site.ctx.repos.transaction((repos) => work(hangingAtRecord(repos))),
  },
};
await drainMemberImports(ctx, {
  onBatch: () => {
    committed++;
    process.stdout.write('batch\n');
  },
});
