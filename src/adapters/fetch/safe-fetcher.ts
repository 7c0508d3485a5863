import { lookup as systemLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import net, { type LookupFunction, type Socket } from 'node:net';
import tls from 'node:tls';
import {
  OutboundFetchError,
  type FetchOptions,
  type FetchedResource,
  type OutboundFetcher,
} from '../../domain/fetch-ports.js';
import { isPublicAddress } from './public-address.js';

/** Every address a name has; tests pass a stub so that no real DNS is asked. */
export type Resolver = (hostname: string) => Promise<string[]>;

export interface SafeFetcherOptions {
  resolve?: Resolver;
  /** Which connected addresses are acceptable; public ones only unless a test says otherwise. */
  isAllowedAddress?: (address: string) => boolean;
  allowedPorts?: readonly number[];
  maxBytes?: number;
  /** For the whole fetch, redirects and body included. */
  timeoutMs?: number;
  maxRedirects?: number;
  userAgent?: string;
}

interface Policy {
  resolve: Resolver;
  isAllowed: (address: string) => boolean;
  ports: ReadonlySet<number>;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  userAgent: string;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** Special-use names (RFC 6761, 6762, 8375) never name a public host, so no resolver is asked about them. */
const specialUseName = /(^|\.)(localhost|example|invalid|test|local|internal|home\.arpa)\.?$/i;

const systemResolver: Resolver = async (hostname) => {
  if (specialUseName.test(hostname))
    throw new OutboundFetchError('NETWORK', `${hostname} is a special-use name, not a public host`);
  return (await systemLookup(hostname, { all: true, verbatim: true })).map((found) => found.address);
};

/**
 * The one way Broadsheet reaches the open web. http and https only; the name is resolved by the
 * connection itself and every address it could use must be public, so a name cannot be checked
 * against one address and then connect to another (DNS rebinding); the socket's remote address is
 * checked again on connect, before a byte is written. Redirects are followed a few times, each
 * re-checked; the body is capped in bytes and the whole fetch in time.
 */
export function createSafeFetcher(options: SafeFetcherOptions = {}): OutboundFetcher {
  const policy: Policy = {
    resolve: options.resolve ?? systemResolver,
    isAllowed: options.isAllowedAddress ?? isPublicAddress,
    ports: new Set(options.allowedPorts ?? [80, 443, 8080, 8443]),
    maxBytes: options.maxBytes ?? 20 * 1024 * 1024,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxRedirects: options.maxRedirects ?? 5,
    userAgent: options.userAgent ?? 'Broadsheet',
  };
  return { get: (url, conditions = {}) => fetchFollowingRedirects(policy, url, conditions) };
}

async function fetchFollowingRedirects(
  policy: Policy,
  start: string,
  conditions: FetchOptions,
): Promise<FetchedResource> {
  const deadline = AbortSignal.timeout(policy.timeoutMs);
  let url = checkedUrl(policy, start);
  for (let hop = 0; ; hop++) {
    const answer = await requestOnce(policy, url, deadline, conditions);
    if ('body' in answer) return answer;
    if (hop >= policy.maxRedirects)
      throw new OutboundFetchError('TOO_MANY_REDIRECTS', `more than ${policy.maxRedirects} redirects`);
    url = checkedUrl(policy, new URL(answer.location, url).href);
  }
}

function checkedUrl(policy: Policy, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OutboundFetchError('BAD_URL', `not a URL: ${text.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OutboundFetchError('BAD_URL', `only http and https are fetched, not ${url.protocol}`);
  if (url.username || url.password)
    throw new OutboundFetchError('BAD_URL', 'URLs with credentials are not fetched');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (!policy.ports.has(port)) throw new OutboundFetchError('REFUSED_PORT', `port ${port} is not fetched`);
  const literal = hostOf(url);
  if (net.isIP(literal) && !policy.isAllowed(literal)) throw refusedAddress(literal, literal);
  return url;
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

function refusedAddress(host: string, address: string): OutboundFetchError {
  const what = host === address ? address : `${host} (${address})`;
  return new OutboundFetchError('REFUSED_ADDRESS', `${what} is not a public address`);
}

type Answer = FetchedResource | { location: string };

function requestOnce(
  policy: Policy,
  url: URL,
  deadline: AbortSignal,
  conditions: FetchOptions,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => reject(asFetchError(error, deadline));
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'GET',
      signal: deadline,
      createConnection: () => checkedConnection(policy, url),
      headers: {
        'user-agent': policy.userAgent,
        accept: '*/*',
        'accept-encoding': 'identity',
        ...(conditions.ifNoneMatch ? { 'if-none-match': conditions.ifNoneMatch } : {}),
        ...(conditions.ifModifiedSince ? { 'if-modified-since': conditions.ifModifiedSince } : {}),
      },
    });
    request.on('error', fail);
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (redirectStatuses.has(status) && location) {
        response.resume();
        resolve({ location });
        return;
      }
      readCapped(response, policy.maxBytes).then(
        (body) =>
          resolve({
            url: url.href,
            status,
            contentType: response.headers['content-type'] ?? '',
            body,
            ...validatorsOf(response),
          }),
        fail,
      );
    });
    request.end();
  });
}

function validatorsOf(response: IncomingMessage): Pick<FetchedResource, 'etag' | 'lastModified'> {
  const etag = response.headers.etag;
  const lastModified = response.headers['last-modified'];
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

function checkedConnection(policy: Policy, url: URL): Socket {
  const host = hostOf(url);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const lookup = checkedLookup(policy);
  const socket =
    url.protocol === 'https:'
      ? tls.connect({
          host,
          port,
          lookup,
          servername: net.isIP(host) ? undefined : host,
          ALPNProtocols: ['http/1.1'],
        })
      : net.connect({ host, port, lookup });
  // Registered before any write, so a refused socket never carries the request.
  socket.once('connect', () => {
    const address = socket.remoteAddress ?? '';
    if (!policy.isAllowed(address)) socket.destroy(refusedAddress(host, address));
  });
  return socket;
}

function checkedLookup(policy: Policy): LookupFunction {
  return (hostname, options, callback) => {
    policy
      .resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw new OutboundFetchError('NETWORK', `${hostname} has no address`);
        const refused = addresses.find((address) => !policy.isAllowed(address));
        if (refused !== undefined) throw refusedAddress(hostname, refused);
        if (options.all) {
          callback(
            null,
            addresses.map((address) => ({ address, family: net.isIP(address) })),
          );
          return;
        }
        const chosen = addresses.find((address) => !options.family || net.isIP(address) === options.family);
        if (chosen === undefined)
          throw new OutboundFetchError('NETWORK', `${hostname} has no IPv${options.family} address`);
        callback(null, chosen, net.isIP(chosen));
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}

function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new OutboundFetchError('TOO_LARGE', `the answer is larger than ${maxBytes} bytes`);
  return new Promise((resolve, reject) => {
    if (Number(response.headers['content-length']) > maxBytes) {
      response.destroy();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) response.destroy(tooLarge());
      else chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
    response.on('close', () => {
      if (!response.complete) reject(new Error('the answer was cut off'));
    });
  });
}

function asFetchError(error: unknown, deadline: AbortSignal): OutboundFetchError {
  if (error instanceof OutboundFetchError) return error;
  if (deadline.aborted) return new OutboundFetchError('TIMEOUT', 'the fetch took too long');
  return new OutboundFetchError('NETWORK', error instanceof Error ? error.message : String(error));
}
