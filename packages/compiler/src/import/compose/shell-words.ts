/**
 * Splits a Compose `command:` / `entrypoint:` string into argv the way compose-go does (it uses
 * mattn/go-shellwords without env or backtick expansion): whitespace separates words, single
 * quotes are literal, double quotes group, a backslash escapes the next character, "$(...)" and
 * backticks are kept as text. An unquoted ; & | < > ends the command: Compose drops the rest,
 * so `rest` returns it for a warning. `${...}` is kept whole, so a parameter stays one word.
 */
export type Split = { ok: true; args: string[]; rest?: string } | { ok: false; error: string };

const SPACE = new Set([' ', '\t', '\r', '\n']);
const META = new Set([';', '&', '|', '<', '>']);

export function shellSplit(line: string): Split {
  const args: string[] = [];
  let buf = '';
  let got = false;
  let escaped = false;
  let single = false;
  let double = false;
  let backQuote = false;
  let dollarQuote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (escaped) {
      buf += c;
      got = true;
      escaped = false;
      continue;
    }
    if (c === '\\' && !single) {
      escaped = true;
      continue;
    }
    const quoted = single || double || backQuote || dollarQuote;
    if (SPACE.has(c)) {
      if (quoted) buf += c;
      else if (got) {
        args.push(buf);
        buf = '';
        got = false;
      }
      continue;
    }
    if (c === '$' && line[i + 1] === '{' && !single) {
      const end = line.indexOf('}', i);
      if (end > 0) {
        buf += line.slice(i, end + 1);
        got = true;
        i = end;
        continue;
      }
    }
    if (c === '"' && !single && !dollarQuote) {
      if (double && buf === '') got = true;
      double = !double;
      continue;
    }
    if (c === "'" && !double && !dollarQuote) {
      if (single && buf === '') got = true;
      single = !single;
      continue;
    }
    if (!single && !double) {
      if (c === '`' && !dollarQuote) backQuote = !backQuote;
      else if (c === '(' && !backQuote) {
        if (dollarQuote || !buf.endsWith('$')) return { ok: false, error: 'an unquoted "(" outside "$(...)"' };
        dollarQuote = true;
      } else if (c === ')' && !backQuote) dollarQuote = !dollarQuote;
      else if (META.has(c) && !quoted) {
        // "2>&1": go-shellwords drops the file-descriptor digits with the redirection.
        const fd = c === '>' && /^[0-9]/.test(buf);
        if (got && !fd) args.push(buf);
        return { ok: true, args, rest: fd ? line.slice(i - buf.length) : line.slice(i) };
      }
    }
    buf += c;
    got = true;
  }
  if (escaped || single || double || backQuote || dollarQuote) return { ok: false, error: 'an unclosed quote or trailing backslash' };
  if (got) args.push(buf);
  return { ok: true, args };
}
