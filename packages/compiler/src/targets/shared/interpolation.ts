/**
 * Compose and `docker stack deploy` interpolate every value of the file: `$VAR` and `${VAR}`
 * from the deploying shell, `$$` for a literal dollar. Blueprints use the same syntax with one
 * difference: only `${NAME}` is a reference (to a blueprint parameter); a bare `$` is literal,
 * like the `$POSTGRES_USER` in a healthcheck meant for the container's shell. So a bare `$` is
 * doubled here, while `${...}` and `$$` pass as they are. The emitters escape each user string
 * where it enters the output (a walk over the finished document would cost more than the rest).
 */
export function escapeBareDollars(s: string): string {
  if (!s.includes('$')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch !== '$') out += ch;
    else if (s[i + 1] === '$') {
      out += '$$';
      i++;
    } else out += s[i + 1] === '{' ? '$' : '$$';
  }
  return out;
}

/** A string as Compose must read it; the same string when it holds no "$" (the usual case). */
export function esc<T extends string | undefined>(s: T): T {
  return (s === undefined || !s.includes('$') ? s : escapeBareDollars(s)) as T;
}

/** A list of strings, copied only when one of them needs escaping. */
export function escList<T extends readonly string[] | undefined>(list: T): T {
  if (list === undefined || !list.some(hasDollar)) return list;
  return list.map(escapeBareDollars) as unknown as T;
}

/** A string map (environment, labels, build args), copied only when a value needs escaping. */
export function escMap<T extends Readonly<Record<string, string>> | undefined>(map: T): T {
  if (map === undefined || !someValueHasDollar(map)) return map;
  const copy: Record<string, string> = {};
  for (const k of Object.keys(map)) copy[k] = escapeBareDollars(map[k] as string);
  return copy as T;
}

const hasDollar = (s: string): boolean => s.includes('$');

/** Whether a value of the map holds a "$"; for-in over the parsed blueprint's plain objects, no array built. */
function someValueHasDollar(map: Readonly<Record<string, string>>): boolean {
  for (const k in map) if ((map[k] as string).includes('$')) return true;
  return false;
}
