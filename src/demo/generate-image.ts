// Draws deterministic editorial-style illustrations for the demo content.
// Each image is an SVG string built from the image's palette and motif, rendered to JPEG by sharp.
// No fonts or URLs are referenced (text uses generic font families) and no Math.random is used:
// a small PRNG is seeded from the image key, so the same key always gives the same picture.
import sharp from 'sharp';
import type { DemoImage } from './demo-site.types.js';
import {
  between,
  escapeXml,
  f,
  glow,
  hashString,
  linear,
  mix,
  mulberry32,
  ridgePath,
  shade,
  wrap,
  type Canvas,
  type Layer,
} from './svg-kit.js';

export { escapeXml };

function skyline(c: Canvas): Layer {
  const { w, h, pal, rng } = c;
  const horizon = h * 0.8;
  const sky = linear('sky', [
    [shade(pal[0], -0.25), 0],
    [pal[1], 0.65],
    [mix(pal[1], pal[2], 0.55), 1],
  ]);
  const sun = glow('sun', between(rng, w * 0.15, w * 0.85), h * between(rng, 0.25, 0.45), w * 0.045, pal[2]);
  let body = `<rect width="${w}" height="${h}" fill="url(#sky)"/>${sun.body}`;
  const layers = [
    { color: mix(pal[0], pal[1], 0.55), min: 0.18, max: 0.45, windows: false },
    { color: mix(pal[0], pal[1], 0.25), min: 0.12, max: 0.38, windows: true },
    { color: shade(pal[0], -0.45), min: 0.08, max: 0.3, windows: true },
  ];
  for (const layer of layers) {
    let x = -between(rng, 0, w * 0.03);
    while (x < w) {
      const bw = between(rng, w * 0.035, w * 0.09);
      const bh = h * between(rng, layer.min, layer.max);
      const top = horizon - bh;
      body += `<rect x="${f(x)}" y="${f(top)}" width="${f(bw + 1)}" height="${f(bh + 2)}" fill="${layer.color}"/>`;
      if (rng() < 0.25) {
        const ax = x + bw * between(rng, 0.2, 0.8);
        body += `<rect x="${f(ax)}" y="${f(top - h * 0.04)}" width="${f(Math.max(2, w * 0.002))}" height="${f(h * 0.04)}" fill="${layer.color}"/>`;
      } else if (rng() < 0.3) {
        body += `<rect x="${f(x + bw * 0.2)}" y="${f(top - bh * 0.08)}" width="${f(bw * 0.6)}" height="${f(bh * 0.08 + 1)}" fill="${layer.color}"/>`;
      }
      if (layer.windows) {
        const win = Math.max(3, w * 0.0055);
        const lit = between(rng, 0.15, 0.45);
        for (let wy = top + win * 2; wy < horizon - win * 2; wy += win * 2.6) {
          for (let wx = x + win * 1.5; wx < x + bw - win * 1.5; wx += win * 2.2) {
            if (rng() < lit) {
              body += `<rect x="${f(wx)}" y="${f(wy)}" width="${f(win)}" height="${f(win * 1.3)}" fill="${pal[2]}" opacity="${f(between(rng, 0.55, 0.95))}"/>`;
            }
          }
        }
      }
      x += bw + between(rng, 0, w * 0.012);
    }
  }
  const water = linear('water', [
    [shade(pal[0], -0.35), 0],
    [shade(pal[0], -0.6), 1],
  ]);
  body += `<rect x="0" y="${f(horizon)}" width="${w}" height="${f(h - horizon)}" fill="url(#water)"/>`;
  for (let n = 0; n < 40; n++) {
    const ry = between(rng, horizon + 4, h);
    const rw = between(rng, w * 0.01, w * 0.06);
    body += `<rect x="${f(between(rng, 0, w))}" y="${f(ry)}" width="${f(rw)}" height="2" fill="${pal[2]}" opacity="${f(between(rng, 0.1, 0.45))}"/>`;
  }
  return { defs: sky + sun.defs + water, body };
}

