import { describe, expect, it } from 'vitest';
import { dangerousSettingsError, unacknowledged } from './acknowledge';
import { finding } from './finding';

const priv = finding('privileged', 'container:web/main', 'HostConfig.Privileged', 'true', 'root');
const sock = finding(
  'bind-engine-socket',
  'container:web/main',
  'HostConfig.Mounts[0].Source',
  '/var/run/docker.sock',
  'socket',
  '/var/run/docker.sock',
);

describe('itemised acknowledgement', () => {
  it('stable ids: code, element, and the value where an element can have several', () => {
    expect([priv.id, sock.id]).toEqual(['privileged:container:web/main', 'bind-engine-socket:container:web/main:/var/run/docker.sock']);
  });

  it('every finding must be named: none, or a subset, leaves the rest unacknowledged', () => {
    expect(unacknowledged([priv, sock], undefined)).toEqual([priv, sock]);
    expect(unacknowledged([priv, sock], [priv.id])).toEqual([sock]);
    expect(unacknowledged([priv, sock], [sock.id, priv.id])).toEqual([]);
  });

  it('an id for another value does not cover this one; unknown extra ids are ignored', () => {
    expect(unacknowledged([sock], ['bind-engine-socket:container:web/main:/srv/docker.sock'])).toEqual([sock]);
    expect(unacknowledged([priv], [priv.id, 'privileged:container:gone/main'])).toEqual([]);
  });

  it('the refusal names every missing item and carries them as data', () => {
    const e = dangerousSettingsError([priv, sock]);
    expect(e).toMatchObject({ code: 'DANGEROUS_SETTINGS', elementId: 'container:web/main', dangers: [priv, sock] });
    expect(e.message).toContain(priv.id);
    expect(e.message).toContain(sock.id);
  });
});
