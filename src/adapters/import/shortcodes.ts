/**
 * WordPress shortcodes (`[caption id="x"]…[/caption]`, `[gallery ids="1,2"]`) found in classic
 * content. Each is handed to a renderer by name; one with no renderer stays as its text and is
 * reported. `[[name]]` is WordPress's escape for a literal `[name]`.
 */
export interface Shortcode {
  name: string;
  attrs: Record<string, string>;
  /** Positional attributes (`[embed https://…]`), in order. */
  args: string[];
  content: string;
}

export type ShortcodeRenderer = (shortcode: Shortcode) => string;

const names = 'caption|wp_caption|gallery|embed|video|audio|playlist|[a-z][a-z0-9_-]*';
const shortcode = new RegExp(
  `\\[(\\[?)(${names})(?![\\w-])([^\\]]*?)(\\/)?\\](?:([\\s\\S]*?)\\[\\/\\2\\])?(\\]?)`,
  'g',
);
const attribute =
  /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)/g;

export function replaceShortcodes(
  text: string,
  renderers: Record<string, ShortcodeRenderer>,
  onUnknown: (name: string) => void,
): string {
  return text.replace(
    shortcode,
    (
      whole,
      open: string,
      name: string,
      rawAttrs: string,
      _slash,
      content: string | undefined,
      close: string,
    ) => {
      if (open === '[' && close === ']') return whole.slice(1, -1);
      const render = renderers[name.toLowerCase()];
      if (render === undefined) {
        if (looksLikeShortcode(rawAttrs)) onUnknown(name);
        return whole;
      }
      return render({ name, ...parseAttributes(rawAttrs), content: content ?? '' });
    },
  );
}

/** `[foo]` in prose is often just brackets: only report those that look like shortcodes. */
function looksLikeShortcode(rawAttrs: string): boolean {
  return rawAttrs === '' || /^\s+[\w-]+\s*=/.test(rawAttrs) || /^\s+\S/.test(rawAttrs);
}

function parseAttributes(raw: string): { attrs: Record<string, string>; args: string[] } {
  const attrs: Record<string, string> = Object.create(null);
  const args: string[] = [];
  for (const m of raw.replace(/[\u00a0\u200b]/g, ' ').matchAll(attribute)) {
    const key = m[1] ?? m[3] ?? m[5];
    const value = m[2] ?? m[4] ?? m[6];
    if (key !== undefined && value !== undefined) attrs[key.toLowerCase()] = value;
    else args.push(m[7] ?? m[8] ?? m[9] ?? '');
  }
  return { attrs, args };
}
