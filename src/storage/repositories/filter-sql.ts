import { sql, type RawBuilder } from 'kysely';
import type { SortKey } from '../../domain/content-api/content-api-ports.js';
import {
  isGroup,
  type FilterCondition,
  type FilterExpression,
  type FilterValue,
} from '../../domain/content-api/nql.js';

/**
 * Content API filters (checked NQL trees) as SQL. Every value is a bound parameter; column and table
 * names come only from the fixed maps below, never from the filter's text.
 */

type Condition = RawBuilder<boolean>;
export type ColumnTest = (column: RawBuilder<unknown>) => Condition;

/** A field is a column of the listed table, or a test on a related row ("some tag's slug is…"). */
export type FieldSql =
  { column: string } | { constant: string } | { relation: (test: ColumnTest) => Condition };

export type FieldMap = Record<string, FieldSql>;

const likePattern = (text: string, before: string, after: string) =>
  `${before}${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}${after}`;

const bound = (value: FilterValue) => sql.val(typeof value === 'boolean' ? (value ? 1 : 0) : value);

function columnTest(expression: FilterCondition): ColumnTest {
  switch (expression.kind) {
    case 'compare': {
      const { operator, value } = expression;
      if (value === null)
        return (c) => (operator === '!=' ? sql<boolean>`${c} is not null` : sql<boolean>`${c} is null`);
      const op = sql.raw(operator === '!=' ? '<>' : operator);
      return (c) => sql<boolean>`${c} ${op} ${bound(value)}`;
    }
    case 'in': {
      const list = sql.join(expression.values.map(bound));
      return (c) => sql<boolean>`${c} in (${list})`;
    }
    case 'match': {
      const [before, after] =
        expression.operator === 'starts'
          ? ['', '%']
          : expression.operator === 'ends'
            ? ['%', '']
            : ['%', '%'];
      const pattern = likePattern(expression.value, before, after);
      return (c) => sql<boolean>`lower(${c}) like ${pattern} escape '\\'`;
    }
  }
}

/** Negative conditions on a relation mean "no related row matches", as in Ghost (`tag:-news`). */
const isNegative = (e: FilterCondition) =>
  (e.kind === 'compare' && e.operator === '!=' && e.value !== null) ||
  (e.kind === 'in' && e.isNegated) ||
  (e.kind === 'match' && e.operator === 'not-contains');

function positive(e: FilterCondition): typeof e {
  if (e.kind === 'compare') return { ...e, operator: '=' };
  if (e.kind === 'in') return { ...e, isNegated: false };
  return { ...e, operator: 'contains' };
}

function leaf(expression: FilterCondition, fields: FieldMap): Condition {
  const field = fields[expression.field];
  if (!field) throw new Error(`filter field ${expression.field} has no SQL`);
  const negative = isNegative(expression);
  const test = columnTest(negative ? positive(expression) : expression);
  const target =
    'column' in field
      ? test(sql.ref(field.column))
      : 'constant' in field
        ? test(sql.val(field.constant))
        : field.relation(test);
  return negative ? sql<boolean>`not (${target})` : target;
}

/** The filter as one SQL condition. */
export function filterCondition(expression: FilterExpression, fields: FieldMap): Condition {
  if (isGroup(expression)) {
    const parts = expression.items.map((item) => sql<boolean>`(${filterCondition(item, fields)})`);
    return sql<boolean>`${sql.join(parts, sql.raw(expression.kind === 'and' ? ' and ' : ' or '))}`;
  }
  return leaf(expression, fields);
}

/** The order as SQL `order by` terms; the fields were checked by the domain against the same names. */
export function sortTerms(sort: SortKey[], columns: Record<string, string>): RawBuilder<unknown>[] {
  return sort.map((key) => {
    const column = columns[key.field];
    if (!column) throw new Error(`sort field ${key.field} has no SQL`);
    return sql`${sql.ref(column)} ${sql.raw(key.direction === 'asc' ? 'asc' : 'desc')}`;
  });
}