function landscape(c: Canvas): Layer {
  const { w, h, pal, rng, key } = c;
  const variant = /road|path/.test(key)
    ? 'road'
    : /field|grain|farm/.test(key)
      ? 'fields'
      : /coast|sea|harbour|breakwater|fjord/.test(key)
        ? 'water'
        : (['road', 'fields', 'water'] as const)[Math.floor(rng() * 3)]!;
  const sky = linear('sky', [
    [shade(pal[0], 0.05), 0],
    [mix(pal[0], pal[2], 0.65), 1],
  ]);
  const sun = glow(
    'sun',
    between(rng, w * 0.2, w * 0.8),
    h * between(rng, 0.18, 0.32),
    w * 0.04,
    shade(pal[2], 0.2),
  );
  let body = `<rect width="${w}" height="${h}" fill="url(#sky)"/>${sun.body}`;
  for (let n = 0; n < 5; n++) {
    const cy = h * between(rng, 0.08, 0.35);
    body += `<ellipse cx="${f(between(rng, 0, w))}" cy="${f(cy)}" rx="${f(w * between(rng, 0.08, 0.2))}" ry="${f(h * between(rng, 0.015, 0.035))}" fill="#ffffff" opacity="${f(between(rng, 0.08, 0.2))}"/>`;
  }
  const count = 5;
  for (let k = 0; k < count; k++) {
    const t = k / (count - 1);
    const color = mix(mix(pal[0], pal[1], 0.5), shade(pal[1], -0.7), t);
    const baseY = h * (0.42 + t * 0.36);
    body += `<path d="${ridgePath(c, baseY, h * (0.12 - t * 0.06))}" fill="${color}"/>`;
    if (k < count - 1) {
      body += `<rect x="0" y="${f(baseY - h * 0.06)}" width="${w}" height="${f(h * 0.12)}" fill="url(#mist)"/>`;
    }
    if (variant === 'water' && k === 2) {
      body += `<rect x="0" y="${f(h * 0.7)}" width="${w}" height="${f(h * 0.3)}" fill="${shade(pal[0], -0.2)}"/>`;
      for (let n = 0; n < 60; n++) {
        body += `<rect x="${f(between(rng, 0, w))}" y="${f(between(rng, h * 0.71, h))}" width="${f(between(rng, w * 0.01, w * 0.05))}" height="2" fill="${pal[2]}" opacity="${f(between(rng, 0.1, 0.4))}"/>`;
      }
      break;
    }
  }
  if (variant === 'road') {
    // Road in perspective: a bezier centre line whose half-width shrinks towards the vanishing point.
    const [x0, y0] = [w * between(rng, 0.4, 0.6), h];
    const [x3, y3] = [w * between(rng, 0.42, 0.58), h * 0.64];
    const [x1, y1] = [x0 + w * between(rng, 0.15, 0.3), h * 0.85];
    const [x2, y2] = [x3 - w * between(rng, 0.15, 0.3), h * 0.72];
    const left: string[] = [];
    const right: string[] = [];
    const centre: string[] = [];
    for (let s = 0; s <= 24; s++) {
      const t = s / 24;
      const u = 1 - t;
      const x = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
      const y = u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
      const hw = w * 0.11 * (1 - t) ** 1.6 + 1.5;
      left.push(`${f(x - hw)} ${f(y)}`);
      right.unshift(`${f(x + hw)} ${f(y)}`);
      centre.push(`${f(x)} ${f(y)}`);
    }
    body += `<path d="M${left.join(' L')} L${right.join(' L')} Z" fill="${mix(pal[2], pal[1], 0.45)}" opacity="0.9"/>`;
    body += `<path d="M${centre.join(' L')}" fill="none" stroke="${shade(pal[2], 0.3)}" stroke-width="${f(w * 0.003)}" stroke-dasharray="${f(w * 0.02)} ${f(w * 0.015)}" opacity="0.6"/>`;
    body += `<rect x="0" y="${f(h * 0.6)}" width="${w}" height="${f(h * 0.1)}" fill="url(#mist)"/>`;
  } else if (variant === 'fields') {
    for (let n = 0; n < 16; n++) {
      const y = h * (0.78 + n * 0.015);
      body += `<path d="M0 ${f(y)} Q${f(w / 2)} ${f(y - h * 0.03)} ${w} ${f(y + h * 0.01)}" stroke="${pal[2]}" stroke-width="${f(2 + n * 0.5)}" fill="none" opacity="${f(0.25 + n * 0.02)}"/>`;
    }
  }
  const mist = `<linearGradient id="mist" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ffffff" stop-opacity="0"/><stop offset="0.5" stop-color="#ffffff" stop-opacity="0.1"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></linearGradient>`;
  return { defs: sky + sun.defs + mist, body };
}

