import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Theme } from '../rendering/theme.js';
import type { RenderedPage } from './page-cache.js';
import { projectRoot } from './project-root.js';

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface ThemeAssets {
  /** Public path of each asset by file name, fingerprinted so it can be cached for a year. */
  paths: Map<string, string>;
  byPath: Map<string, RenderedPage>;
}

/** Loads the theme's assets once at start; a changed file gets a new URL, so browsers never keep a stale one. */
export function loadThemeAssets(theme: Pick<Theme, 'assetsDir'>): ThemeAssets {
  const dir = join(projectRoot(), theme.assetsDir);
  const paths = new Map<string, string>();
  const byPath = new Map<string, RenderedPage>();
  for (const name of readdirSync(dir)) {
    const type = types[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(dir, name), 'utf8');
    const hash = createHash('sha1').update(body).digest('hex').slice(0, 10);
    const path = `/assets/${name.replace(/(\.[a-z0-9]+)$/, `.${hash}$1`)}`;
    paths.set(name, path);
    byPath.set(path, { status: 200, contentType: type, body, maxAge: 31_536_000 });
  }
  return { paths, byPath };
}
