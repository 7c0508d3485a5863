// The Admin API client: JSON, same-origin credentials, the session's CSRF token on every change, and
// the API's `{ errors: [{ code, message, property }] }` turned into one error type.

import type { components } from './api-types.generated.js';

/* The contract's types come from the server's declarations (api-types.generated.ts); these are their admin names. */
type Schemas = components['schemas'];

export type Locale = Schemas['Staff']['locale'];
export type Staff = Schemas['Staff'];
export type SessionAnswer = Schemas['SignedIn'];
/** A first step's answer: signed in, or a second step to do with the pending session's CSRF token. */
export type SignInAnswer = SessionAnswer | Schemas['SecondStepNeeded'];
export type Meta = Schemas['Meta'];
export type TagKind = Schemas['Tag']['kind'];
export type PostStatus = Schemas['Post']['status'];
export type PostType = Schemas['Post']['type'];
export type PromoSlot = Schemas['Promotion']['slot'];
/** A post's promotion: the site's in their slots, none, or only `promotionId`. */
export type PromotionMode = Schemas['Post']['promotionMode'];
export type PostSummary = Schemas['PostSummary'];
/** A source as the editor holds it: a new one has no id yet. */
/** A source as the editor holds it: what it edits, and (once saved) its archive and link health. */
type SourceFields = 'publisher' | 'title' | 'url' | 'note';
export type Source = Pick<Schemas['Source'], SourceFields> & Partial<Omit<Schemas['Source'], SourceFields>>;
export type LinkHealth = Schemas['LinkHealth'];
export type LinkState = Schemas['LinkHealth']['linkStatus'];
export type FeaturedImage = Schemas['FeaturedImage'];
export type EditorJson = Schemas['EditorDocument'];
export type Post = Schemas['Post'];
export type Revision = Schemas['Revision'];
/** A note on a post's record (published when added, never changed). */
export type PostNote = Schemas['PostNote'];
export type NoteKind = PostNote['kind'];
/** What kind of work a post is, shown above its headline. */
export type WorkType = Schemas['Post']['workType'];
export type Media = Schemas['Media'];
export type Tag = Schemas['Tag'];
export type Promotion = Schemas['Promotion'];
export type Redirect = Schemas['Redirect'];
export type Invitation = Schemas['Invitation'];
export type Settings = Schemas['Settings'];
export type ApiToken = Schemas['ApiToken'];
export type Newsletter = Schemas['Newsletter'];
export type Member = Schemas['Member'];
export type MemberStatus = Member['status'];
export type ConsentSource = Member['consentSource'];
/**
 * A member import (`POST /admin/api/members/import` answers it queued; the job works it, and
 * `GET /admin/api/members/imports/:id?afterLine=` tells how far it is, with the report's new lines).
 */
export type MemberImport = Schemas['MemberImport'];
/** An import from WordPress or Ghost (Settings → Import), worked by a job; its plan and report. */
export type ImportJob = Schemas['ImportJob'];
export type ImportJobSummary = Schemas['ImportJobSummary'];
export type ImportReport = Schemas['ImportReport'];
export type ImportSource = ImportJob['source'];
export type NewsletterSend = Schemas['NewsletterSend'];
export type SendStatus = NewsletterSend['status'];
export type SendReport = Schemas['SendReport'];
/** The answer of `GET /admin/api/newsletters/:id/preview`: the members' email, placeholder links. */
export type NewsletterPreview = Schemas['PreviewNewsletterAnswer']['preview'];
/** The answer of `POST /admin/api/newsletters/:id/test-send`. */
export type TestSend = Schemas['TestSendNewsletterAnswer']['test'];

export interface FieldError {
  code: string;
  message: string;
  property?: string | null;
}

/** An answer other than 2xx, with the API's errors (or one made up when the body was not JSON). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: FieldError[],
  ) {
    super(errors.map((e) => e.message).join('; ') || `HTTP ${status}`);
  }

  get code(): string {
    return this.errors[0]?.code ?? 'INTERNAL';
  }
}

let csrfToken = '';
let pending = 0;
let onUnauthenticated: (() => void) | undefined;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when a signed-in call answers 401 (the session ended elsewhere): the app shows the sign-in form. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

// How many calls are under way, on <body data-requests>: the browser tests wait for it to be 0.
function track(delta: number): void {
  pending += delta;
  document.body.dataset.requests = String(pending);
}

export type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function errorsOf(response: Response): Promise<FieldError[]> {
  try {
    const body = (await response.json()) as { errors?: FieldError[] };
    if (Array.isArray(body.errors)) return body.errors;
  } catch {
    // not JSON: made up below
  }
  const code =
    response.status === 404 ? 'NOT_FOUND' : response.status === 403 ? 'FORBIDDEN' : `HTTP_${response.status}`;
  return [{ code, message: `${response.status} ${response.statusText}`.trim(), property: null }];
}

export interface RequestOptions {
  query?: Query;
  /** Raw bytes (an upload, a CSV file) instead of a JSON body; its `type` is the content type. */
  file?: Blob;
  /** Do not call the sign-out handler on a 401 (the session check itself). */
  quiet401?: boolean;
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (options.file) {
    payload = options.file;
    headers['content-type'] = options.file.type || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  track(1);
  try {
    let response: Response;
    try {
      response = await fetch(withQuery(`/admin/api${path}`, options.query), {
        method,
        headers,
        body: payload,
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, [
        { code: 'NETWORK', message: 'The server could not be reached', property: null },
      ]);
    }
    if (!response.ok) {
      const error = new ApiError(response.status, await errorsOf(response));
      if (response.status === 401 && !options.quiet401) onUnauthenticated?.();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  } finally {
    track(-1);
  }
}

export const api = {
  get: <T>(path: string, query?: Query, options?: RequestOptions) =>
    request<T>('GET', path, undefined, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: (path: string) => request<undefined>('DELETE', path),
  /** A CSV text as the body, `content-type: text/csv` (member import). */
  postCsv: <T>(path: string, csv: string) =>
    request<T>('POST', path, undefined, { file: new Blob([csv], { type: 'text/csv' }) }),
  upload: (file: File) =>
    request<{ media: Media }>('POST', '/media', undefined, { file, query: { filename: file.name } }),
  uploadWithProgress,
};

/**
 * An upload that reports its progress (0–1) as the bytes go out: fetch cannot, so this one call uses
 * XMLHttpRequest, with the same CSRF header, counting and errors as request().
 */
function uploadWithProgress(file: File, onProgress: (fraction: number) => void): Promise<{ media: Media }> {
  track(1);
  return new Promise<{ media: Media }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery('/admin/api/media', { filename: file.name }));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, [{ code: 'NETWORK', message: 'The server could not be reached', property: null }]),
      );
    xhr.onload = () => {
      const response = new Response(xhr.responseText || null, { status: xhr.status });
      if (xhr.status >= 200 && xhr.status < 300)
        return resolve(JSON.parse(xhr.responseText) as { media: Media });
      if (xhr.status === 401) onUnauthenticated?.();
      void errorsOf(response).then((errors) => reject(new ApiError(xhr.status, errors)));
    };
    xhr.send(file);
  }).finally(() => track(-1));
}
