/**
 * A .env file read the way Compose reads one (pure; the CLI's --env-file and a folder's .env, the
 * web app's folder import): KEY=VALUE lines,
 * `#` comments, an optional `export ` prefix, single quotes (literal) and double quotes (with
 * \n \t \r \\ \" \$ escapes, may span lines). A bare `KEY` line would mean "take it from the
 * process environment" in Compose; Blaupause never reads the process environment, so it is an error.
 */
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export interface DotenvProblem {
  line: number;
  col: number;
  message: string;
  hint?: string;
}

export interface DotenvParsed {
  env: Record<string, string>;
  problems: DotenvProblem[];
}

export function readDotenv(text: string): DotenvParsed {
  const env = new Map<string, string>();
  const problems: DotenvProblem[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const problem = (line: number, col: number, message: string, hint?: string) =>
    problems.push({ line, col, message, ...(hint ? { hint } : {}) });

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const indent = raw.length - raw.trimStart().length;
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (/^export\s/.test(line)) line = line.slice(6).trimStart();
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (eq < 0) {
      problem(i + 1, indent + 1, `"${key}" has no value; expected KEY=VALUE.`, 'Write KEY=VALUE (KEY= for an empty value).');
      continue;
    }
    if (!KEY.test(key)) {
      problem(
        i + 1,
        indent + 1,
        `"${key}" is not a variable name.`,
        'Names are letters, digits and "_" (also "." and "-"), not starting with a digit.',
      );
      continue;
    }
    const value = readValue(line.slice(eq + 1).trimStart(), lines, i);
    if ('error' in value) problem(i + 1, indent + 1, value.error);
    else env.set(key, value.value);
    i = value.lastLine;
  }
  return { env: Object.fromEntries(env), problems };
}

type Value = { value: string; lastLine: number } | { error: string; lastLine: number };

function readValue(rest: string, lines: readonly string[], at: number): Value {
  const quote = rest[0];
  if (quote !== '"' && quote !== "'") {
    // Unquoted: a " #" starts a comment; surrounding blanks are not part of the value.
    const hash = rest.search(/\s#/);
    return { value: (hash < 0 ? rest : rest.slice(0, hash)).trim(), lastLine: at };
  }
  // Quoted values may continue on the following lines until the closing quote.
  let text = rest.slice(1);
  let last = at;
  let end = closingQuote(text, quote);
  while (end < 0 && last + 1 < lines.length) {
    last++;
    text += `\n${lines[last]}`;
    end = closingQuote(text, quote);
  }
  if (end < 0) return { error: `The ${quote === '"' ? 'double' : 'single'} quote opened here is never closed.`, lastLine: last };
  const after = text.slice(end + 1).trim();
  if (after !== '' && !after.startsWith('#')) return { error: `Unexpected text after the closing quote: "${after}".`, lastLine: last };
  const body = text.slice(0, end);
  return { value: quote === '"' ? unescapeDouble(body) : body, lastLine: last };
}

function closingQuote(text: string, quote: string): number {
  for (let i = 0; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', $: '$' };
const unescapeDouble = (s: string) => s.replace(/\\(.)/g, (m, c: string) => ESCAPES[c] ?? m);
