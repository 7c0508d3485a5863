/**
 * `npm run bench:images`: four 7000×7000 PNG bombs (about 150 KB each) and four 24-megapixel photos,
 * each group posted at once to the in-process app, with the process's peak resident memory printed
 * for each. The bombs must be refused (413) without raising memory; the photos go through the decode
 * queue one at a time. Figure to reach: peak RSS under 450 MiB for the photos, and the bombs adding
 * under 50 MiB (it was 911 MiB before the decoded-size check and the queue).
 */
import sharp from 'sharp';
import { createAccount } from '../src/domain/staff/accounts.js';
import { adminOrigin, testPassword } from '../test/helpers/admin.js';
import { createTestApp } from '../test/helpers/http.js';

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function peakDuring(work: () => Promise<unknown>): Promise<number> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss);
}

const t = await createTestApp('sqlite');
try {
  await createAccount(t.site.ctx, {
    name: 'Bench Editor',
    email: 'bench@news.example',
    role: 'editor',
    password: testPassword,
  });
  const login = await t.app.inject({
    method: 'POST',
    url: '/admin/api/session',
    headers: { origin: adminOrigin },
    payload: { email: 'bench@news.example', password: testPassword },
  });
  const headers = {
    cookie: String(login.headers['set-cookie']).split(';')[0]!,
    'x-csrf-token': login.json().csrfToken as string,
    origin: adminOrigin,
    'content-type': 'application/octet-stream',
  };
  const post = (bytes: Buffer, i: number) =>
    t.app.inject({ method: 'POST', url: `/admin/api/media?filename=f${i}`, headers, payload: bytes });
  const make = (width: number, height: number, format: 'png' | 'jpeg') =>
    Promise.all(
      ['#102030', '#304050', '#506070', '#708090'].map((background) => {
        const image = sharp({ create: { width, height, channels: 3, background } });
        return (format === 'png' ? image.png({ compressionLevel: 9 }) : image.jpeg()).toBuffer();
      }),
    );
  const bombs = await make(7000, 7000, 'png');
  const photos = await make(6000, 4000, 'jpeg');
  const before = process.memoryUsage().rss;
  let statuses: number[] = [];
  const bombPeak = await peakDuring(async () => {
    statuses = (await Promise.all(bombs.map(post))).map((r) => r.statusCode);
  });
  console.log(`bombs: ${statuses.join(' ')}; RSS ${mib(before)} -> peak ${mib(bombPeak)} MiB`);
  const photoPeak = await peakDuring(async () => {
    statuses = (await Promise.all(photos.map(post))).map((r) => r.statusCode);
  });
  console.log(`photos: ${statuses.join(' ')}; peak RSS ${mib(photoPeak)} MiB`);
} finally {
  await t.destroy();
}
