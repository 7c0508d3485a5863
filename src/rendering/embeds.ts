/**
 * The third-party services an embed block names, found from its address. An embed is stored as
 * the address only: readers see a preview that links to it and loads nothing from the service
 * (the public site runs no script and frames nothing), so no service's code reaches the page.
 */
export interface EmbedProvider {
  id: string;
  /** The service's name as readers know it. */
  name: string;
}

const providers: { id: string; name: string; matches: (url: URL) => boolean }[] = [
  {
    id: 'youtube',
    name: 'YouTube',
    matches: (u) => hostIs(u, 'youtube.com', 'youtu.be', 'youtube-nocookie.com'),
  },
  { id: 'vimeo', name: 'Vimeo', matches: (u) => hostIs(u, 'vimeo.com') },
  { id: 'x', name: 'X (Twitter)', matches: (u) => hostIs(u, 'twitter.com', 'x.com') },
  { id: 'soundcloud', name: 'SoundCloud', matches: (u) => hostIs(u, 'soundcloud.com') },
  { id: 'datawrapper', name: 'Datawrapper', matches: (u) => hostIs(u, 'datawrapper.de', 'dwcdn.net') },
  {
    id: 'map',
    name: 'Map',
    matches: (u) =>
      hostIs(u, 'openstreetmap.org', 'maps.google.com', 'maps.app.goo.gl') ||
      (hostIs(u, 'google.com') && u.pathname.startsWith('/maps')),
  },
  // Every Mastodon server is its own host: a post there is `/@name/123…`.
  { id: 'mastodon', name: 'Mastodon', matches: (u) => /^\/@[\w.-]+(@[\w.-]+)?\/\d+\/?$/.test(u.pathname) },
];

function hostIs(url: URL, ...domains: string[]): boolean {
  const host = url.hostname.toLowerCase();
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/** The service of an embed's address; undefined for one this list does not know (or no URL). */
export function knownEmbedProvider(address: string): EmbedProvider | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const found = providers.find((p) => p.matches(url));
  return found && { id: found.id, name: found.name };
}

/** The service of an embed's address, or its site (`example.org`) for one the list does not know. */
export function embedProviderOf(address: string): EmbedProvider {
  const known = knownEmbedProvider(address);
  if (known) return known;
  let host = '';
  try {
    host = new URL(address).hostname.replace(/^www\./, '');
  } catch {
    // no host to name
  }
  return { id: 'link', name: host || address.slice(0, 80) };
}
