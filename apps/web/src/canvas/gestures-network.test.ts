import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands';
import { templateBlueprint } from '../templates/templates';
import { connectionCommand, deletionCommand } from './gestures';

const withNetwork = () => {
  const r = applyCommand(templateBlueprint('seed-compose'), {
    kind: 'batch',
    commands: [
      { kind: 'addNetwork', name: 'backend' },
      { kind: 'joinNetwork', service: 'weba', network: 'backend' },
      { kind: 'joinNetwork', service: 'webb', network: 'backend' },
    ],
  });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('network gestures as commands', () => {
  it('connecting a service to a network joins it; only services connect to networks', () => {
    const cmd = connectionCommand('service:haproxy', 'network:backend');
    expect(cmd).toEqual({ kind: 'joinNetwork', service: 'haproxy', network: 'backend' });
    const r = cmd && applyCommand(withNetwork(), cmd);
    expect(r?.ok && r.value.services.haproxy?.networks).toEqual(['backend']);
    expect(connectionCommand('network:backend', 'service:weba')).toBeUndefined();
    expect(connectionCommand('volume:data', 'network:backend')).toBeUndefined();
  });

  it('deleting a membership edge leaves the network; deleting the network node removes it and every membership', () => {
    const leave = deletionCommand([], ['join:weba->backend']);
    expect(leave).toEqual({ kind: 'leaveNetwork', service: 'weba', network: 'backend' });
    const left = leave && applyCommand(withNetwork(), leave);
    expect(left?.ok && left.value.services.weba?.networks).toBeUndefined();

    const gone = deletionCommand(['network:backend'], ['join:weba->backend', 'join:webb->backend']);
    const r = gone && applyCommand(withNetwork(), gone);
    expect(r?.ok && r.value.networks).toBeUndefined();
    expect(r?.ok && Object.values(r.value.services).some((s) => s.networks)).toBe(false);
  });

  it('deleting a service with its membership edge does not leave the network first', () => {
    const cmd = deletionCommand(['service:weba'], ['join:weba->backend']);
    expect(cmd).toEqual({ kind: 'removeService', name: 'weba' });
    expect(cmd && applyCommand(withNetwork(), cmd).ok).toBe(true);
  });
});
