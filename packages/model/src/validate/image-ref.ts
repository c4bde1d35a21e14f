/**
 * Image references as the Docker distribution grammar defines them
 * (github.com/distribution/reference): [domain[:port]/]path[:tag][@digest].
 * Returns why a reference is malformed, or undefined when it is fine.
 */
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const PATH_PART = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const NAME = `(?:${DOMAIN}/)?${PATH_PART}(?:/${PATH_PART})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::${TAG})?(?:@${DIGEST})?$`);

const NAME_MAX = 255;
// Bounds the regular expression's work on hostile input; real references are far shorter.
const INPUT_MAX = 1024;

export function imageRefProblem(ref: string): string | undefined {
  if (ref.length > INPUT_MAX) return `is longer than ${INPUT_MAX} characters`;
  if (ref.trim() !== ref) return 'has leading or trailing white space';
  if (/\s/.test(ref)) return 'contains white space';
  const m = REFERENCE.exec(ref);
  if (!m)
    return hasUpperCasePath(ref) ? 'has upper-case letters in the repository name' : 'is not of the form [registry/]name[:tag][@digest]';
  if ((m[1] ?? '').length > NAME_MAX) return `has a repository name longer than ${NAME_MAX} characters`;
  return undefined;
}

/** The most common mistake gets its own message: upper case is allowed in the registry host only. */
function hasUpperCasePath(ref: string): boolean {
  const name = ref.split('@')[0] ?? '';
  const parts = name.split('/');
  const last = parts.length - 1;
  parts[last] = (parts[last] ?? '').split(':')[0] ?? '';
  const first = parts[0] ?? '';
  const path = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost') ? parts.slice(1) : parts;
  return path.some((p) => /[A-Z]/.test(p));
}
