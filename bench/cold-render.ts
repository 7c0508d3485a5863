import { loadConfig } from '../src/config/config.js';
import { updatePost } from '../src/domain/posts/save-post.js';
import { buildApp, createSiteEnv } from '../src/http/app.js';
import { postPage } from '../src/http/site/site-pages.js';
import { loadThemeAssets } from '../src/http/theme-assets.js';
import { openSite } from '../src/main.js';

/** CPU milliseconds per call of `work`: the median of several rounds, so one GC pause or a busy neighbour does not decide. */
async function cpuMsPer(work: () => Promise<void>, iterations: number, rounds = 7): Promise<number> {
  const perRound: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const before = process.cpuUsage();
    for (let i = 0; i < iterations; i++) await work();
    const used = process.cpuUsage(before);
    perRound.push((used.user + used.system) / 1000 / iterations);
  }
  return perRound.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

/**
 * What a page costs when nothing is cached, as right after a publish: before each render a content
 * change is announced, which empties the page cache and the per-change memo of site settings.
 * `renderMs` is the page builder alone (queries, templates); `requestMs` a whole in-process request
 * through Fastify's inject (which adds its own overhead on top of a real socket's).
 */
export async function measureColdRender(dataDir: string, path: string, iterations = 200) {
  const site = await openSite(loadConfig({ BROADSHEET_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  const { app } = await buildApp(site);
  const env = createSiteEnv(site, loadThemeAssets(site.theme));
  const slug = path.slice(1, -1);
  const request = () => app.inject({ method: 'GET', url: path });
  for (let i = 0; i < 100; i++) {
    site.events.remoteChanged();
    await postPage(env, slug);
    await request();
  }
  const renderMs = await cpuMsPer(async () => {
    site.events.remoteChanged();
    if (!(await postPage(env, slug))) throw new Error(`${path} not found`);
  }, iterations);
  const requestMs = await cpuMsPer(async () => {
    site.events.remoteChanged();
    if ((await request()).statusCode !== 200) throw new Error(`${path} did not answer 200`);
  }, iterations);
  const post = (await site.ctx.repos.posts.findOne({ slug }))!;
  await request();
  await updatePost(site.ctx, post.id, { title: 'Changed for the bench' });
  const after = await request();
  await app.close();
  await site.close();
  return { renderMs, requestMs, isFreshAfterChange: after.body.includes('Changed for the bench') };
}
