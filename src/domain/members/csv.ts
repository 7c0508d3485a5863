/** RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; CRLF between records. */

/** Characters that make a spreadsheet read a cell as a formula. */
const formulaStart = /^[=+\-@]/;

/** One cell for export: a leading = + - @ gets a single quote before it, so no spreadsheet runs it. */
export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvRow = (cells: string[]) => cells.map(csvCell).join(',') + '\r\n';

/** Undoes the export's formula guard: `'=x` is read back as `=x`. */
export const uncsvCell = (value: string) => (/^'[=+\-@]/.test(value) ? value.slice(1) : value);

export interface CsvRecord {
  /** The line the record starts on (1 is the first line). */
  line: number;
  cells: string[];
}

/** Parses CSV text into records; throws on a quote left open (naming its line). */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let startLine = 1;
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let wasQuoted = false;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '' && !wasQuoted)) records.push({ line: startLine, cells });
    cells = [];
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === '') {
      inQuotes = true;
      wasQuoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else cell += c;
  }
  if (inQuotes) throw new Error(`line ${startLine}: a quoted field is never closed`);
  if (cell !== '' || cells.length > 0 || wasQuoted) endRecord();
  return records;
}