function portrait(c: Canvas): Layer {
  const { w, h, pal, rng } = c;
  const bg = `<radialGradient id="bg" cx="0.5" cy="0.4" r="0.8"><stop offset="0" stop-color="${shade(pal[1], 0.15)}"/><stop offset="1" stop-color="${shade(pal[1], -0.35)}"/></radialGradient>`;
  let body = `<rect width="${w}" height="${h}" fill="url(#bg)"/>`;
  for (let n = 0; n < 4; n++) {
    body += `<circle cx="${f(between(rng, 0, w))}" cy="${f(between(rng, 0, h))}" r="${f(w * between(rng, 0.15, 0.4))}" fill="${pal[2]}" opacity="${f(between(rng, 0.06, 0.16))}"/>`;
  }
  for (let n = -h; n < w; n += w * 0.04) {
    body += `<line x1="${f(n)}" y1="${h}" x2="${f(n + h)}" y2="0" stroke="#ffffff" stroke-width="1" opacity="0.06"/>`;
  }
  const cx = w * between(rng, 0.46, 0.54);
  const headY = h * 0.4;
  const rx = w * 0.15;
  const ry = h * 0.19;
  const skin = shade(pal[0], 0.15);
  const figure = linear('fig', [
    [skin, 0],
    [shade(pal[0], -0.3), 1],
  ]);
  body += `<path d="M${f(w * 0.1)} ${h} C${f(w * 0.12)} ${f(h * 0.72)} ${f(cx - rx * 1.2)} ${f(h * 0.7)} ${f(cx - rx * 0.45)} ${f(h * 0.62)} L${f(cx + rx * 0.45)} ${f(h * 0.62)} C${f(cx + rx * 1.2)} ${f(h * 0.7)} ${f(w * 0.88)} ${f(h * 0.72)} ${f(w * 0.9)} ${h} Z" fill="url(#fig)"/>`;
  body += `<rect x="${f(cx - rx * 0.45)}" y="${f(headY + ry * 0.6)}" width="${f(rx * 0.9)}" height="${f(h * 0.12)}" fill="${skin}"/>`;
  body += `<ellipse cx="${f(cx)}" cy="${f(headY)}" rx="${f(rx)}" ry="${f(ry)}" fill="${skin}"/>`;
  body += `<path d="M${f(cx - rx * 1.08)} ${f(headY + ry * 0.2)} C${f(cx - rx * 1.3)} ${f(headY - ry * 1.3)} ${f(cx + rx * 1.3)} ${f(headY - ry * 1.4)} ${f(cx + rx * 1.1)} ${f(headY + ry * 0.5)} C${f(cx + rx * 0.8)} ${f(headY - ry * 0.6)} ${f(cx - rx * 0.6)} ${f(headY - ry * 0.7)} ${f(cx - rx * 1.08)} ${f(headY + ry * 0.2)} Z" fill="${shade(pal[0], -0.35)}"/>`;
  body += `<ellipse cx="${f(cx + rx * 0.08)}" cy="${f(headY)}" rx="${f(rx)}" ry="${f(ry)}" fill="none" stroke="${pal[2]}" stroke-width="${f(w * 0.006)}" opacity="0.55"/>`;
  body += `<path d="M${f(cx + rx * 0.5)} ${f(h * 0.63)} C${f(cx + rx * 1.3)} ${f(h * 0.71)} ${f(w * 0.86)} ${f(h * 0.74)} ${f(w * 0.89)} ${h}" fill="none" stroke="${pal[2]}" stroke-width="${f(w * 0.005)}" opacity="0.5"/>`;
  return { defs: bg + figure, body };
}

