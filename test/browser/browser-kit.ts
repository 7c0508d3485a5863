import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium, driven by playwright-core, as every browser test here runs it. */
export const chromiumPath = spawnSync('sh', ['-c', 'command -v chromium'], {
  encoding: 'utf8',
}).stdout.trim();
export const chromiumMissing = chromiumPath
  ? undefined
  : '`chromium` is not on PATH (install Debian package chromium)';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A free local port (a site's URL must be known before it starts: the Admin API checks Origin). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Installed before any page script: CSP violations are kept for the test to read. */
export const recordCspViolations = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
});`;

/**
 * Everything that would show a script ran or was about to: dialogs (alert, confirm, prompt), page
 * errors, console errors, and CSP violations (an injected handler or script the policy stopped).
 */
export function watchForScript(page: Page): { problems: string[]; cspViolations(): Promise<string[]> } {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`a ${dialog.type()} dialog opened: ${dialog.message().slice(0, 80)}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message.slice(0, 200)}`));
  page.on('console', (message) => {
    // The admin asks "who is signed in?" first; on a signed-out screen the answer is a 401.
    if (message.text().includes('status of 401')) return;
    if (message.type() === 'error') problems.push(`console error: ${message.text().slice(0, 200)}`);
  });
  return {
    problems,
    cspViolations: async () => ((await page.evaluate('window.__cspViolations || []')) as string[]) ?? [],
  };
}
