// axe-core in real Chromium, as the browser suites run it: console and page errors while a page
// loads under its real CSP, then axe injected into a second load that bypasses the CSP.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { TestContext } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';

export const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

export interface AxeOutcome {
  violations: Violation[];
  /** Rules axe could not decide on some nodes (e.g. contrast over images): shown, not failed. */
  incomplete: string[];
}

// Runs in the page (the test project has no DOM types, so it is passed as a string).
export const runAxe = `axe.run(document, { resultTypes: ['violations'] }).then((r) => ({
  violations: r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary || '' })),
  })),
  incomplete: r.incomplete.map((v) => v.id),
}))`;

export function describeViolations(where: string, violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map(
        (n) => `      ${n.target}\n        ${n.summary.replace(/\n/g, '\n        ')}`,
      );
      return `  ${where}: ${v.id} [${v.impact ?? 'n/a'}] ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/** Opens a page, recording console errors and uncaught page errors while it loads. */
export async function openPage(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; status: number; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url: where, lineNumber } = message.location();
    problems.push(`console error: ${message.text()}${where ? ` (${where}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, status: response?.status() ?? 0, problems };
}

/** axe-core's outcome for the page at `url`, loaded in a context that lets axe be injected. */
export async function axeOutcome(audit: BrowserContext, url: string): Promise<AxeOutcome> {
  const { page } = await openPage(audit, url);
  try {
    await page.addScriptTag({ path: axePath });
    return (await page.evaluate(runAxe)) as AxeOutcome;
  } finally {
    await page.close();
  }
}

/**
 * The page at `url` loads under its real CSP with the status expected and no console or page error,
 * and axe-core finds no violation (`ignoreProblem` lets a known, expected console message through).
 */
export async function assertAccessiblePage(
  t: TestContext,
  contexts: { real: BrowserContext; audit: BrowserContext },
  page: { url: string; where: string; status: number; ignoreProblem?: (problem: string) => boolean },
): Promise<void> {
  const loaded = await openPage(contexts.real, page.url);
  await loaded.page.close();
  assert.equal(loaded.status, page.status, `${page.where} answered ${loaded.status}`);
  const problems = loaded.problems.filter((p) => !page.ignoreProblem?.(p));
  const { violations, incomplete } = await axeOutcome(contexts.audit, page.url);
  const review = incomplete.length ? `; needs manual review: ${incomplete.join(', ')}` : '';
  t.diagnostic(`${page.where}: ${violations.length} axe violation(s)${review}`);
  const report = [
    ...(problems.length ? [`${problems.length} console/page error(s) on ${page.where}:`, ...problems] : []),
    ...(violations.length
      ? [
          `${violations.length} axe-core violation(s) on ${page.where}:`,
          describeViolations(page.where, violations),
        ]
      : []),
  ];
  assert.ok(report.length === 0, report.join('\n'));
}