function crowd(c: Canvas): Layer {
  const { w, h, pal, rng } = c;
  const sky = linear('sky', [
    [shade(pal[1], 0.1), 0],
    [mix(pal[1], pal[0], 0.4), 1],
  ]);
  let body = `<rect width="${w}" height="${h}" fill="url(#sky)"/>`;
  let x = 0;
  while (x < w) {
    const bw = between(rng, w * 0.06, w * 0.14);
    const bh = h * between(rng, 0.15, 0.35);
    body += `<rect x="${f(x)}" y="${f(h * 0.55 - bh)}" width="${f(bw + 1)}" height="${f(bh)}" fill="${mix(pal[1], pal[0], 0.3)}"/>`;
    x += bw;
  }
  const rows = 7;
  for (let row = 0; row < rows; row++) {
    const t = row / (rows - 1);
    const r = w * (0.011 + t * 0.03);
    const y = h * (0.48 + t * 0.5);
    const base = mix(mix(pal[0], pal[1], 0.55), shade(pal[0], -0.4), t);
    let px = -between(rng, 0, r * 2);
    while (px < w + r) {
      const color = shade(base, between(rng, -0.12, 0.12));
      const hy = y + between(rng, -r * 0.4, r * 0.4);
      if (rng() < 0.07 + t * 0.03) {
        const sw = r * between(rng, 2.5, 3.5);
        const sh = sw * 0.65;
        const sx = px - sw / 2 + r * between(rng, -1, 1);
        const sy = hy - r * 4.2 - sh;
        body += `<rect x="${f(px + r * 0.6)}" y="${f(sy + sh)}" width="${f(Math.max(2, r * 0.15))}" height="${f(r * 4)}" fill="${shade(base, -0.2)}"/>`;
        body += `<rect x="${f(sx)}" y="${f(sy)}" width="${f(sw)}" height="${f(sh)}" rx="${f(r * 0.1)}" fill="${pal[2]}" transform="rotate(${f(between(rng, -6, 6))} ${f(sx + sw / 2)} ${f(sy + sh / 2)})"/>`;
        for (let line = 1; line <= 2; line++) {
          body += `<rect x="${f(sx + sw * 0.15)}" y="${f(sy + (sh * line) / 3 - r * 0.1)}" width="${f(sw * between(rng, 0.4, 0.7))}" height="${f(Math.max(2, r * 0.2))}" fill="${shade(pal[0], -0.3)}" opacity="0.7"/>`;
        }
      }
      body += `<path d="M${f(px - r * 1.6)} ${f(hy + r * 4)} Q${f(px - r * 1.5)} ${f(hy + r * 1.1)} ${f(px)} ${f(hy + r * 1.1)} Q${f(px + r * 1.5)} ${f(hy + r * 1.1)} ${f(px + r * 1.6)} ${f(hy + r * 4)} Z" fill="${color}"/>`;
      body += `<circle cx="${f(px)}" cy="${f(hy)}" r="${f(r)}" fill="${color}"/>`;
      px += r * between(rng, 2.4, 3.4);
    }
  }
  return { defs: sky, body };
}

