// What the Admin API's OpenAPI document says beside its operations: the introduction, the groups,
// how callers authenticate, the error answers and the shared headers. The operations are generated
// from the endpoints' declarations (openapi-document.ts).
export const openApiFrame = {
  openapi: '3.1.0',
  info: {
    title: 'Broadsheet Admin API',
    version: '0.1.0',
    description:
      "JSON over HTTPS under `/admin/api/`; the admin app uses nothing else. The contract in prose is `docs/admin-api.md`; this file is generated from the endpoints' declarations (`npm run generate:admin`) and checked against the prose and the served routes by `test/unit/openapi.test.ts`.\n\nLists take `page` (from 1) and `limit` (1–100, default 20) and answer `{ <items>, meta: { page, limit, total } }`. A list only ever contains what the caller may read. What each role may do is in `docs/roles.md`.\n\nRequests are strict: a query parameter or a JSON field (top-level or nested, e.g. `sources.0.foo`) that an endpoint does not take is refused with 422 `VALIDATION`, its `property` naming it; nothing is stored. Every request body schema here is closed (`additionalProperties: false`, or `unevaluatedProperties: false` where one is composed with `allOf`).\n",
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/', description: 'The site itself.' }],
  security: [{ session: [] }, { bearer: [] }],
  tags: [
    {
      name: 'Setup, sessions, accounts',
      description:
        'First-run setup, signing in and out, one’s own profile and password, password resets and invitations.',
    },
    { name: 'Posts', description: 'Posts, with revisions, publishing and a preview.' },
    {
      name: 'Pages',
      description: 'The posts API with `type` fixed to `page`, checked against the `page` rights.',
    },
    { name: 'Media', description: 'The image library.' },
    { name: 'Tags', description: 'Topics, people, organisations and places.' },
    { name: 'Promotions', description: 'Calls to action shown after articles or in the sidebar.' },
    { name: 'Redirects', description: 'Paths on this site that send readers elsewhere.' },
    { name: 'Staff', description: 'Staff members and invitations.' },
    { name: 'Settings', description: 'Site settings.' },
    { name: 'Integrations', description: 'API tokens for integrations.' },
    { name: 'Newsletters', description: 'Newsletters members can subscribe to.' },
    { name: 'Members', description: 'Newsletter subscribers: the list, CSV export and import.' },
    {
      name: 'Imports',
      description:
        'A WordPress or Ghost site brought in: upload its export, read the plan, run the import as a job.',
    },
    {
      name: 'Newsletter sends',
      description: "Sending a published post to a newsletter's members, and the sends' totals and reports.",
    },
  ],
  components: {
    securitySchemes: {
      session: {
        type: 'apiKey',
        in: 'cookie',
        name: '__Host-broadsheet_session',
        description:
          'The admin app’s session cookie (`broadsheet_session` when the site is not served over HTTPS), set by sign-in, setup and accepting an invitation. Every state-changing request made with it must come from the site’s own origin (`Origin`, or `Referer`) and carry the session’s CSRF token in the `X-CSRF-Token` header; the token is returned by sign-in and by `GET /admin/api/session`. A pending session (second step not done) is refused everywhere but `POST /admin/api/session/second-step`.',
      },
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description:
          'An API token (`Authorization: Bearer bst_…`) acting with its role’s rights. No cookie and no CSRF token are needed or used.',
      },
    },
    responses: {
      BadRequest: {
        description: '`BAD_REQUEST`: the body could not be read (not JSON, for instance).',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      Unauthenticated: {
        description: '`UNAUTHENTICATED`: no valid session or API token.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      Forbidden: {
        description:
          '`FORBIDDEN`: the caller’s role may not do this, or a session request came from another origin or without the CSRF token.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      NotFound: {
        description: '`NOT_FOUND`: no such item, or not one the caller may read.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      Conflict: {
        description: '`CONFLICT`: clashes with the current state (a slug or path in use, an item in use).',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      PayloadTooLarge: {
        description: '`PAYLOAD_TOO_LARGE`: the body is too big.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      UnsupportedMediaType: {
        description: '`UNSUPPORTED_MEDIA_TYPE`: the content type is not accepted.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      Validation: {
        description: '`VALIDATION`: the input is wrong; `property` names the field at fault.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      RateLimited: {
        description: '`RATE_LIMITED`: too many attempts; wait as long as `Retry-After` says.',
        headers: {
          'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 0 } },
        },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      Internal: {
        description: '`INTERNAL`: something failed on the server; details are logged, never sent.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
    parameters: {
      CsrfToken: {
        name: 'X-CSRF-Token',
        in: 'header',
        required: false,
        description:
          'Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token.',
        schema: { type: 'string' },
      },
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422.',
        schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7e]+$' },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['errors'],
        properties: {
          errors: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: {
                  type: 'string',
                  enum: [
                    'VALIDATION',
                    'UNAUTHENTICATED',
                    'FORBIDDEN',
                    'NOT_FOUND',
                    'CONFLICT',
                    'RATE_LIMITED',
                    'BAD_REQUEST',
                    'PAYLOAD_TOO_LARGE',
                    'UNSUPPORTED_MEDIA_TYPE',
                    'INTERNAL',
                  ],
                },
                message: { type: 'string', description: 'For people; may change between versions.' },
                property: {
                  type: 'string',
                  description:
                    'The input field at fault, as a dotted path (`sources.1.url`), when there is one.',
                  examples: ['sources.1.url'],
                },
              },
            },
          },
        },
        description: 'Every error answer of the Admin API.',
      },
    },
  },
} as const;
