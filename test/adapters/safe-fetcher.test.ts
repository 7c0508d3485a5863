import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { isPublicAddress } from '../../src/adapters/fetch/public-address.js';
import { createSafeFetcher, type SafeFetcherOptions } from '../../src/adapters/fetch/safe-fetcher.js';
import { OutboundFetchError, type OutboundFetchProblem } from '../../src/domain/fetch-ports.js';

/*
 * The safe fetcher against loopback listeners and a stub resolver; nothing leaves the machine. The
 * "site" the tests fetch from listens on 127.0.0.1, which the tests' own address rule treats as
 * public; 127.0.0.2 stands for an internal address and is refused by that rule too.
 */

interface Listener {
  server: Server;
  port: number;
  connections: number;
  requests: number;
}

async function listen(host: string, handler: Parameters<typeof createServer>[1]): Promise<Listener> {
  const server = createServer(handler);
  const listener: Listener = { server, port: 0, connections: 0, requests: 0 };
  server.on('connection', () => listener.connections++);
  server.on('request', () => listener.requests++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  listener.port = (server.address() as AddressInfo).port;
  return listener;
}

const site = '127.0.0.1';
const internal = '127.0.0.2';
let web: Listener;
let intranet: Listener;

function stubResolver(names: Record<string, string[] | (() => string[])>) {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const found = names[hostname];
    if (found === undefined)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return typeof found === 'function' ? found() : found;
  };
  return { resolve, asked };
}

function fetcherFor(names: Record<string, string[] | (() => string[])>, options: SafeFetcherOptions = {}) {
  return createSafeFetcher({
    resolve: stubResolver(names).resolve,
    isAllowedAddress: (address) => address === site || isPublicAddress(address),
    allowedPorts: [web.port, intranet.port, 80, 443],
    ...options,
  });
}

async function refusal(promise: Promise<unknown>): Promise<OutboundFetchProblem> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof OutboundFetchError, `expected an OutboundFetchError, got ${String(error)}`);
    return error.problem;
  }
  assert.fail('the fetch was expected to be refused');
}

before(async () => {
  web = await listen(site, (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const hops = Number(url.searchParams.get('hops') ?? 0);
    if (url.pathname === '/photo.jpg')
      response.writeHead(200, { 'content-type': 'image/jpeg' }).end('JPEGDATA');
    else if (url.pathname === '/chain')
      response.writeHead(302, { location: hops > 0 ? `/chain?hops=${hops - 1}` : '/photo.jpg' }).end();
    else if (url.pathname === '/to')
      response.writeHead(301, { location: url.searchParams.get('url')! }).end();
    else if (url.pathname === '/big')
      response.writeHead(200, { 'content-length': String(3000) }).end('x'.repeat(3000));
    else if (url.pathname === '/big-chunked') {
      response.writeHead(200);
      for (let i = 0; i < 30; i++) response.write('x'.repeat(100));
      response.end();
    } else if (url.pathname === '/tagged') {
      const validators = { etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' };
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304, validators).end();
      else response.writeHead(200, { ...validators, 'content-type': 'text/plain' }).end('tagged');
    } else if (url.pathname === '/silent') request.on('close', () => response.destroy());
    else if (url.pathname === '/drip') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => response.write('.'), 20);
      request.on('close', () => clearInterval(timer));
    } else response.writeHead(404).end('no');
  });
  intranet = await listen(internal, (_request, response) => response.end('SECRET'));
});

after(() => {
  web.server.closeAllConnections();
  web.server.close();
  intranet.server.closeAllConnections();
  intranet.server.close();
});

describe('which addresses are public', () => {
  const refused = [
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.1',
    '255.255.255.255',
    '198.18.0.1',
    '192.0.2.1',
    '203.0.113.9',
    '240.0.0.1',
    '192.0.0.170',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    'ff02::1',
    '2001:db8::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::1',
    '2001::1',
    'not an address',
    '',
  ];
  const allowed = [
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '::ffff:8.8.8.8',
    '2606:4700:4700::1111',
    '2a00:1450:4001::200e',
  ];
  for (const address of refused)
    test(`refuses ${address || '(empty)'}`, () => assert.equal(isPublicAddress(address), false));
  for (const address of allowed)
    test(`allows ${address}`, () => assert.equal(isPublicAddress(address), true));
});

