import { z } from 'zod';
import { namedAnswers } from '../../src/http/admin-api/answers.js';
import { adminEndpoints } from '../../src/http/admin-api/admin-api.js';
import type { Endpoint } from '../../src/http/admin-api/endpoint.js';
import { nothing } from '../../src/http/admin-api/request-schema.js';
import { openApiFrame } from './openapi-frame.js';

/*
 * The Admin API's OpenAPI document, made from the endpoints' declarations: each operation's
 * parameters and body from its request schemas, its answers from its answer schema, its security and
 * error answers from who may call it. `npm run generate:admin` writes it to docs/admin-api.openapi.json.
 */

type Json = Record<string, unknown>;
type Registry = ReturnType<typeof z.registry<{ id: string; description?: string }>>;

const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const responseRef = (id: string) => ({ $ref: `#/components/responses/${id}` });
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const isChange = (e: Endpoint) => e.method !== 'GET';
const isCreate = (e: Endpoint) => e.method === 'POST' && (e.status === 201 || e.status === 202);
const hasFields = (schema: z.ZodType) => schema !== nothing;

function withoutDialect(schema: Json): Json {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

/** Every component schema of one registry, `$ref`s pointing into the document's components. */
function componentsOf(registry: Registry, io: 'input' | 'output'): Record<string, Json> {
  const converted = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  return Object.fromEntries(Object.entries(converted.schemas).map(([id, s]) => [id, withoutDialect(s)]));
}

function parametersOf(schema: z.ZodType, where: 'path' | 'query'): Json[] {
  if (!hasFields(schema)) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function headersOf(endpoint: Endpoint): Json[] {
  const usesSession = endpoint.caller !== 'anyone';
  return [
    ...(isChange(endpoint) && usesSession ? [{ $ref: '#/components/parameters/CsrfToken' }] : []),
    ...(isCreate(endpoint) && endpoint.caller === 'staff'
      ? [{ $ref: '#/components/parameters/IdempotencyKey' }]
      : []),
  ];
}

function requestBodyOf(endpoint: Endpoint, ids: SchemaIds): Json | undefined {
  if (endpoint.rawBody) {
    const types = endpoint.rawBody.contentTypes === '*' ? ['*/*'] : endpoint.rawBody.contentTypes;
    const schema = { type: 'string', format: endpoint.rawBody.parseAs === 'buffer' ? 'binary' : undefined };
    return {
      required: true,
      description: `${endpoint.rawBody.description} At most ${endpoint.rawBody.maxBytes} bytes.`,
      content: Object.fromEntries(types.map((t) => [t, { schema: JSON.parse(JSON.stringify(schema)) }])),
    };
  }
  const id = ids.requests.get(endpoint.request.body);
  if (!id) return undefined;
  return { required: true, content: { 'application/json': { schema: schemaRef(id) } } };
}

/**
 * The component id of each schema: a named answer's name, else the first operation's `<Op>Answer`
 * or `<Op>Request`.
 */
interface SchemaIds {
  answers: Map<z.ZodType, string>;
  requests: Map<z.ZodType, string>;
}

function successOf(endpoint: Endpoint, ids: SchemaIds): Record<string, Json> {
  const status = String(endpoint.status ?? 200);
  const replayed = isCreate(endpoint) && endpoint.caller === 'staff';
  const headers = replayed
    ? {
        headers: {
          'Idempotent-Replayed': {
            description:
              '`true` when the answer is the stored answer of an earlier request with the same Idempotency-Key.',
            schema: { type: 'string', enum: ['true'] },
          },
        },
      }
    : {};
  const answer = endpoint.answer;
  const main =
    answer === 'none'
      ? { '204': { description: 'Done; nothing to say.' } }
      : 'safeParse' in answer
        ? {
            [status]: {
              description: endpoint.summary,
              content: { 'application/json': { schema: schemaRef(ids.answers.get(answer)!) } },
              ...headers,
            },
          }
        : {
            [status]: {
              description: answer.description,
              content: { [answer.contentType]: { schema: { type: 'string' } } },
            },
          };
  const also = endpoint.alsoAnswers
    ? {
        [String(endpoint.alsoAnswers.status)]: {
          description: endpoint.alsoAnswers.description,
          content: {
            'application/json': { schema: schemaRef(ids.answers.get(endpoint.alsoAnswers.schema)!) },
          },
        },
      }
    : {};
  return { ...main, ...also };
}

function errorsOf(endpoint: Endpoint): Record<string, Json> {
  const errors: [string, string, boolean][] = [
    ['400', 'BadRequest', isChange(endpoint)],
    ['401', 'Unauthenticated', endpoint.caller !== 'anyone'],
    ['403', 'Forbidden', endpoint.caller === 'staff' || isChange(endpoint)],
    ['404', 'NotFound', hasFields(endpoint.request.params)],
    ['409', 'Conflict', isChange(endpoint) && endpoint.caller !== 'anyone'],
    ['413', 'PayloadTooLarge', endpoint.rawBody !== undefined],
    ['415', 'UnsupportedMediaType', endpoint.rawBody !== undefined],
    ['422', 'Validation', true],
    ['429', 'RateLimited', endpoint.hasRateLimits || (endpoint.caller === 'anyone' && isChange(endpoint))],
    ['500', 'Internal', true],
  ];
  return Object.fromEntries(errors.filter(([, , applies]) => applies).map(([s, id]) => [s, responseRef(id)]));
}

function operationOf(endpoint: Endpoint, ids: SchemaIds): Json {
  const security =
    endpoint.caller === 'staff' ? {} : { security: endpoint.caller === 'anyone' ? [] : [{ session: [] }] };
  const parameters = [
    ...parametersOf(endpoint.request.params, 'path'),
    ...parametersOf(endpoint.request.query, 'query'),
    ...headersOf(endpoint),
  ];
  const requestBody = requestBodyOf(endpoint, ids);
  return {
    tags: [endpoint.tag],
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    ...security,
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: { ...successOf(endpoint, ids), ...errorsOf(endpoint) },
  };
}

function schemaIdsOf(endpoints: Endpoint[]): SchemaIds {
  const answers = new Map(namedAnswers.map(({ schema, id }) => [schema, id]));
  const requests = new Map<z.ZodType, string>();
  const name = (ids: Map<z.ZodType, string>, schema: z.ZodType, id: string) => {
    if (!ids.has(schema)) ids.set(schema, id);
  };
  for (const e of endpoints) {
    const id = upperFirst(e.operationId);
    if (typeof e.answer === 'object' && 'safeParse' in e.answer) name(answers, e.answer, `${id}Answer`);
    if (e.alsoAnswers) name(answers, e.alsoAnswers.schema, `${id}Answer${e.alsoAnswers.status}`);
    if (!e.rawBody && hasFields(e.request.body)) name(requests, e.request.body, `${id}Request`);
  }
  return { answers, requests };
}

function registryOf(ids: Map<z.ZodType, string>): Registry {
  const registry: Registry = z.registry();
  const descriptions = new Map(namedAnswers.map(({ schema, description }) => [schema, description]));
  for (const [schema, id] of ids) {
    const description = descriptions.get(schema);
    registry.add(schema, description ? { id, description } : { id });
  }
  return registry;
}

function schemasOf(ids: SchemaIds): Record<string, Json> {
  return {
    ...componentsOf(registryOf(ids.answers), 'output'),
    ...componentsOf(registryOf(ids.requests), 'input'),
  };
}

/** The document: the frame, an operation per declaration, and the schemas they name. */
export function adminOpenApiDocument(endpoints: Endpoint[] = adminEndpoints): Json {
  const ids = schemaIdsOf(endpoints);
  const paths: Record<string, Json> = {};
  for (const endpoint of endpoints) {
    const path = openApiPath(endpoint.path);
    paths[path] = { ...(paths[path] ?? {}), [endpoint.method.toLowerCase()]: operationOf(endpoint, ids) };
  }
  const { components, ...introduction } = openApiFrame;
  return {
    ...introduction,
    paths,
    components: { ...components, schemas: { ...components.schemas, ...schemasOf(ids) } },
  };
}
