import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenSiteOptions } from '../../src/main.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A stand-in for the open web on 127.0.0.1: pages whose answers a test changes as it goes (a page
 * that moves, changes, vanishes or hangs), and every request it was asked, with its headers.
 */
export interface LoopbackWeb {
  port: number;
  /** `http://<host>:<port><path>`; every host in `hosts` resolves to the loopback server. */
  url(path: string, host?: string): string;
  route(path: string, handler: Handler): void;
  /** Answers `path` with a page, with an ETag so rechecks can be conditional. */
  page(path: string, body: string, options?: { type?: string; etag?: string }): void;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  /** The site's fetcher options: names resolve to the loopback server, which alone is allowed. */
  fetcher(timeoutMs?: number): NonNullable<OpenSiteOptions['fetcher']>;
  close(): Promise<void>;
}

export const webHosts = ['ledger.example', 'monitor.example', 'blog.example'];

export async function startLoopbackWeb(): Promise<LoopbackWeb> {
  const routes = new Map<string, Handler>();
  const requests: LoopbackWeb['requests'] = [];
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (handler) handler(request, response);
    else response.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    url: (path, host = webHosts[0]!) => `http://${host}:${port}${path}`,
    route: (path, handler) => void routes.set(path, handler),
    page(path, body, options = {}) {
      const etag = options.etag ?? `"${Buffer.from(body).length}-${body.length % 97}"`;
      routes.set(path, (request, response) => {
        if (request.headers['if-none-match'] === etag) {
          response.writeHead(304, { etag }).end();
          return;
        }
        response
          .writeHead(200, { 'content-type': options.type ?? 'text/html; charset=utf-8', etag })
          .end(body);
      });
    },
    fetcher: (timeoutMs = 4000) => ({
      resolve: async (hostname: string) => {
        if (!webHosts.includes(hostname))
          throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
        return ['127.0.0.1'];
      },
      isAllowedAddress: (address: string) => address === '127.0.0.1',
      allowedPorts: [port],
      timeoutMs,
    }),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A 1×1 PNG. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A page that tries every way of running code, of loading from elsewhere and of sending data out. */
export function hostilePage(beacon: string): string {
  return `<!doctype html><html><head><title>Minister resigns over harbour deal</title>
<script>fetch('${beacon}?from=script')</script>
<script src="${beacon}?from=script-src"></script>
<link rel="stylesheet" href="${beacon}?from=stylesheet">
<meta http-equiv="refresh" content="0;url=${beacon}?from=refresh">
<base href="${beacon}">
<style>body{background:url(${beacon}?from=style)}</style>
</head><body onload="fetch('${beacon}?from=onload')">
<nav><a href="/">Home</a></nav>
<article>
<h1 onclick="alert(1)">Minister resigns over harbour deal</h1>
<p onmouseover="alert(2)">The harbour minister resigned on Tuesday after documents showed the contract had been promised before the tender opened.</p>
<p>Opposition parties called for an inquiry into how the tender was run and who knew about the promise.</p>
<img src="/img/dot.png" alt="The harbour" width="1" height="1" onerror="alert(3)">
<img src="/img/evil.svg" alt="A drawing">
<img src="/img/huge.png" alt="Too large">
<img src="javascript:alert(4)" alt="A trick">
<a href="javascript:alert(5)">Click</a> <a href="/report">The report</a>
<iframe src="${beacon}?from=iframe"></iframe><iframe srcdoc="<script>alert(6)</script>"></iframe>
<object data="${beacon}?from=object"></object><embed src="${beacon}?from=embed">
<form action="${beacon}?from=form"><input name="q" autofocus onfocus="fetch('${beacon}?from=onfocus')"><button>Go</button></form>
<svg><script>alert(8)</script><a href="javascript:alert(9)"><text>x</text></a></svg>
<math><mtext><table><mglyph><style><img src=x onerror=alert(10)></style></mglyph></table></mtext></math>
<noscript><img src="${beacon}?from=noscript"></noscript>
<template><script>alert(11)</script></template>
<div style="background:url(${beacon}?from=inline-style)">Styled</div>
<video src="${beacon}?from=video"></video><audio src="${beacon}?from=audio"></audio>
<p>The <a href="https://elsewhere.example/" target="_blank" onclick="alert(12)">full statement</a> is online.</p>
</article>
<script>document.write('<img src="${beacon}?from=write">')</script>
</body></html>`;
}
