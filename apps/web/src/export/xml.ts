/**
 * XML-safe text. Names, images and paths come from users (and from imported files), so every piece
 * of text that enters the SVG goes through here: the five markup characters become entities, and
 * characters XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/F)
 * are dropped — one of those would make the whole file unreadable to Word or Inkscape.
 */
export function escapeXml(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Attributes for an element, escaped; undefined values are left out. Numbers are rounded to 0.1 for small, stable output. */
export function attrs(values: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`;
  }
  return out;
}

export const num = (n: number): string => String(Math.round(n * 10) / 10);

/** An element with escaped text content. */
export const textEl = (a: Record<string, string | number | undefined>, text: string): string =>
  `<text${attrs(a)}>${escapeXml(text)}</text>`;
