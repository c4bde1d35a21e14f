import type { Blueprint } from '@blaupause/model';

/** Names whose values are secret by their look, as the issue and DESIGN §7 ask. */
export const SECRET_NAME = /PASS|SECRET|TOKEN|KEY/i;

export const MASK = '••••••';

/**
 * Environment names that carry the blueprint's secrets: the secrets' own names (as variables:
 * `db-password` → DB_PASSWORD) and the variables secrets are read from (`environment:`).
 */
export function secretEnvNames(bp: Blueprint): string[] {
  const out = new Set<string>();
  for (const [name, s] of Object.entries(bp.secrets ?? {})) {
    out.add(name.toUpperCase().replace(/[^A-Z0-9]/g, '_'));
    if (s.environment) out.add(s.environment.toUpperCase());
  }
  return [...out].sort();
}

export interface EnvEntry {
  name: string;
  value: string;
  masked: boolean;
}

/**
 * Docker's `NAME=value` list → entries, values of secret-looking or named-secret variables masked.
 * A secret value quoted inside another variable (`DATABASE_URL=…:hunter22@db`) is masked there too.
 */
export function maskEnv(env: readonly string[], secretNames: readonly string[] = []): EnvEntry[] {
  const named = new Set(secretNames.map((n) => n.toUpperCase()));
  const split = env.map((kv) => {
    const at = kv.indexOf('=');
    const name = at < 0 ? kv : kv.slice(0, at);
    return { name, value: at < 0 ? '' : kv.slice(at + 1), secret: SECRET_NAME.test(name) || named.has(name.toUpperCase()) };
  });
  const values = split
    .filter((e) => e.secret && e.value.length >= 4)
    .map((e) => e.value)
    .sort((a, b) => b.length - a.length);
  return split.map(({ name, value, secret }) => {
    if (secret) return { name, value: MASK, masked: true };
    const hidden = values.reduce((v, s) => v.split(s).join(MASK), value);
    return { name, value: hidden, masked: hidden !== value };
  });
}