describe('the safe fetcher', () => {
  test('fetches from a public name, with the type and the final URL', async () => {
    const fetched = await fetcherFor({ 'news.example': [site] }).get(
      `http://news.example:${web.port}/photo.jpg`,
    );
    assert.equal(fetched.status, 200);
    assert.equal(fetched.contentType, 'image/jpeg');
    assert.equal(fetched.body.toString(), 'JPEGDATA');
    assert.equal(fetched.url, `http://news.example:${web.port}/photo.jpg`);
  });

  test('refuses a name that resolves to an internal address, without connecting', async () => {
    const before = intranet.connections;
    const fetcher = fetcherFor({ 'evil.example': [internal] });
    assert.equal(await refusal(fetcher.get(`http://evil.example:${intranet.port}/`)), 'REFUSED_ADDRESS');
    assert.equal(intranet.connections, before);
  });

  test('refuses a name with any internal address among its public ones', async () => {
    const fetcher = fetcherFor({ 'mixed.example': [site, internal] });
    assert.equal(await refusal(fetcher.get(`http://mixed.example:${web.port}/photo.jpg`)), 'REFUSED_ADDRESS');
  });

  test('the real rule refuses loopback: a name pointing at 127.0.0.1 is never fetched', async () => {
    const before = web.connections;
    const fetcher = createSafeFetcher({
      resolve: stubResolver({ 'x.example': [site] }).resolve,
      allowedPorts: [web.port],
    });
    assert.equal(await refusal(fetcher.get(`http://x.example:${web.port}/photo.jpg`)), 'REFUSED_ADDRESS');
    assert.equal(web.connections, before);
  });

  for (const literal of [
    '127.0.0.2',
    '[::ffff:127.0.0.2]',
    '[::ffff:7f00:2]',
    '[0:0:0:0:0:ffff:127.0.0.2]',
    '2130706434',
    '0x7f000002',
    '0177.0.0.2',
    '0x7f.0.0.2',
    '127.2',
    '127.0.2',
    '[::1]',
    '0.0.0.0',
    '0',
  ]) {
    test(`refuses the address literal ${literal}`, async () => {
      const before = intranet.connections;
      assert.equal(
        await refusal(fetcherFor({}).get(`http://${literal}:${intranet.port}/`)),
        'REFUSED_ADDRESS',
      );
      assert.equal(intranet.connections, before);
    });
  }

  for (const url of [
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://metadata.google.internal.example/',
    'http://100.64.0.1/',
    'http://192.168.0.1/',
    'http://10.0.0.1/',
  ]) {
    test(`refuses ${url}`, async () => {
      const fetcher = fetcherFor({ 'metadata.google.internal.example': ['169.254.169.254'] });
      assert.equal(await refusal(fetcher.get(url)), 'REFUSED_ADDRESS');
    });
  }

  test('userinfo and fragment tricks reach no internal address', async () => {
    const before = intranet.connections;
    const fetcher = fetcherFor({ 'news.example': [site] });
    for (const url of [
      `http://news.example@127.0.0.2:${intranet.port}/`,
      `http://news.example:${web.port}@127.0.0.2:${intranet.port}/`,
      `http://127.0.0.2:${intranet.port}#@news.example/`,
      `http://127.0.0.2:${intranet.port}?@news.example/`,
      `http://%31%32%37.0.0.2:${intranet.port}/`,
    ])
      assert.ok(['BAD_URL', 'REFUSED_ADDRESS'].includes(await refusal(fetcher.get(url))), url);
    assert.equal(intranet.connections, before);
  });

  test('special-use names (localhost, .example, .internal) are never resolved nor fetched', async () => {
    const before = web.connections;
    const fetcher = createSafeFetcher({ allowedPorts: [web.port] });
    for (const name of ['localhost', 'www.localhost', 'news.example', 'db.internal', 'printer.local'])
      assert.equal(await refusal(fetcher.get(`http://${name}:${web.port}/photo.jpg`)), 'NETWORK', name);
    assert.equal(web.connections, before);
  });

  test('a conditional request carries the validators, and a 304 comes back as such', async () => {
    const fetcher = fetcherFor({ 'news.example': [site] });
    const fresh = await fetcher.get(`http://news.example:${web.port}/tagged`);
    assert.equal(fresh.status, 200);
    assert.equal(fresh.etag, '"v1"');
    assert.equal(fresh.lastModified, 'Tue, 01 Dec 2026 10:00:00 GMT');
    const again = await fetcher.get(`http://news.example:${web.port}/tagged`, {
      ifNoneMatch: fresh.etag,
      ifModifiedSince: fresh.lastModified,
    });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  test('DNS rebinding: each connection uses only the address it checked', async () => {
    // First answer public, every later answer internal: the redirect's second connection is refused.
    let calls = 0;
    const rebinding = () => (calls++ === 0 ? [site] : [internal]);
    const before = intranet.connections;
    const fetcher = fetcherFor({ 'rebind.example': rebinding }, { allowedPorts: [web.port] });
    const url = `http://rebind.example:${web.port}/to?url=${encodeURIComponent(`http://rebind.example:${web.port}/photo.jpg`)}`;
    assert.equal(await refusal(fetcher.get(url)), 'REFUSED_ADDRESS');
    assert.equal(calls, 2, 'the name was resolved once per connection');
    assert.equal(intranet.connections, before);
  });

  test('the connected address is checked again before a byte is written', async () => {
    // An address rule that accepts the name's address once, then refuses it: the lookup passes, the
    // check on connect does not, and the server sees a connection that carries no request.
    let checks = 0;
    const fetcher = createSafeFetcher({
      resolve: stubResolver({ 'news.example': [site] }).resolve,
      isAllowedAddress: () => checks++ === 0,
      allowedPorts: [web.port],
    });
    const requestsBefore = web.requests;
    assert.equal(await refusal(fetcher.get(`http://news.example:${web.port}/photo.jpg`)), 'REFUSED_ADDRESS');
    assert.equal(checks, 2);
    assert.equal(web.requests, requestsBefore);
  });

  test('follows redirects, re-checking each, up to five', async () => {
    const fetcher = fetcherFor({ 'news.example': [site] });
    const fetched = await fetcher.get(`http://news.example:${web.port}/chain?hops=4`);
    assert.equal(fetched.body.toString(), 'JPEGDATA');
    assert.equal(fetched.url, `http://news.example:${web.port}/photo.jpg`);
    assert.equal(
      await refusal(fetcher.get(`http://news.example:${web.port}/chain?hops=5`)),
      'TOO_MANY_REDIRECTS',
    );
  });

  test('refuses a redirect to an internal address or to another scheme', async () => {
    const fetcher = fetcherFor({ 'news.example': [site], 'intranet.example': [internal] });
    const via = (target: string) => `http://news.example:${web.port}/to?url=${encodeURIComponent(target)}`;
    const before = intranet.connections;
    assert.equal(
      await refusal(fetcher.get(via(`http://intranet.example:${intranet.port}/`))),
      'REFUSED_ADDRESS',
    );
    assert.equal(await refusal(fetcher.get(via(`http://127.0.0.2:${intranet.port}/`))), 'REFUSED_ADDRESS');
    assert.equal(
      await refusal(fetcher.get(via('http://169.254.169.254/latest/meta-data/'))),
      'REFUSED_ADDRESS',
    );
    assert.equal(await refusal(fetcher.get(via('file:///etc/passwd'))), 'BAD_URL');
    assert.equal(intranet.connections, before);
  });

  for (const url of [
    'file:///etc/passwd',
    'ftp://news.example/',
    'gopher://news.example/',
    'javascript:alert(1)',
    'data:text/plain,hi',
    'not a url',
    'http://user:pw@news.example/',
  ]) {
    test(`refuses ${url}`, async () => {
      assert.equal(await refusal(fetcherFor({ 'news.example': [site] }).get(url)), 'BAD_URL');
    });
  }

  test('refuses ports outside the allowed set', async () => {
    const fetcher = createSafeFetcher({
      resolve: stubResolver({ 'news.example': ['93.184.216.34'] }).resolve,
    });
    assert.equal(await refusal(fetcher.get('http://news.example:22/')), 'REFUSED_PORT');
    assert.equal(await refusal(fetcher.get('http://news.example:6379/')), 'REFUSED_PORT');
  });

  test('https goes through the same checks', async () => {
    const fetcher = fetcherFor({ 'evil.example': [internal] }, { allowedPorts: [443] });
    assert.equal(await refusal(fetcher.get('https://evil.example/')), 'REFUSED_ADDRESS');
  });

  test('caps the body, declared or streamed', async () => {
    const fetcher = fetcherFor({ 'news.example': [site] }, { maxBytes: 1000 });
    assert.equal(await refusal(fetcher.get(`http://news.example:${web.port}/big`)), 'TOO_LARGE');
    assert.equal(await refusal(fetcher.get(`http://news.example:${web.port}/big-chunked`)), 'TOO_LARGE');
  });

  test('caps the time, for a silent server and for one that drips forever', async () => {
    const fetcher = fetcherFor({ 'news.example': [site] }, { timeoutMs: 300 });
    assert.equal(await refusal(fetcher.get(`http://news.example:${web.port}/silent`)), 'TIMEOUT');
    assert.equal(await refusal(fetcher.get(`http://news.example:${web.port}/drip`)), 'TIMEOUT');
  });

  test('a name that does not resolve is a network problem, not a crash', async () => {
    assert.equal(await refusal(fetcherFor({}).get(`http://nowhere.example:${web.port}/`)), 'NETWORK');
  });
});
