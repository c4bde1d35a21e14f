import type { Healthcheck, HealthTest, Path } from '@blaupause/model';
import { dotted, type ImportContext } from '../context';
import { readBool, readDuration, readInt, readMap, readStringList } from '../values';

const DISABLED_REASON = 'the blueprint cannot switch off a healthcheck the image declares; the image’s own check stays active.';

/** `healthcheck:` with test as a string (shell), ["CMD", ...], ["CMD-SHELL", "..."] or ["NONE"]. */
export function readHealthcheck(ctx: ImportContext, v: unknown, path: Path): Healthcheck | undefined {
  const hc = readMap(ctx, v, path);
  if (!hc) return undefined;
  if (readBool(ctx, hc.disable, [...path, 'disable']) === true) {
    ctx.unsupported([...path, 'disable'], DISABLED_REASON);
    return undefined;
  }
  const testPath = [...path, 'test'];
  const test = hc.test === undefined ? undefined : readTest(ctx, hc.test, testPath);
  if (test === 'none') {
    ctx.unsupported(testPath, DISABLED_REASON);
    return undefined;
  }
  const out: Partial<Healthcheck> = {};
  for (const [k, value] of Object.entries(hc)) {
    const p = [...path, k];
    if (k.startsWith('x-') || k === 'test' || k === 'disable') continue;
    if (k === 'interval' || k === 'timeout' || k === 'start_period') {
      const d = readDuration(ctx, value, p);
      if (d !== undefined) out[k === 'start_period' ? 'startPeriod' : k] = d;
    } else if (k === 'retries') {
      const n = readInt(ctx, value, p, { min: 1, max: 1000 });
      if (n !== undefined) out.retries = n;
    } else if (k === 'start_interval') ctx.unsupported(p, 'the healthcheck has no separate interval for the start period.');
    else ctx.unsupported(p, 'not a key of a Compose healthcheck.');
  }
  if (test === undefined) {
    if (hc.test === undefined)
      ctx.unsupported(path, 'a healthcheck without test only retunes the image’s own check; the blueprint needs the test itself.');
    return undefined;
  }
  return { test, ...out };
}

function readTest(ctx: ImportContext, v: unknown, path: Path): HealthTest | 'none' | undefined {
  if (typeof v === 'string' && v.trim() !== '') return { shell: v };
  const list = readStringList(ctx, v, path);
  if (!list) return undefined;
  const [kind, ...rest] = list;
  if (kind === 'NONE') return 'none';
  if (kind === 'CMD' && rest.length > 0) return { exec: rest };
  if (kind === 'CMD-SHELL' && rest.length > 0) return { shell: rest.join(' ') };
  ctx.error(
    'SCHEMA_VALUE',
    path,
    `${dotted(path)} must start with "CMD" or "CMD-SHELL" followed by the command, or be ["NONE"].`,
    'Write ["CMD", "pg_isready"] or ["CMD-SHELL", "curl -f http://localhost/ || exit 1"].',
  );
  return undefined;
}
