import type { Path } from '@blaupause/model';
import type { ImportContext } from './context';

/**
 * File modes are octal in Compose. go-yaml (YAML 1.1) reads an unquoted `0440` as 0o440, while
 * our YAML 1.2 reader reads it as decimal 440: the text as written decides. A quoted string is
 * octal too (compose-go parses it base 8); `0o440` is the same in both readers.
 */
export function fileMode(value: unknown, written: string | undefined): number | undefined {
  if (typeof value === 'string') {
    const s = value.trim().replace(/^0o/i, '');
    return /^[0-7]+$/.test(s) ? Number.parseInt(s, 8) : undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
  if (written !== undefined && /^\+?0[0-7]+$/.test(written)) return Number.parseInt(written, 8);
  return value;
}

/** How a mode is shown in messages: "0o440", or the value as written when it is no mode at all. */
export function fileModeText(ctx: ImportContext, value: unknown, path: Path): string {
  const mode = fileMode(value, writtenScalar(ctx, path));
  return mode === undefined ? JSON.stringify(value) : `0o${mode.toString(8)}`;
}

/**
 * The source text of the scalar value of the mapping entry at `path` (`mode: 0440` → "0440"),
 * read after the key's position. Used only for the few keys whose YAML 1.1 reading differs.
 */
export function writtenScalar(ctx: ImportContext, path: Path): string | undefined {
  const pos = ctx.source?.positionOf(path);
  if (!pos) return undefined;
  let offset = 0;
  for (let line = 1; line < pos.line; line++) {
    offset = ctx.text.indexOf('\n', offset) + 1;
    if (offset === 0) return undefined;
  }
  const rest = ctx.text.slice(offset + pos.col - 1);
  const m = /^([^:\n]*):[ \t]*([^\s,}#\]]+)/.exec(rest);
  // A key that came through a merge ("<<") has no position of its own: then the text read is another key's.
  const key = m?.[1]?.trim().replace(/^["']|["']$/g, '');
  return key === String(path.at(-1)) ? m?.[2] : undefined;
}
