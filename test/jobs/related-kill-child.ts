/*
 * Run by related-kill.test.ts as a real process: works the related-posts queue, and in the step after
 * `STEPS_BEFORE_HANG` finished steps stops inside the step's open transaction (its writes made, not
 * committed), says "hanging" and waits to be killed.
 */
import { loadConfig } from '../../src/config/config.js';
import type { RelatedJob, Repositories } from '../../src/domain/ports.js';
import { drainRelatedJobs } from '../../src/domain/posts/related-job.js';
import { openSite } from '../../src/main.js';

const schema = process.env.TEST_POSTGRES_SCHEMA;
const site = await openSite(loadConfig(process.env), schema ? { postgresSchema: schema } : {});
const stepsBeforeHang = Number(process.env.STEPS_BEFORE_HANG);
let finished = 0;

const hangingAtFinish = (repos: Repositories): Repositories => {
  const related = Object.assign(
    Object.create(Object.getPrototypeOf(repos.related) as object),
    repos.related,
    {
      finishJob: async (job: RelatedJob) => {
        if (finished < stepsBeforeHang) return repos.related.finishJob(job);
        process.stdout.write('hanging\n');
        await new Promise(() => {});
      },
    },
  ) as Repositories['related'];
  return { ...repos, related };
};

const ctx = {
  ...site.ctx,
  repos: {
    ...site.ctx.repos,
    transaction: <T>(work: (repos: Repositories) => Promise<T>) =>
      site.ctx.repos.transaction((repos) => work(hangingAtFinish(repos))),
  },
};
await drainRelatedJobs(ctx, {
  onStep: () => {
    finished++;
    process.stdout.write('step\n');
  },
});
