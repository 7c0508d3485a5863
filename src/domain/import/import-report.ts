/** What an import did (or, in a dry run, would do), as printed and saved at its end. */
export interface ImportCounts {
  created: number;
  updated: number;
  skipped: number;
}

export interface ImportReport {
  source: 'wordpress' | 'ghost';
  files: string[];
  isDryRun: boolean;
  startedAt: string;
  finishedAt: string;
  posts: ImportCounts;
  pages: ImportCounts;
  authors: ImportCounts;
  tags: ImportCounts;
  media: ImportCounts & { missing: string[] };
  redirects: ImportCounts;
  /** Items not imported, and items imported with a change (a private post kept as a draft). */
  skips: { item: string; reason: string }[];
  notes: { item: string; note: string }[];
  unknownBlocks: Record<string, number>;
  unknownShortcodes: Record<string, number>;
  embeds: number;
  comments: number;
  customTaxonomies: { names: string[]; terms: number };
  otherPostTypes: Record<string, number>;
  readerNotices: string[];
  /** A Ghost import's own parts (absent from a WordPress report). */
  ghost?: GhostReportPart;
}

export interface GhostReportPart {
  members: ImportCounts;
  newsletters: ImportCounts;
  /** The site settings taken from Ghost (title, description, logo, navigation). */
  settings: string[];
  /** Where the export held code injection, which is never imported. */
  codeInjection: string[];
  /** Cards with no editor block of their own, and cards left out (forms, email-only), by name. */
  unknownCards: Record<string, number>;
  droppedCards: Record<string, number>;
  /** Export tables with no place in Broadsheet (labels, tiers, Stripe…), by row count. */
  otherTables: Record<string, number>;
}

const counts = (): ImportCounts => ({ created: 0, updated: 0, skipped: 0 });

export function emptyReport(
  files: string[],
  isDryRun: boolean,
  now: Date,
  source: ImportReport['source'] = 'wordpress',
): ImportReport {
  return {
    source,
    files,
    isDryRun,
    startedAt: now.toISOString(),
    finishedAt: now.toISOString(),
    posts: counts(),
    pages: counts(),
    authors: counts(),
    tags: counts(),
    media: { ...counts(), missing: [] },
    redirects: counts(),
    skips: [],
    notes: [],
    unknownBlocks: {},
    unknownShortcodes: {},
    embeds: 0,
    comments: 0,
    customTaxonomies: { names: [], terms: 0 },
    otherPostTypes: {},
    readerNotices: [],
    ...(source === 'ghost'
      ? {
          ghost: {
            members: counts(),
            newsletters: counts(),
            settings: [],
            codeInjection: [],
            unknownCards: {},
            droppedCards: {},
            otherTables: {},
          },
        }
      : {}),
  };
}

export function countUp(record: Record<string, number>, names: string[]): void {
  for (const name of names) record[name] = (record[name] ?? 0) + 1;
}

/** The report as lines for a terminal: counts first, then every skip and what was not understood. */
export function reportLines(report: ImportReport): string[] {
  const line = (label: string, c: ImportCounts) =>
    `${label.padEnd(11)} ${c.created} created, ${c.updated} updated, ${c.skipped} skipped`;
  const listed = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([name, n]) => `${name} (${n})`)
      .join(', ') || 'none';
  const ghost = report.ghost;
  return [
    report.isDryRun ? 'Plan (dry run: nothing was written):' : 'Imported:',
    line('posts', report.posts),
    line('pages', report.pages),
    line('authors', report.authors),
    line('tags', report.tags),
    `${line('media', report.media)}, ${report.media.missing.length} missing`,
    line('redirects', report.redirects),
    ...(ghost ? ghostLines(ghost, line, listed) : wordPressLines(report, listed)),
    `embeds kept as links: ${report.embeds}`,
    ...report.skips.map((s) => `skipped ${s.item}: ${s.reason}`),
    ...report.notes.map((n) => `note ${n.item}: ${n.note}`),
    ...report.media.missing.map((m) => `missing media: ${m}`),
    ...report.readerNotices.map((n) => `reader: ${n}`),
  ];
}

function ghostLines(
  ghost: GhostReportPart,
  line: (label: string, c: ImportCounts) => string,
  listed: (record: Record<string, number>) => string,
): string[] {
  return [
    line('newsletters', ghost.newsletters),
    `${line('members', ghost.members)} (nobody was emailed)`,
    `settings taken: ${ghost.settings.join(', ') || 'none'}`,
    `code injection not imported: ${ghost.codeInjection.join(', ') || 'none'}`,
    `unknown cards: ${listed(ghost.unknownCards)}`,
    `cards left out: ${listed(ghost.droppedCards)}`,
    `other tables not imported: ${listed(ghost.otherTables)}`,
  ];
}

function wordPressLines(report: ImportReport, listed: (record: Record<string, number>) => string): string[] {
  return [
    `comments not imported: ${report.comments}`,
    `custom taxonomies not imported: ${report.customTaxonomies.names.join(', ') || 'none'} (${report.customTaxonomies.terms} terms)`,
    `other item types not imported: ${listed(report.otherPostTypes)}`,
    `unknown blocks: ${listed(report.unknownBlocks)}`,
    `unknown shortcodes: ${listed(report.unknownShortcodes)}`,
  ];
}
