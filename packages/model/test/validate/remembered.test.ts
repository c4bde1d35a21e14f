import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Blueprint } from '../../src/schema/blueprint';
import type { Service } from '../../src/schema/service';
import { validate } from '../../src/validate/validate';
import { blueprint, svc } from '../helpers';

// Services that each trip per-service checks (containers, duplicates, dangerous, pods, scaling,
// parameters) and some that trip none.
const VARIANTS = [
  svc('x'),
  svc('x', '    hostNetwork: true\n    replicas: 3\n    scaling:\n      min: 5\n      max: 2\n'),
  `  x:\n    containers:\n      main:\n        image: "Not/A Valid:image"\n        capAdd: [NET_ADMIN, cap_net_admin]\n        privileged: true\n`,
  svc('x', '    profiles: [a, a]\n', '        args: ["${UNDECLARED}", "${broken"]\n'),
  `  x:\n    containers:\n      one:\n        image: nginx:1.27\n        role: sidecar\n      two:\n        role: adapter\n`,
  `  x:\n    mode: global\n    replicas: 2\n    containers:\n      a:\n        image: nginx:1.27\n      b:\n        image: nginx:1.27\n`,
  svc('x', '    rollout:\n      strategy: canary\n      canary:\n        image: "BAD IMAGE"\n        replicas: 1\n'),
];

describe('validate() over a document edited as the canvas does (services kept by identity)', () => {
  it('reports exactly what a fresh document gives after every edit: services renamed, replaced, moved, removed', () => {
    const pool: Service[] = VARIANTS.map((v) => {
      const s = blueprint(`services:\n${v}`).services.x;
      if (!s) throw new Error('variant without service');
      return s;
    });
    let reported = 0;
    // Each step: [kind of edit, which service, which pool entry] — a fixed seed, so a failure repeats.
    const steps = fc.array(fc.tuple(fc.nat(4), fc.nat(), fc.nat(pool.length - 1)), { minLength: 80, maxLength: 80 });
    for (const [seed, edits] of fc.sample(steps, { numRuns: 5, seed: 20261129 }).entries()) {
      let bp: Blueprint = blueprint(`services:\n${svc('a')}${svc('b')}`);
      let next = 0;
      for (const [step, [kind, at, p]] of edits.entries()) {
        const names = Object.keys(bp.services);
        const entries = Object.entries(bp.services);
        const pick = names[at % names.length] as string;
        const kept = pool[p] as Service;
        let services: Record<string, Service>;
        switch (kind) {
          case 0: // a service (a kept object of the pool) added
            services = { ...bp.services, [`s${next++}`]: kept };
            break;
          case 1: // renamed: the same object under a new name, in place
            services = Object.fromEntries(entries.map(([n, s]) => [n === pick ? `s${next++}` : n, s]));
            break;
          case 2: // replaced by another object
            services = { ...bp.services, [pick]: kept };
            break;
          case 3: // removed (one is kept)
            services = names.length > 1 ? Object.fromEntries(entries.filter(([n]) => n !== pick)) : bp.services;
            break;
          default: // moved to the end (document order)
            services = Object.fromEntries([...entries.filter(([n]) => n !== pick), [pick, bp.services[pick] as Service]]);
        }
        bp = { ...bp, services };
        // A structured copy: every object new, so nothing remembered applies.
        const fresh = validate(structuredClone(bp));
        expect(validate(bp), `run ${seed} step ${step}`).toEqual(fresh);
        reported += fresh.length;
      }
    }
    // The pool trips the checks: the comparison is over many reports, not empty lists.
    expect(reported).toBeGreaterThan(500);
  });
});
