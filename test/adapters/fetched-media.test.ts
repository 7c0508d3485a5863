import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMediaFetch } from '../../src/adapters/import/fetched-media.js';
import { OutboundFetchError, type OutboundFetcher } from '../../src/domain/fetch-ports.js';

/*
 * An import's media fetching over a fetcher that records what it is asked: a bounded number of
 * fetches at once, at most two to one host, hosts taking turns; URLs tried in order; each failure
 * kept as a sentence; the bytes read back once fetched, and gone after close.
 */

function recordingFetcher(answer: (url: string) => Buffer | number | OutboundFetchError) {
  const inFlight = new Map<string, number>();
  const seen = { maxTotal: 0, maxPerHost: 0, asked: [] as string[] };
  let total = 0;
  const fetcher: OutboundFetcher = {
    async get(url) {
      const host = new URL(url).host;
      seen.asked.push(url);
      inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
      total++;
      seen.maxTotal = Math.max(seen.maxTotal, total);
      seen.maxPerHost = Math.max(seen.maxPerHost, inFlight.get(host)!);
      // Lets every other worker start its own fetch before this one answers.
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      inFlight.set(host, inFlight.get(host)! - 1);
      total--;
      const result = answer(url);
      if (result instanceof OutboundFetchError) throw result;
      if (typeof result === 'number')
        return { url, status: result, contentType: 'text/html', body: Buffer.from('no') };
      return { url, status: 200, contentType: 'image/jpeg', body: result };
    },
  };
  return { fetcher, seen };
}

test('fetches a few at once, at most two per host, and keeps every outcome', async () => {
  const { fetcher, seen } = recordingFetcher((url) =>
    url.includes('missing')
      ? 404
      : url.includes('refused')
        ? new OutboundFetchError('REFUSED_ADDRESS', '10.0.0.1 is not a public address')
        : Buffer.from(url),
  );
  const media = createMediaFetch({ fetcher, concurrency: 4, perHost: 2 });
  const wanted = [
    ...Array.from({ length: 8 }, (_, i) => ({ key: `a/${i}.jpg`, urls: [`https://a.example/${i}.jpg`] })),
    ...Array.from({ length: 4 }, (_, i) => ({ key: `b/${i}.jpg`, urls: [`https://b.example/${i}.jpg`] })),
    { key: 'c/x.jpg', urls: ['https://c.example/missing.jpg', 'https://c.example/x-300x200.jpg'] },
    { key: 'c/y.jpg', urls: ['https://c.example/missing-y.jpg', 'https://c.example/refused.jpg'] },
  ];
  const progress: number[] = [];
  await media.fetchAll(wanted, ({ done }) => progress.push(done));
  assert.equal(seen.maxPerHost, 2, 'never more than two at once to one host');
  assert.ok(
    seen.maxTotal <= 4 && seen.maxTotal > 2,
    `at most four at once over all hosts (${seen.maxTotal})`,
  );
  assert.deepEqual(
    progress,
    Array.from({ length: wanted.length }, (_, i) => i + 1),
  );
  assert.deepEqual(await media.read('a/3.jpg'), Buffer.from('https://a.example/3.jpg'));
  assert.deepEqual(
    await media.read('c/x.jpg'),
    Buffer.from('https://c.example/x-300x200.jpg'),
    'the next URL after a 404',
  );
  assert.deepEqual(await media.read('c/y.jpg'), {
    problem:
      'not fetched: https://c.example/missing-y.jpg: HTTP 404; https://c.example/refused.jpg: 10.0.0.1 is not a public address',
  });
  assert.match(
    ((await media.read('d/never.jpg')) as { problem: string }).problem,
    /not at an address of the old site/,
  );
  await media.close();
  assert.ok('problem' in (await media.read('a/3.jpg')), 'nothing kept after close');
});
