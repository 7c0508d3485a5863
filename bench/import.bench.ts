import { existsSync, mkdirSync, mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import sharp from 'sharp';

/*
 * `npm run bench:import`: the Theme Unit Test into an empty site (target ≤ 1 s), then a generated
 * export of 10,000 posts referring to 2,000 images in a local uploads folder (target ≤ 60 s and a
 * peak RSS ≤ 300 MiB), on SQLite. Each figure is printed beside its target. The import stores the
 * originals; the media-variants job then makes their variants, timed apart and printed without a
 * target (BENCH_VARIANTS=0 skips it).
 */

const posts = Number(process.env.BENCH_POSTS ?? 10_000);
const images = Number(process.env.BENCH_IMAGES ?? 2_000);

interface ChildResult {
  seconds: number;
  /** The importing process's CPU time (user and system, every thread): readable on a loaded machine. */
  cpuSeconds: number;
  coldSeconds?: number;
  peakRssMiB: number;
  posts: number;
  media: number;
  missing: number;
  variants?: { made: number; failed: number; seconds: number };
  variantsPeakRssMiB?: number;
}

/** The import in a child process (bench/import-child.ts), for a peak RSS that is the import's own. */
function timed(
  files: string[],
  options: { uploadsDir?: string; isWarm?: boolean; withVariants?: boolean } = {},
): ChildResult {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/import-child.ts', options.uploadsDir ?? '-', ...files],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        BENCH_WARM: options.isWarm ? '1' : '0',
        BENCH_VARIANTS: options.withVariants ? '1' : '0',
      },
      maxBuffer: 1 << 24,
    },
  );
  if (child.status !== 0) throw new Error(`the import failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

async function writeUploads(dir: string): Promise<void> {
  mkdirSync(join(dir, '2024/05'), { recursive: true });
  for (let i = 0; i < images; i++) {
    // Light noise makes every image's bytes its own (solid colours a shade apart can encode the
    // same); BENCH_NOISE raises it (strong noise is the encoders' worst case, far from a photo).
    const background = { r: i % 256, g: Math.floor(i / 256) % 256, b: 128 };
    const noise = { type: 'gaussian' as const, mean: 128, sigma: Number(process.env.BENCH_NOISE ?? 4) };
    await sharp({ create: { width: 320 + (i % 7), height: 200, channels: 3, background, noise } })
      .jpeg()
      .toFile(join(dir, `2024/05/image-${i}.jpg`));
  }
}

async function writeExport(path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://bench.example</wp:base_blog_url>
<wp:author><wp:author_login>editor</wp:author_login><wp:author_display_name>The Editor</wp:author_display_name></wp:author>\n`);
  for (let t = 0; t < 50; t++)
    await write(
      `<wp:category><wp:category_nicename>section-${t}</wp:category_nicename><wp:cat_name>Section ${t}</wp:cat_name></wp:category>\n`,
    );
  for (let i = 0; i < posts; i++) {
    const image = i % images;
    const size = i % 3 === 0 ? '-300x200' : '';
    const body = `<!-- wp:paragraph --><p>Report ${i} on the harbour, the council and the weather, with a <a href="https://bench.example/2024/05/post-${(i + 1) % posts}/">link</a>.</p><!-- /wp:paragraph -->
<!-- wp:image --><figure class="wp-block-image"><img src="https://bench.example/wp-content/uploads/2024/05/image-${image}${size}.jpg" alt="Picture ${image}"><figcaption>The harbour. Photo: Kari Berg</figcaption></figure><!-- /wp:image -->
<!-- wp:paragraph --><p>${'Words of the story go on here. '.repeat(20)}</p><!-- /wp:paragraph -->`;
    await write(`<item><title>Post ${i}</title><link>https://bench.example/2024/05/post-${i}/</link><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded><wp:post_id>${i + 1}</wp:post_id>
<wp:post_date_gmt>2024-05-02 08:30:00</wp:post_date_gmt><wp:post_name>post-${i}</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type><category domain="category" nicename="section-${i % 50}">Section ${i % 50}</category></item>\n`);
  }
  await write('</channel></rss>\n');
  out.end();
  await once(out, 'finish');
}

const line = (what: string, value: string, target: string, ok: boolean) =>
  console.log(
    `${what.padEnd(44)} ${value.padStart(10)}   target ${target.padEnd(10)} ${ok ? 'ok' : 'MISSED'}`,
  );

const themeUnitTest = 'test/fixtures/wxr/theme-test-data/themeunittestdata.wordpress.xml';
// The first import in a process also loads and compiles the parser, sanitizer and converter (under
// tsx, from TypeScript): both are printed; the target is met by a running process (the command
// after its start-up), the second.
const theme = timed([themeUnitTest], { isWarm: true });
console.log(`Theme Unit Test, first import in its process: ${theme.coldSeconds!.toFixed(2)} s`);
line('Theme Unit Test (186 items)', `${theme.seconds.toFixed(2)} s`, '≤ 1 s', theme.seconds <= 1);

// BENCH_WORK=DIR keeps the generated export and uploads there and reuses them on the next run.
const keptWork = process.env.BENCH_WORK ? join(process.env.BENCH_WORK, `${posts}-${images}`) : undefined;
const work = keptWork ?? mkdtempSync(join(tmpdir(), 'broadsheet-bench-wxr-'));
try {
  if (!keptWork || !existsSync(join(work, 'export.xml'))) {
    console.log(`Generating ${posts} posts and ${images} images…`);
    await writeUploads(join(work, 'uploads'));
    await writeExport(join(work, 'export.xml'));
  }
  const big = timed([join(work, 'export.xml')], {
    uploadsDir: join(work, 'uploads'),
    withVariants: process.env.BENCH_VARIANTS !== '0',
  });
  line(`${posts} posts, ${images} local images`, `${big.seconds.toFixed(1)} s`, '≤ 60 s', big.seconds <= 60);
  console.log(
    `(the import's CPU time: ${big.cpuSeconds.toFixed(1)} s; load average ${loadavg()[0]!.toFixed(1)})`,
  );
  line(
    'peak RSS of the importing process',
    `${big.peakRssMiB.toFixed(0)} MiB`,
    '≤ 300 MiB',
    big.peakRssMiB <= 300,
  );
  console.log(`(posts created ${big.posts}, media created ${big.media}, missing ${big.missing})`);
  if (big.variants)
    console.log(
      `then the media-variants job: ${big.variants.made} images' variants in ${big.variants.seconds.toFixed(1)} s` +
        ` (${big.variants.failed} failed; peak RSS ${big.variantsPeakRssMiB!.toFixed(0)} MiB; no target: off the import)`,
    );
} finally {
  if (!keptWork) rmSync(work, { recursive: true, force: true });
}
