import { compile } from '@blaupause/compiler';
import { type Blueprint, validate } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { emptyBlueprint } from '../templates/templates';
import { applyCommand } from './commands';
import type { Command } from './types';

function apply(bp: Blueprint, ...cmds: Command[]): Blueprint {
  const r = applyCommand(bp, { kind: 'batch', commands: cmds });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const bare = () => apply(emptyBlueprint(), { kind: 'addService', name: 'haproxy', image: 'qaware/haproxy' });

describe('port commands', () => {
  it('adds a published port that Compose maps to the host', () => {
    const bp = apply(bare(), { kind: 'addPort', service: 'haproxy', port: 80, publish: 80 });
    expect(bp.services.haproxy?.ports).toEqual([{ port: 80, protocol: 'tcp', publish: 80 }]);
    expect(validate(bp).filter((d) => d.severity === 'error')).toEqual([]);
    expect(compile(bp, 'compose').files[0]?.content).toMatch(/ports:\n\s+- target: 80\n\s+published: 80\n/);
  });

  it('adds an unpublished port, and refuses a duplicate or an out-of-range number without changing anything', () => {
    const bp = apply(bare(), { kind: 'addPort', service: 'haproxy', port: 8080 });
    expect(bp.services.haproxy?.ports).toEqual([{ port: 8080, protocol: 'tcp' }]);
    expect(applyCommand(bp, { kind: 'addPort', service: 'haproxy', port: 8080, publish: 80 })).toMatchObject({ ok: false });
    expect(applyCommand(bp, { kind: 'addPort', service: 'haproxy', port: 0 })).toMatchObject({ ok: false });
    expect(applyCommand(bp, { kind: 'addPort', service: 'haproxy', port: 80, publish: 70_000 })).toMatchObject({ ok: false });
    expect(applyCommand(bp, { kind: 'addPort', service: 'nope', port: 80 })).toMatchObject({ ok: false });
  });

  it('removes a port; the last one takes the ports key with it', () => {
    const two = apply(
      bare(),
      { kind: 'addPort', service: 'haproxy', port: 80, publish: 80 },
      { kind: 'addPort', service: 'haproxy', port: 443 },
    );
    expect(apply(two, { kind: 'removePort', service: 'haproxy', port: 80 }).services.haproxy?.ports).toEqual([
      { port: 443, protocol: 'tcp' },
    ]);
    const none = apply(two, { kind: 'removePort', service: 'haproxy', port: 80 }, { kind: 'removePort', service: 'haproxy', port: 443 });
    expect(none.services.haproxy).not.toHaveProperty('ports');
    expect(applyCommand(none, { kind: 'removePort', service: 'haproxy', port: 80 })).toMatchObject({ ok: false });
  });
});
