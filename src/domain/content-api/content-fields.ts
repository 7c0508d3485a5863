import type { SortKey } from './content-api-ports.js';
import {
  ContentQueryError,
  FilterSyntaxError,
  isGroup,
  parseFilter,
  type FilterExpression,
  type FilterValue,
} from './nql.js';

/**
 * What each Content API resource may be filtered and ordered by, with Ghost's aliases (`tag` is
 * `tags.slug`…). A filter is checked here against its resource before storage sees it, so storage
 * only ever receives fields it has SQL for, and values of the right kind.
 */

type ValueKind = 'text' | 'date' | 'boolean';

export interface ResourceFields {
  filter: Record<string, ValueKind>;
  aliases: Record<string, string>;
  sort: string[];
}

export const postFields: ResourceFields = {
  filter: {
    id: 'text',
    slug: 'text',
    title: 'text',
    featured: 'boolean',
    visibility: 'text',
    status: 'text',
    language: 'text',
    published_at: 'date',
    updated_at: 'date',
    created_at: 'date',
    'tags.slug': 'text',
    'tags.id': 'text',
    'tags.name': 'text',
    'authors.slug': 'text',
    'authors.id': 'text',
    'authors.name': 'text',
    'primary_tag.slug': 'text',
    'primary_tag.id': 'text',
    'primary_author.slug': 'text',
    'primary_author.id': 'text',
  },
  aliases: {
    tag: 'tags.slug',
    tags: 'tags.slug',
    author: 'authors.slug',
    authors: 'authors.slug',
    primary_tag: 'primary_tag.slug',
    primary_author: 'primary_author.slug',
  },
  sort: ['id', 'slug', 'title', 'featured', 'published_at', 'updated_at', 'created_at'],
};

export const tagFields: ResourceFields = {
  filter: { id: 'text', slug: 'text', name: 'text', visibility: 'text' },
  aliases: {},
  sort: ['id', 'slug', 'name'],
};

export const authorFields: ResourceFields = {
  filter: { id: 'text', slug: 'text', name: 'text' },
  aliases: {},
  sort: ['id', 'slug', 'name'],
};

/** Ghost's dates: ISO 8601, or `YYYY-MM-DD HH:mm:ss` (read as UTC), compared as stored (ISO text). */
function toIsoDate(field: string, value: FilterValue): string | null {
  if (value === null) return null;
  const text = String(value).trim().replace(' ', 'T');
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`;
  const time = /^\d{4}-\d\d-\d\d/.test(text) ? Date.parse(withZone) : NaN;
  if (Number.isNaN(time)) throw new FilterSyntaxError(`"${String(value)}" is not a date for ${field}`);
  return new Date(time).toISOString();
}

function checkedValue(field: string, kind: ValueKind, value: FilterValue): FilterValue {
  if (kind === 'date') return toIsoDate(field, value);
  if (kind === 'boolean') {
    if (typeof value === 'boolean' || value === null) return value;
    throw new FilterSyntaxError(`${field} is true or false, not "${String(value)}"`);
  }
  return value === null ? null : String(value);
}

function checkedExpression(expression: FilterExpression, fields: ResourceFields): FilterExpression {
  if (isGroup(expression))
    return { kind: expression.kind, items: expression.items.map((e) => checkedExpression(e, fields)) };
  const field = fields.aliases[expression.field] ?? expression.field;
  const kind = fields.filter[field];
  if (!kind) throw new FilterSyntaxError(`"${expression.field}" cannot be filtered on`);
  if (expression.kind === 'match') {
    if (kind !== 'text') throw new FilterSyntaxError(`"~" works on text, not on ${field}`);
    return { ...expression, field };
  }
  if (expression.kind === 'in')
    return { ...expression, field, values: expression.values.map((v) => checkedValue(field, kind, v)) };
  if (expression.operator !== '=' && expression.operator !== '!=' && expression.value === null)
    throw new FilterSyntaxError(`null cannot be compared with ${expression.operator}`);
  return { ...expression, field, value: checkedValue(field, kind, expression.value) };
}

/** A filter's text as a checked tree, or undefined for none; unreadable or unknown: FilterSyntaxError. */
export function readFilter(text: string | undefined, fields: ResourceFields): FilterExpression | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return checkedExpression(parseFilter(text), fields);
}

/** `order=published_at desc, title ASC`: at most five keys, each a field of the resource. */
export function readOrder(text: string | undefined, fields: ResourceFields): SortKey[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const keys = text.split(',').map((part) => part.trim().split(/\s+/));
  if (keys.length > 5) throw new ContentQueryError('order takes at most five fields');
  return keys.map(([field = '', direction = 'asc', ...rest]) => {
    const name = field.toLowerCase();
    const dir = direction.toLowerCase();
    if (!fields.sort.includes(name) || rest.length > 0 || (dir !== 'asc' && dir !== 'desc'))
      throw new ContentQueryError(`cannot order by "${[field, direction, ...rest].join(' ')}"`);
    return { field: name, direction: dir };
  });
}
