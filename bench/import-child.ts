import { importWordPressExport } from '../src/domain/import/import-wordpress.js';
import { systemActor } from '../src/domain/staff/permissions.js';
import { createWordPressImportPorts } from '../src/main.js';
import { openBenchSite } from './bench-site.js';

/*
 * One import timed in a process of its own (bench/import.bench.ts starts it), so its peak RSS is the
 * import's and not the generator's: `node --import tsx bench/import-child.ts UPLOADS_DIR FILE…`
 * (UPLOADS_DIR `-` for none; BENCH_WARM=1 imports the files once first into another site) prints
 * one line of JSON.
 */
const [uploads, ...files] = process.argv.slice(2);
const ports = createWordPressImportPorts(uploads && uploads !== '-' ? { uploadsDir: uploads } : {});

async function once() {
  const bench = await openBenchSite('sqlite', 'import');
  try {
    const started = performance.now();
    const report = await importWordPressExport(bench.site.ctx, systemActor('bench'), { files, ports });
    return { seconds: (performance.now() - started) / 1000, report };
  } finally {
    await bench.destroy();
  }
}

const cold = process.env.BENCH_WARM === '1' ? await once() : undefined;
const { seconds, report } = await once();
console.log(
  JSON.stringify({
    seconds,
    coldSeconds: cold?.seconds,
    peakRssMiB: (process.resourceUsage().maxRSS * 1024) / 1024 / 1024,
    posts: report.posts.created,
    media: report.media.created,
    missing: report.media.missing.length,
  }),
);
