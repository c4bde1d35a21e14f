import type { ContainerStatus, Driver, StatusEvent } from '../../src/types';
import { blueprint, IMAGE } from './harness';

/** The seed's web example as the Swarm tests deploy it (busybox httpd stands in for nginx and haproxy). */

const serve = (name: string, extra = '') => ['sh', '-c', `echo serving ${name}; ${extra}exec httpd -f -p 80 -h /www`];
const fetchBoth =
  'for i in $(seq 1 100); do wget -qO /tmp/a http://weba/ && wget -qO /tmp/b http://webb/ && break; sleep 0.2; done; cat /tmp/a /tmp/b > /www/index.html; exec httpd -f -p 80 -h /www';

export interface Variant {
  webb?: string;
  webbReplicas?: number;
  webaHealth?: boolean;
}
export const seedBlueprint = (port: number, v: Variant = {}) =>
  blueprint({
    name: 'seed-haproxy',
    configs: { page: { file: 'weba.html' } },
    secrets: { token: { file: 'token.txt' } },
    services: {
      weba: {
        ports: [{ port: 80 }],
        containers: {
          nginx: {
            image: IMAGE,
            command: v.webaHealth ? serve('weba-v2') : serve('weba', 'cp /run/page.html /www/index.html; test -s /run/secrets/token && '),
            mounts: [
              { type: 'config', source: 'page', target: '/run/page.html' },
              { type: 'secret', source: 'token', target: '/run/secrets/token' },
            ],
            ...(v.webaHealth ? { healthcheck: { test: { exec: ['false'] }, interval: '1s', retries: 1, timeout: '1s' } } : {}),
          },
        },
      },
      webb: {
        replicas: v.webbReplicas ?? 1,
        ports: [{ port: 80 }],
        rollout: { strategy: 'rolling', maxSurge: 1, failureAction: 'rollback', monitor: '2s' },
        containers: { nginx: { image: IMAGE, command: serve(v.webb ?? 'webb', `echo ${v.webb ?? 'webb'} > /www/index.html; `) } },
      },
      haproxy: {
        ports: [{ port: 80, publish: port }],
        links: [{ to: 'weba' }, { to: 'webb' }],
        containers: { haproxy: { image: IMAGE, command: ['sh', '-c', fetchBoth] } },
      },
    },
  });

// A SYN to a task that is just going away can go unanswered: every request has its own deadline.
export const pageAt = async (port: number) => (await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(3000) })).text();

/** A status stream read in the background: every event kept. */
export function record(d: Driver, p: string): { events: StatusEvent[]; stop: () => void; latest: () => Map<string, ContainerStatus> } {
  const ac = new AbortController();
  const events: StatusEvent[] = [];
  void (async () => {
    for await (const e of d.watch(p, ac.signal)) events.push(e);
  })();
  const latest = () => {
    const m = new Map<string, ContainerStatus>();
    for (const e of events) {
      if (e.kind === 'snapshot') for (const c of e.containers) m.set(`${c.elementId}#${c.replica}`, c);
      if (e.kind === 'change') m.set(`${e.status.elementId}#${e.status.replica}`, e.status);
    }
    return m;
  };
  return { events, stop: () => ac.abort(), latest };
}
