/*
 * Run by media-variants-kill.test.ts as a real process: works the media-variants queue, and at the
 * image after `IMAGES_BEFORE_HANG` finished ones stops inside the transaction that records it (its
 * files written, its record changed, nothing committed), says "hanging" and waits to be killed.
 */
import { loadConfig } from '../../src/config/config.js';
import { drainMediaVariants } from '../../src/domain/media/media-variants.js';
import type { Repositories } from '../../src/domain/ports.js';
import { openSite } from '../../src/main.js';

const schema = process.env.TEST_POSTGRES_SCHEMA;
const site = await openSite(loadConfig(process.env), schema ? { postgresSchema: schema } : {});
const imagesBeforeHang = Number(process.env.IMAGES_BEFORE_HANG);
let finished = 0;

const hangingAtFinish = (repos: Repositories): Repositories => {
  const media = Object.assign(Object.create(Object.getPrototypeOf(repos.media) as object), repos.media, {
    finishVariants: async (...args: Parameters<Repositories['media']['finishVariants']>) => {
      const isRecorded = await repos.media.finishVariants(...args);
      if (finished < imagesBeforeHang) return isRecorded;
      process.stdout.write('hanging\n');
      return new Promise(() => {});
    },
  }) as Repositories['media'];
  return { ...repos, media };
};

const ctx = {
  ...site.ctx,
  repos: {
    ...site.ctx.repos,
    transaction: <T>(work: (repos: Repositories) => Promise<T>) =>
      site.ctx.repos.transaction((repos) => work(hangingAtFinish(repos))),
  },
};
await drainMediaVariants(ctx, {
  claimer: 'killed child',
  onProgress: () => {
    finished++;
    process.stdout.write('image\n');
  },
});
