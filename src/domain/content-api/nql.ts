import { DomainError } from '../shared/errors.js';

/**
 * Ghost's filter language (NQL), read into a small syntax tree that the storage layer turns into
 * parameterized SQL. Written by hand: the grammar is small, and a parser of our own can refuse
 * hostile input (length, nesting, size) before any tree is built.
 *
 *   expression := and (',' and)*            ',' is OR
 *   and        := term ('+' term)*          '+' is AND
 *   term       := '(' expression ')' | field ':' operator? value
 *   operator   := '-' | '>' | '>=' | '<' | '<=' | '~' | '~^' | '~$' | '-~'
 *   value      := literal | '-'? '[' literal (',' literal)* ']'
 *   literal    := 'quoted' | "quoted" | bare word | true | false | null | number
 */

export type FilterValue = string | number | boolean | null;
export type CompareOperator = '=' | '!=' | '>' | '>=' | '<' | '<=';
export type MatchOperator = 'contains' | 'not-contains' | 'starts' | 'ends';

export interface FilterGroup {
  kind: 'and' | 'or';
  items: FilterExpression[];
}
export type FilterExpression =
  | FilterGroup
  | { kind: 'compare'; field: string; operator: CompareOperator; value: FilterValue }
  | { kind: 'match'; field: string; operator: MatchOperator; value: string }
  | { kind: 'in'; field: string; isNegated: boolean; values: FilterValue[] };

/** One condition on one field (not a group). */
export type FilterCondition = Exclude<FilterExpression, FilterGroup>;
export const isGroup = (e: FilterExpression): e is FilterGroup => e.kind === 'and' || e.kind === 'or';

export const filterLimits = { length: 4000, depth: 8, terms: 100, listItems: 100 };

/** A Content API query parameter that cannot be read: a 400 (Ghost's BadRequestError). */
export class ContentQueryError extends DomainError {
  constructor(message: string) {
    super('VALIDATION', message);
  }
}

/** A filter that cannot be read. */
export class FilterSyntaxError extends ContentQueryError {
  constructor(message: string) {
    super(`Error parsing filter: ${message}`);
  }
}

class Reader {
  private position = 0;
  private terms = 0;
  constructor(private readonly text: string) {}

  parse(): FilterExpression {
    this.skipSpaces();
    const expression = this.expression(0);
    this.skipSpaces();
    if (this.position < this.text.length) this.fail(`unexpected "${this.text[this.position]}"`);
    return expression;
  }

  private expression(depth: number): FilterExpression {
    const items = [this.and(depth)];
    while (this.take(',')) items.push(this.and(depth));
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private and(depth: number): FilterExpression {
    const items = [this.term(depth)];
    while (this.take('+')) items.push(this.term(depth));
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  private term(depth: number): FilterExpression {
    this.skipSpaces();
    if (this.take('(')) {
      if (depth + 1 > filterLimits.depth) this.fail(`groups nest at most ${filterLimits.depth} deep`);
      const inner = this.expression(depth + 1);
      if (!this.take(')')) this.fail('a group is not closed with ")"');
      return inner;
    }
    if (++this.terms > filterLimits.terms) this.fail(`at most ${filterLimits.terms} conditions`);
    const field = this.field();
    if (!this.take(':')) this.fail(`expected ":" after "${field}"`);
    return this.condition(field);
  }

  private condition(field: string): FilterExpression {
    const negated = this.takeExact('-');
    if (this.peek() === '[') return { kind: 'in', field, isNegated: negated, values: this.list() };
    if (this.takeExact('~')) {
      const operator: MatchOperator = negated
        ? 'not-contains'
        : this.takeExact('^')
          ? 'starts'
          : this.takeExact('$')
            ? 'ends'
            : 'contains';
      const value = this.literal();
      if (typeof value !== 'string') this.fail(`"~" needs a text value for "${field}"`);
      return { kind: 'match', field, operator, value: value as string };
    }
    if (negated) return { kind: 'compare', field, operator: '!=', value: this.literal() };
    const operator = this.comparison();
    return { kind: 'compare', field, operator, value: this.literal() };
  }

  private comparison(): CompareOperator {
    if (this.takeExact('>')) return this.takeExact('=') ? '>=' : '>';
    if (this.takeExact('<')) return this.takeExact('=') ? '<=' : '<';
    return '=';
  }

  private list(): FilterValue[] {
    this.take('[');
    const values = [this.literal()];
    while (this.take(',')) {
      values.push(this.literal());
      if (values.length > filterLimits.listItems)
        this.fail(`a list holds at most ${filterLimits.listItems} values`);
    }
    if (!this.take(']')) this.fail('a list is not closed with "]"');
    return values;
  }

  private field(): string {
    const match = /^[a-z_][a-z0-9_.]*/i.exec(this.text.slice(this.position, this.position + 64));
    if (!match)
      this.fail(
        this.position < this.text.length
          ? `unexpected "${this.text[this.position]}"`
          : 'a condition is missing',
      );
    this.position += match![0].length;
    return match![0].toLowerCase();
  }

  private literal(): FilterValue {
    this.skipSpaces();
    const quote = this.peek();
    if (quote === "'" || quote === '"') return this.quoted(quote);
    const match = /^[^\s,+()[\]'"]+/.exec(this.text.slice(this.position, this.position + 500));
    if (!match) this.fail('a value is missing');
    this.position += match![0].length;
    const word = match![0];
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    return /^-?\d+(\.\d+)?$/.test(word) ? Number(word) : word;
  }

  private quoted(quote: string): string {
    let value = '';
    this.position++;
    while (this.position < this.text.length) {
      const c = this.text[this.position++]!;
      if (c === '\\' && this.position < this.text.length) value += this.text[this.position++];
      else if (c === quote) return value;
      else value += c;
    }
    return this.fail('a quoted value is not closed');
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }

  private skipSpaces(): void {
    while (this.text[this.position] === ' ') this.position++;
  }

  /** Takes `c` after any spaces. */
  private take(c: string): boolean {
    this.skipSpaces();
    return this.takeExact(c);
  }

  private takeExact(c: string): boolean {
    if (this.text[this.position] !== c) return false;
    this.position++;
    return true;
  }

  private fail(message: string): never {
    throw new FilterSyntaxError(`${message} (at character ${this.position + 1})`);
  }
}

/** Reads an NQL filter; a filter it cannot read is a FilterSyntaxError (HTTP 400), never anything else. */
export function parseFilter(text: string): FilterExpression {
  if (text.length > filterLimits.length)
    throw new FilterSyntaxError(`a filter is at most ${filterLimits.length} characters`);
  return new Reader(text).parse();
}
