import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** The first path segment: `posts`, `login`, … (`` for the bare `#/`). */
  name: string;
  /** The segments after it, decoded. */
  params: string[];
  /** Query parameters after `?` in the fragment (list filters). */
  query: URLSearchParams;
  key: string;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = raw.split('?');
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return {
    name: segments[0] ?? '',
    params: segments.slice(1),
    query: new URLSearchParams(search),
    key: path,
  };
}

/** Asked before the route changes (a screen with unsaved changes); false keeps the current screen. */
let leaveGuard: (() => boolean) | null = null;

export function setLeaveGuard(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

export function navigate(path: string): void {
  location.hash = `#${path}`;
}

/** Changes the address without a route change (a new post that got its id, list filters). */
export function replacePath(path: string): void {
  history.replaceState(null, '', `#${path}`);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = (event: HashChangeEvent) => {
      if (leaveGuard && !leaveGuard()) {
        // The address goes back to the screen that stays (a hash change cannot be cancelled).
        history.replaceState(null, '', new URL(event.oldURL).hash || '#/');
        return;
      }
      setRoute(parseHash(location.hash));
    };
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
