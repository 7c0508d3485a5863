import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * `npm run bench:import-ghost`: hostile Ghost exports are refused in under a second with under
 * 64 MiB more than the open site (50,000-deep arrays and objects, a late `__proto__` key, a lexical
 * document 50,000 deep inside a post), and a generated export of 2,000 lexical posts and 20,000
 * members imports in ≤ 60 s with a peak RSS ≤ 400 MiB, on SQLite (BENCH_DATABASE=postgres for the
 * other). Each figure is printed beside its target.
 */

const posts = Number(process.env.BENCH_POSTS ?? 2_000);
const members = Number(process.env.BENCH_MEMBERS ?? 20_000);

interface ChildResult {
  seconds: number;
  baselineRssMiB: number;
  peakRssMiB: number;
  refusal?: string;
  posts: number;
  members: number;
}

function timed(file: string): ChildResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/import-ghost-child.ts', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`the bench child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

const exportOf = (data: string) => `{"db":[{"meta":{"version":"5.0.0"},"data":${data}}]}`;

const lexical = (i: number) =>
  JSON.stringify({
    root: {
      children: [
        {
          type: 'paragraph',
          children: [{ type: 'text', text: `Report ${i}. ${'Words of the story. '.repeat(40)}` }],
        },
        { type: 'image', src: `__GHOST_URL__/content/images/2024/05/image-${i % 500}.jpg`, alt: 'A picture' },
        { type: 'embed', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
      ],
    },
  });

function largeExport(): string {
  const rows = {
    posts: Array.from({ length: posts }, (_, i) => ({
      ...{ id: `p${i}`, uuid: `bench-${i}`, title: `Post ${i}`, slug: `post-${i}` },
      ...{ status: 'published', published_at: '2024-05-02T08:30:00.000Z', lexical: lexical(i) },
    })),
    tags: Array.from({ length: 50 }, (_, t) => ({ id: `t${t}`, name: `Section ${t}`, slug: `section-${t}` })),
    posts_tags: Array.from({ length: posts }, (_, i) => ({ post_id: `p${i}`, tag_id: `t${i % 50}` })),
    newsletters: [{ id: 'n1', name: 'Daily', slug: 'daily', status: 'active' }],
    members: Array.from({ length: members }, (_, i) => ({
      ...{ id: `m${i}`, email: `reader${i}@bench.example`, name: `Reader ${i}`, status: 'free' },
      created_at: '2023-01-01T00:00:00.000Z',
    })),
    members_newsletters: Array.from({ length: members }, (_, i) => ({
      member_id: `m${i}`,
      newsletter_id: 'n1',
    })),
  };
  return exportOf(JSON.stringify(rows));
}

const hostile: Record<string, string> = {
  '50,000-deep arrays': exportOf(`{"posts":[${'['.repeat(50_000)}${']'.repeat(50_000)}]}`),
  '50,000-deep objects': exportOf(`{"posts":[${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}]}`),
  'a __proto__ key after 20,000 rows': exportOf(
    `{"posts":[${Array.from({ length: 20_000 }, (_, i) => `{"id":"${i}","title":"x"}`).join(',')},{"__proto__":{"isAdmin":true}}]}`,
  ),
  'a lexical document 50,000 deep': exportOf(
    JSON.stringify({
      posts: [
        {
          ...{ id: 'deep', uuid: 'deep', title: 'Deep', slug: 'deep', status: 'published', html: '<p>x</p>' },
          lexical: `{"root":{"children":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`,
        },
      ],
    }),
  ),
};

const line = (what: string, value: string, target: string, ok: boolean) =>
  console.log(`${ok ? 'ok  ' : 'MISS'} ${what.padEnd(44)} ${value.padStart(12)}   target ${target}`);

const work = mkdtempSync(join(tmpdir(), 'broadsheet-bench-ghost-'));
try {
  for (const [name, text] of Object.entries(hostile)) {
    const file = join(work, 'hostile.json');
    writeFileSync(file, text);
    const result = timed(file);
    const extra = result.peakRssMiB - result.baselineRssMiB;
    const handled = name.startsWith('a lexical') ? result.posts === 1 : result.refusal !== undefined;
    line(
      `${name}: ${handled ? 'handled' : 'NOT handled'}`,
      `${result.seconds.toFixed(3)} s`,
      '< 1 s',
      handled && result.seconds < 1,
    );
    line(`${name}: extra memory`, `${extra.toFixed(1)} MiB`, '< 64 MiB', extra < 64);
  }
  const file = join(work, 'large.json');
  writeFileSync(file, largeExport());
  const result = timed(file);
  line(
    `${posts} posts and ${members} members`,
    `${result.seconds.toFixed(1)} s`,
    '≤ 60 s',
    result.seconds <= 60,
  );
  line('peak RSS', `${result.peakRssMiB.toFixed(0)} MiB`, '≤ 400 MiB', result.peakRssMiB <= 400);
  line(
    'imported',
    `${result.posts}/${result.members}`,
    `${posts}/${members}`,
    result.posts === posts && result.members === members,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