function documentMotif(c: Canvas): Layer {
  const { w, h, pal, rng } = c;
  const desk = linear(
    'desk',
    [
      [shade(pal[0], 0.1), 0],
      [shade(pal[0], -0.4), 1],
    ],
    false,
  );
  let body = `<rect width="${w}" height="${h}" fill="url(#desk)"/>`;
  const paper = mix('#fbfaf6', pal[1], 0.25);
  const pw = Math.min(w * 0.42, h * 0.62);
  const ph = pw * 1.35;
  for (let n = 0; n < 3; n++) {
    const last = n === 2;
    const cx = w / 2 + (last ? 0 : between(rng, -w * 0.22, w * 0.22));
    const cy = h * 0.55 + (last ? 0 : between(rng, -h * 0.1, h * 0.1));
    const angle = last ? between(rng, -4, 4) : between(rng, -18, 18);
    const x0 = cx - pw / 2;
    const y0 = cy - ph / 2;
    let sheet = '';
    for (let k = 3; k >= 1; k--) {
      const o = w * 0.004 * k;
      sheet += `<rect x="${f(x0 + o * 0.6)}" y="${f(y0 + o)}" width="${f(pw + o * 0.4)}" height="${f(ph + o * 0.4)}" rx="${f(o)}" fill="#000000" opacity="0.14"/>`;
    }
    sheet += `<rect x="${f(x0)}" y="${f(y0)}" width="${f(pw)}" height="${f(ph)}" fill="${last ? paper : shade(paper, -0.06)}"/>`;
    const margin = pw * 0.1;
    const lineH = ph * 0.028;
    let y = y0 + ph * 0.09;
    sheet += `<rect x="${f(x0 + margin)}" y="${f(y)}" width="${f(pw * 0.5)}" height="${f(lineH * 1.6)}" fill="${shade(pal[0], 0.1)}"/>`;
    y += lineH * 4;
    const highlight = last ? 4 + Math.floor(rng() * 6) : -1;
    for (let line = 0; y < y0 + ph - ph * 0.08; line++) {
      if (line > 0 && line % 6 === 0) {
        y += lineH * 1.2;
        continue;
      }
      const lw = (pw - margin * 2) * (line % 6 === 5 ? between(rng, 0.3, 0.6) : between(rng, 0.85, 1));
      if (line === highlight) {
        sheet += `<rect x="${f(x0 + margin - 4)}" y="${f(y - lineH * 0.5)}" width="${f(lw + 8)}" height="${f(lineH * 2)}" fill="${pal[2]}" opacity="0.45"/>`;
      }
      sheet += `<rect x="${f(x0 + margin)}" y="${f(y)}" width="${f(lw)}" height="${f(lineH * 0.8)}" rx="${f(lineH * 0.3)}" fill="${mix(pal[0], paper, 0.45)}"/>`;
      y += lineH * 2;
    }
    if (last) {
      const sx = x0 + pw * 0.72;
      const sy = y0 + ph * 0.8;
      sheet += `<g transform="rotate(-14 ${f(sx)} ${f(sy)})" opacity="0.75"><circle cx="${f(sx)}" cy="${f(sy)}" r="${f(pw * 0.12)}" fill="none" stroke="${pal[2]}" stroke-width="${f(pw * 0.012)}"/><circle cx="${f(sx)}" cy="${f(sy)}" r="${f(pw * 0.09)}" fill="none" stroke="${pal[2]}" stroke-width="${f(pw * 0.006)}"/><rect x="${f(sx - pw * 0.1)}" y="${f(sy - pw * 0.015)}" width="${f(pw * 0.2)}" height="${f(pw * 0.03)}" fill="${pal[2]}"/></g>`;
    }
    body += `<g transform="rotate(${f(angle)} ${f(cx)} ${f(cy)})">${sheet}</g>`;
  }
  return { defs: desk, body };
}

