import { describe, expect, it } from 'vitest';
import { normalise, parsePodmanEvent } from '../../src/podman/status';

/** libpod's event records (as Podman 4.3 sends them) mapped to the Docker state machine's events. */
const labels = {
  'dev.blaupause.managed': 'true',
  'dev.blaupause.project': 'demo',
  'dev.blaupause.service': 'web',
  'dev.blaupause.pod': 'demo-web',
};
const record = (Action: string, extra: Record<string, string> = {}) => ({
  status: Action,
  id: 'c1',
  Type: 'container',
  Action,
  Actor: {
    ID: 'c1',
    Attributes: { ...labels, containerExitCode: '0', image: 'localhost/busybox:1', name: 'demo-web-git-sync', podId: 'p1', ...extra },
  },
  scope: 'local',
  time: 1795891163,
  timeNano: 1795891163226950400,
});

describe('parsePodmanEvent', () => {
  it('maps died with its containerExitCode, and names the element from the pod label and container name', () => {
    const p = parsePodmanEvent(record('died', { containerExitCode: '3' }));
    expect(p?.ev).toMatchObject({
      id: 'c1',
      action: 'die',
      exitCode: 3,
      image: 'localhost/busybox:1',
      identity: { project: 'demo', service: 'web', container: 'git-sync', replica: 1, elementId: 'container:web/git-sync' },
    });
  });

  it('maps start, create, kill, remove → destroy and health_status by its attribute; ignores init, cleanup and other types', () => {
    expect(parsePodmanEvent(record('start'))?.ev.action).toBe('start');
    expect(parsePodmanEvent(record('create'))?.ev.action).toBe('create');
    expect(parsePodmanEvent(record('kill'))?.ev.action).toBe('kill');
    expect(parsePodmanEvent(record('remove'))?.ev.action).toBe('destroy');
    expect(parsePodmanEvent(record('health_status', { health_status: 'unhealthy' }))?.ev.action).toBe('unhealthy');
    expect(parsePodmanEvent(record('health_status', { health_status: 'starting' }))).toBeUndefined();
    expect(parsePodmanEvent(record('init'))).toBeUndefined();
    expect(parsePodmanEvent(record('cleanup'))).toBeUndefined();
    expect(parsePodmanEvent({ ...record('start'), Type: 'pod' })).toBeUndefined();
    expect(parsePodmanEvent('not an event')).toBeUndefined();
  });
});

describe('normalise', () => {
  it("drops Podman's empty State.Health (no health check) and keeps a real one", () => {
    expect(normalise({ Id: 'x', State: { Running: true, Health: { Status: '' } } }).State).toEqual({ Running: true });
    expect(normalise({ Id: 'x', State: { Running: true, Health: { Status: 'starting' } } }).State?.Health?.Status).toBe('starting');
  });
});
