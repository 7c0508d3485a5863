import { importGhostExport } from '../src/domain/import/import-ghost.js';
import { systemActor } from '../src/domain/staff/permissions.js';
import { createGhostImportPorts } from '../src/main.js';
import { openBenchSite } from './bench-site.js';

/*
 * One Ghost import timed in a process of its own (bench/import-ghost.bench.ts starts it), so its peak
 * RSS is the import's: `node --import tsx bench/import-ghost-child.ts FILE` prints one line of JSON,
 * with the site already open before the clock starts (a refused file's cost is the refusal's own).
 */
const [file] = process.argv.slice(2);
const bench = await openBenchSite(process.env.BENCH_DATABASE ?? 'sqlite', 'ghost');
const baselineRssMiB = process.memoryUsage().rss / 1024 / 1024;
const started = performance.now();
let refusal: string | undefined;
let counts = { posts: 0, members: 0 };
try {
  const report = await importGhostExport(bench.site.ctx, systemActor('bench'), {
    file: file!,
    ports: createGhostImportPorts(),
  });
  counts = { posts: report.posts.created, members: report.ghost!.members.created };
} catch (error) {
  refusal = (error as Error).message;
}
const seconds = (performance.now() - started) / 1000;
await bench.destroy();
console.log(
  JSON.stringify({
    seconds,
    baselineRssMiB,
    peakRssMiB: (process.resourceUsage().maxRSS * 1024) / 1024 / 1024,
    refusal,
    ...counts,
  }),
);