function bookCover(c: Canvas): Layer {
  const { w, h, pal, rng } = c;
  const [title = 'Untitled', author = '', publisher = ''] = (c.label ?? '').split('|').map((s) => s.trim());
  const bg = linear('bg', [
    [shade(pal[0], 0.08), 0],
    [shade(pal[0], -0.35), 1],
  ]);
  const moon = glow('moon', w * between(rng, 0.3, 0.7), h * 0.58, w * 0.09, pal[2]);
  let body = `<rect width="${w}" height="${h}" fill="url(#bg)"/>${moon.body}`;
  for (let k = 0; k < 3; k++) {
    const color = mix(pal[1], shade(pal[0], -0.5), k / 2);
    body += `<path d="${ridgePath(c, h * (0.7 + k * 0.07), h * 0.05)}" fill="${color}"/>`;
  }
  for (let n = 0; n < 5; n++) {
    const y = h * (0.9 + n * 0.02);
    body += `<line x1="${f(w * 0.1)}" y1="${f(y)}" x2="${f(w * 0.9)}" y2="${f(y)}" stroke="${pal[2]}" stroke-width="1" opacity="${f(0.15 + n * 0.05)}"/>`;
  }
  const inset = w * 0.05;
  body += `<rect x="${f(inset)}" y="${f(inset)}" width="${f(w - inset * 2)}" height="${f(h - inset * 2)}" fill="none" stroke="${pal[2]}" stroke-width="${f(w * 0.004)}" opacity="0.7"/>`;
  const lines = wrap(title, 11);
  const longest = Math.max(...lines.map((l) => l.length), 1);
  const size = Math.min(w * 0.15, (w * 0.78) / (longest * 0.55));
  const titleY = h * 0.2;
  const tspans = lines
    .map((line, n) => `<tspan x="${f(w / 2)}" y="${f(titleY + n * size * 1.1)}">${escapeXml(line)}</tspan>`)
    .join('');
  body += `<text font-family="serif" font-size="${f(size)}" font-weight="bold" fill="${pal[2]}" text-anchor="middle">${tspans}</text>`;
  const ruleY = titleY + lines.length * size * 1.1 - size * 0.4;
  body += `<rect x="${f(w * 0.42)}" y="${f(ruleY)}" width="${f(w * 0.16)}" height="${f(Math.max(2, w * 0.005))}" fill="${pal[2]}"/>`;
  if (author) {
    body += `<text x="${f(w / 2)}" y="${f(ruleY + w * 0.09)}" font-family="sans-serif" font-size="${f(w * 0.042)}" letter-spacing="${f(w * 0.004)}" fill="${shade(pal[2], 0.1)}" text-anchor="middle">${escapeXml(author.toUpperCase())}</text>`;
  }
  if (publisher) {
    body += `<text x="${f(w / 2)}" y="${f(h - inset * 1.8)}" font-family="sans-serif" font-size="${f(w * 0.028)}" letter-spacing="${f(w * 0.006)}" fill="${pal[2]}" opacity="0.8" text-anchor="middle">${escapeXml(publisher.toUpperCase())}</text>`;
  }
  return { defs: bg + moon.defs, body };
}

const motifs: Record<DemoImage['motif'], (c: Canvas) => Layer> = {
  skyline,
  landscape,
  portrait,
  crowd,
  document: documentMotif,
  'book-cover': bookCover,
};

/** Build the SVG source for an image (exported for debugging and tests). */
export function buildDemoSvg(image: DemoImage): string {
  const w = Math.round(image.width);
  const h = Math.round(image.height);
  const canvas: Canvas = {
    w,
    h,
    pal: image.palette,
    rng: mulberry32(hashString(image.key)),
    key: image.key,
    label: image.label,
  };
  const layer = motifs[image.motif](canvas);
  const vignette = `<radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#000000" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="0.38"/></radialGradient>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<defs>${layer.defs}${vignette}</defs>${layer.body}` +
    `<rect width="${w}" height="${h}" fill="url(#vignette)"/></svg>`
  );
}

/** Render a demo image to a JPEG buffer of exactly image.width x image.height. */
export async function generateDemoImage(image: DemoImage): Promise<Buffer> {
  const svg = buildDemoSvg(image);
  return sharp(Buffer.from(svg), { density: 72 })
    .resize(Math.round(image.width), Math.round(image.height), { fit: 'fill' })
    .jpeg({ quality: 85, progressive: true, chromaSubsampling: '4:2:0' })
    .toBuffer();
}
