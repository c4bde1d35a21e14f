/**
 * `.dockerignore` rules as Docker applies them (moby/patternmatcher, the rules @balena/dockerignore
 * ports): one pattern a line, `#` comments and blank lines skipped, surrounding spaces trimmed, a
 * leading `/` and `./` meaningless (patterns are relative to the context root), `!` re-includes,
 * the last matching pattern wins. Globs as Go's filepath.Match (`*` and `?` stop at `/`, `[…]`
 * classes, `\` escapes) plus `**` for any number of folders. A pattern matching a folder matches
 * everything below it. Written here because the engine bundles into the CLI, where dockerode's own
 * copy cannot be reached.
 */
export interface IgnoreRule {
  pattern: string;
  negate: boolean;
  re: RegExp;
}

export function parseDockerignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1).trim();
    const pattern = clean(line);
    if (pattern === '' || pattern === '.') continue;
    rules.push({ pattern, negate, re: globToRegExp(pattern) });
  }
  return rules;
}

/** Whether the context path (relative, POSIX) is left out of the build context. */
export function isIgnored(rules: readonly IgnoreRule[], path: string): boolean {
  let ignored = false;
  const parts = path.split('/');
  for (const r of rules) {
    // The path itself, or a folder it lies in (a pattern naming a folder excludes its contents).
    let hit = false;
    for (let n = parts.length; n >= 1 && !hit; n--) hit = r.re.test(parts.slice(0, n).join('/'));
    if (hit) ignored = !r.negate;
  }
  return ignored;
}

/** filepath.Clean for a pattern: no leading `/` or `./`, no `.` segments, `..` resolved, no trailing `/`. */
function clean(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') {
          i++;
          re += '(?:.*/)?'; // "**/" : zero or more folders
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) re += literal(pattern[++i] as string);
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      if (body.startsWith('^') || body.startsWith('!')) body = `^${body.slice(1)}`;
      re += `[${body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else re += literal(c);
  }
  return new RegExp(`^${re}$`);
}

const literal = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
