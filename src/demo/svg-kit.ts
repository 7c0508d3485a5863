// Small, dependency-free helpers for the demo image generator: a seeded PRNG, colour maths,
// XML escaping and a few reusable SVG building blocks.

export type Rng = () => number;
export interface Layer {
  defs: string;
  body: string;
}
export interface Canvas {
  w: number;
  h: number;
  pal: [string, string, string];
  rng: Rng;
  key: string;
  label: string | undefined;
}

/** FNV-1a 32-bit hash, used to seed the PRNG from the image key. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let n = 0; n < s.length; n++) {
    h ^= s.charCodeAt(n);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, deterministic PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export const between = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng();
/** Round for compact SVG output. */
export const f = (n: number): string => String(Math.round(n * 10) / 10);

export function parseHex(hex: string): [number, number, number] {
  let s = hex.trim().replace(/^#/, '');
  if (s.length === 3) s = [...s].map((c) => c + c).join('');
  if (!/^[0-9a-fA-F]{6}$/.test(s)) return [128, 128, 128];
  return [parseInt(s.slice(0, 2), 16), parseInt(s.slice(2, 4), 16), parseInt(s.slice(4, 6), 16)];
}

export function toHex(rgb: [number, number, number]): string {
  return (
    '#' +
    rgb
      .map((c) =>
        Math.max(0, Math.min(255, Math.round(c)))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
}

/** Linear mix of two hex colours; t=0 gives a, t=1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const [ar, ag, ab] = parseHex(a);
  const [br, bg, bb] = parseHex(b);
  return toHex([ar + (br - ar) * t, ag + (bg - ag) * t, ab + (bb - ab) * t]);
}

/** Lighten (t > 0) or darken (t < 0) a colour. */
export function shade(c: string, t: number): string {
  return t >= 0 ? mix(c, '#ffffff', t) : mix(c, '#000000', -t);
}

/** Escape text for use inside SVG/XML content or attribute values. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function linear(id: string, stops: [string, number][], vertical = true): string {
  const dir = vertical ? 'x1="0" y1="0" x2="0" y2="1"' : 'x1="0" y1="0" x2="1" y2="1"';
  const s = stops.map(([c, o]) => `<stop offset="${o}" stop-color="${c}"/>`).join('');
  return `<linearGradient id="${id}" ${dir}>${s}</linearGradient>`;
}

/** Soft glowing disc (sun, moon or lamp). */
export function glow(id: string, cx: number, cy: number, r: number, color: string): Layer {
  return {
    defs: `<radialGradient id="${id}"><stop offset="0" stop-color="${color}" stop-opacity="0.55"/><stop offset="1" stop-color="${color}" stop-opacity="0"/></radialGradient>`,
    body: `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r * 3)}" fill="url(#${id})"/><circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="${color}"/>`,
  };
}

/** Ridge line from a sum of random sines, closed down to the bottom edge. */
export function ridgePath(c: Canvas, baseY: number, amp: number): string {
  const waves = [0, 1, 2].map(() => ({
    freq: (between(c.rng, 1, 4) * (Math.PI * 2)) / c.w,
    phase: between(c.rng, 0, Math.PI * 2),
    amp: amp * between(c.rng, 0.3, 1),
  }));
  const steps = 48;
  let d = `M0 ${f(c.h)}`;
  for (let s = 0; s <= steps; s++) {
    const x = (c.w * s) / steps;
    const y = baseY - waves.reduce((acc, wv) => acc + Math.sin(x * wv.freq + wv.phase) * wv.amp, 0) / 2;
    d += ` L${f(x)} ${f(y)}`;
  }
  return `${d} L${f(c.w)} ${f(c.h)} Z`;
}
/** Split a title into lines of at most `max` characters, breaking at spaces. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && (current + ' ' + word).length > max) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}
