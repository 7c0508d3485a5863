/**
 * Fetching from the open web (imported media, archived sources). Only the safe fetcher in
 * src/adapters/fetch implements this: it refuses every non-public address at connect time.
 */
export interface FetchedResource {
  /** Where the body came from, after redirects. */
  url: string;
  status: number;
  contentType: string;
  body: Buffer;
  /** The validators the answer carried, for a conditional request next time. */
  etag?: string;
  lastModified?: string;
}

/** A conditional GET: the server may answer 304 Not Modified with no body. */
export interface FetchOptions {
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

export type OutboundFetchProblem =
  'BAD_URL' | 'REFUSED_ADDRESS' | 'REFUSED_PORT' | 'TOO_LARGE' | 'TIMEOUT' | 'TOO_MANY_REDIRECTS' | 'NETWORK';

export class OutboundFetchError extends Error {
  constructor(
    readonly problem: OutboundFetchProblem,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundFetchError';
  }
}

export interface OutboundFetcher {
  /** GETs `url`, following at most a few redirects, each re-checked. Throws OutboundFetchError. */
  get(url: string, options?: FetchOptions): Promise<FetchedResource>;
}
