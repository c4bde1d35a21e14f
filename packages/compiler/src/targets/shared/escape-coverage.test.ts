import { Blueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../compile';

/**
 * Every free-text field of a blueprint, each holding a bare "$x": after compiling, no string of
 * the Compose or Swarm file may hold a "$" that Compose would interpolate (escapeBareDollars
 * is applied where each user string enters; this test finds an entry point that was missed).
 */
const D = '$x';
const blueprint = Blueprint.parse({
  apiVersion: 'blaupause.dev/v1',
  kind: 'Blueprint',
  metadata: { name: 'dollars' },
  services: {
    web: {
      labels: { team: D },
      ports: [{ port: 80, publish: 8080, hostIp: D }],
      placement: { constraints: [{ label: 'zone', value: D }] },
      containers: {
        main: {
          image: `img${D}`,
          build: { context: D, dockerfile: D, args: { A: D }, target: D },
          command: [D],
          args: [D],
          workingDir: D,
          user: D,
          env: { E: D },
          healthcheck: { test: { shell: D } },
          devices: [D],
          capAdd: [D],
          capDrop: [D],
          mounts: [
            { type: 'bind', source: D, target: `/b${D}` },
            { type: 'volume', source: 'data', target: `/v${D}`, subPath: D },
            { type: 'tmpfs', target: `/t${D}` },
            { type: 'config', source: 'conf', target: `/c${D}` },
            { type: 'secret', source: 'key', target: `/s${D}` },
          ],
        },
        probe: { role: 'sidecar', image: 'x', healthcheck: { test: { exec: [D] } } },
        web: { role: 'adapter', image: 'x', healthcheck: { test: { http: { port: 80, path: `/${D}` } } } },
      },
    },
  },
  volumes: { data: { driver: D, labels: { l: D } }, scratch: { ephemeral: true, labels: { l: D } } },
  networks: { front: { driver: D, labels: { l: D } } },
  configs: { conf: { file: D }, inline: { content: D } },
  secrets: { key: { file: D }, env: { environment: D } },
});

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** A "$" that is neither "$$" nor the start of "${": Compose would read it as a variable. */
function hasBareDollar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '$') continue;
    if (s[i + 1] === '$') i++;
    else if (s[i + 1] !== '{') return true;
  }
  return false;
}

describe('every user string is escaped for Compose interpolation', () => {
  it.each(['compose', 'swarm'] as const)('%s', (target) => {
    const all = strings(parse(compile(blueprint, target).files[0]!.content));
    expect(all.filter(hasBareDollar)).toEqual([]);
    // Not vacuous: the dollars arrived, escaped (Swarm leaves out build, devices, inline config and env secret).
    expect(all.filter((s) => s.includes('$$x')).length).toBe(target === 'compose' ? 36 : 31);
  });
});
