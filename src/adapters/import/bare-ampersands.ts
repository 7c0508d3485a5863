/**
 * Escapes each `&` that starts no entity or character reference, outside CDATA sections, comments
 * and processing instructions. WordPress writes some values (an attachment URL's query string) into
 * the export without escaping them, which makes the file not well-formed; in a well-formed file
 * such an `&` cannot occur, so nothing else is ever changed. Works on a stream of chunks: what
 * might be cut in two at a chunk's end is held back until the next one.
 */
export class BareAmpersandRepair {
  private held = '';
  private state: 'text' | 'cdata' | 'comment' | 'pi' = 'text';
  repaired = 0;

  push(chunk: string, isLast = false): string {
    const input = this.held + chunk;
    this.held = '';
    let out = '';
    let i = 0;
    while (i < input.length) {
      const step = this.state === 'text' ? this.text(input, i, isLast) : this.skipTo(input, i, isLast);
      out += step.out;
      if (step.next === i) break;
      i = step.next;
    }
    this.held = input.slice(i);
    if (isLast) {
      out += this.held;
      this.held = '';
    }
    return out;
  }

  private skipTo(input: string, from: number, isLast: boolean): { out: string; next: number } {
    const end = closers[this.state as keyof typeof closers];
    const at = input.indexOf(end, from);
    if (at >= 0) {
      this.state = 'text';
      return { out: input.slice(from, at + end.length), next: at + end.length };
    }
    const keep = isLast ? input.length : Math.max(from, input.length - (end.length - 1));
    return { out: input.slice(from, keep), next: keep };
  }

  private text(input: string, from: number, isLast: boolean): { out: string; next: number } {
    special.lastIndex = from;
    const found = special.exec(input);
    if (found === null) return { out: input.slice(from), next: input.length };
    const at = found.index;
    const before = input.slice(from, at);
    const rest = input.slice(at, at + lookahead);
    if (rest.length < lookahead && !isLast && mightBeCut(rest)) return { out: before, next: at };
    if (rest[0] === '&') {
      if (reference.test(rest)) return { out: `${before}&`, next: at + 1 };
      this.repaired++;
      return { out: `${before}&amp;`, next: at + 1 };
    }
    for (const [opener, state] of openers)
      if (rest.startsWith(opener)) {
        this.state = state;
        return { out: before + opener, next: at + opener.length };
      }
    return { out: `${before}<`, next: at + 1 };
  }
}

const special = /[&<]/g;
const lookahead = 64;
const reference = /^&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_:][\w.:-]*);/;
const openers = [
  ['<![CDATA[', 'cdata'],
  ['<!--', 'comment'],
  ['<?', 'pi'],
] as const;
const closers = { cdata: ']]>', comment: '-->', pi: '?>' };

/** True when the text at a chunk's end could still become a reference or an opener. */
function mightBeCut(rest: string): boolean {
  if (rest[0] === '&') return !rest.includes(';') && /^&[#\w.:-]*$/.test(rest);
  return openers.some(([opener]) => opener.startsWith(rest));
}
