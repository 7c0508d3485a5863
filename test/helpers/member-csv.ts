import { loadPayloads } from './bad-input.js';

/*
 * A large member CSV with hostile and broken lines (the payloads of test/fixtures/badinput as names
 * and addresses, quoted cells over several lines, wrong field counts, duplicates, unknown newsletters
 * and statuses) and the report an import of it must give, line by line.
 */

export interface ExpectedError {
  line: number;
  email: string;
  message: RegExp;
}

export interface HostileCsv {
  csv: string;
  imported: number;
  updated: number;
  errors: ExpectedError[];
  /** Every address the import makes a member of or updates. */
  emails: string[];
}

/** Always quoted, quotes doubled: any payload is one cell. */
const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;

const usable = (payload: string) => !payload.includes('\u0000') && !/[\ud800-\udfff]/.test(payload);

/**
 * `lines` data lines after the header `email,name,newsletters,status`. `existing` addresses (already
 * members) come back as updates; `newsletter` is a newsletter's slug.
 */
export function hostileMemberCsv(options: {
  lines: number;
  existing: string[];
  newsletter: string;
}): HostileCsv {
  const payloads = loadPayloads().payloads.filter(usable);
  let csv = 'email,name,newsletters,status\n';
  let line = 2;
  const out: HostileCsv = { csv: '', imported: 0, updated: 0, errors: [], emails: [] };
  const goodEmails: string[] = [];
  const add = (cells: string[], outcome: 'imported' | 'updated' | { email: string; message: RegExp }) => {
    const text = cells.join(',') + (line % 3 === 0 ? '\r\n' : '\n');
    if (typeof outcome === 'string') out[outcome]++;
    else out.errors.push({ line, ...outcome });
    line += text.split('\n').length - 1;
    csv += text;
  };
  for (let i = 0; i < options.lines; i++) {
    const payload = payloads[i % payloads.length]!.slice(0, 150);
    const kind = i % 20;
    if (kind === 1) {
      const email = `not-an-address-${i} ${payload}`;
      add([quoted(email), quoted('Bad address'), '', ''], { email: email.trim(), message: /^email / });
    } else if (kind === 2) {
      const email = `extra-${i}@example.org`;
      add([email, quoted(payload), options.newsletter, 'active', 'one too many'], {
        email,
        message: /^has 5 fields, the header 4$/,
      });
    } else if (kind === 3 && goodEmails.length > 0) {
      const email = goodEmails[i % goodEmails.length]!;
      add([email, 'Twice', '', ''], { email, message: /the same email is on an earlier line/ });
    } else if (kind === 4) {
      const email = `status-${i}@example.org`;
      add([email, quoted(payload), '', 'maybe'], { email, message: /^status must be one of/ });
    } else if (kind === 5) {
      const email = `letter-${i}@example.org`;
      add([email, 'Unknown letter', 'no-such-letter', ''], {
        email,
        message: /no newsletter "no-such-letter"/,
      });
    } else if (kind === 6 && i / 20 < options.existing.length) {
      const email = options.existing[Math.floor(i / 20)]!;
      add([email, quoted(`Back ${payload}`), options.newsletter, ''], 'updated');
      out.emails.push(email);
    } else {
      const email = `reader-${i}@example.org`;
      const name = kind === 7 ? `${payload}\nsecond line` : payload;
      add([email, quoted(name), kind % 2 ? options.newsletter : '', kind === 8 ? 'pending' : ''], 'imported');
      goodEmails.push(email);
      out.emails.push(email);
    }
  }
  return { ...out, csv };
}
