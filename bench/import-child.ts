import { drainMediaVariants } from '../src/domain/media/media-variants.js';
import { importWordPressExport } from '../src/domain/import/import-wordpress.js';
import { systemActor } from '../src/domain/staff/permissions.js';
import { createWordPressImportPorts } from '../src/main.js';
import { openBenchSite } from './bench-site.js';

/*
 * One import timed in a process of its own (bench/import.bench.ts starts it), so its peak RSS is the
 * import's and not the generator's: `node --import tsx bench/import-child.ts UPLOADS_DIR FILE…`
 * (UPLOADS_DIR `-` for none; BENCH_WARM=1 imports the files once first into another site;
 * BENCH_VARIANTS=1 then runs the media-variants job to the end, timed apart, after the import's
 * peak RSS is read) prints one line of JSON.
 */
const [uploads, ...files] = process.argv.slice(2);
const ports = createWordPressImportPorts(uploads && uploads !== '-' ? { uploadsDir: uploads } : {});
const megabytes = (bytes: number) => bytes / 1024 / 1024;

async function once(options: { isMeasured: boolean }) {
  const bench = await openBenchSite('sqlite', 'import');
  try {
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    const report = await importWordPressExport(bench.site.ctx, systemActor('bench'), { files, ports });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const peakRssMiB = megabytes(process.resourceUsage().maxRSS * 1024);
    // The import's own figures at once (a long variants run after it may be stopped).
    if (options.isMeasured) console.error(JSON.stringify({ import: { seconds, cpuSeconds, peakRssMiB } }));
    if (!options.isMeasured || process.env.BENCH_VARIANTS !== '1')
      return { seconds, cpuSeconds, peakRssMiB, report };
    const variantsStarted = performance.now();
    const variants = await drainMediaVariants(bench.site.ctx, { claimer: 'bench' });
    return {
      seconds,
      cpuSeconds,
      peakRssMiB,
      report,
      variants: { ...variants, seconds: (performance.now() - variantsStarted) / 1000 },
      variantsPeakRssMiB: megabytes(process.resourceUsage().maxRSS * 1024),
    };
  } finally {
    await bench.destroy();
  }
}

const cold = process.env.BENCH_WARM === '1' ? await once({ isMeasured: false }) : undefined;
const { seconds, cpuSeconds, peakRssMiB, report, ...after } = await once({ isMeasured: true });
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds,
    coldSeconds: cold?.seconds,
    peakRssMiB,
    posts: report.posts.created,
    media: report.media.created,
    missing: report.media.missing.length,
    ...after,
  }),
);
