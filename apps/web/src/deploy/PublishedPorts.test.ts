import { describe, expect, it } from 'vitest';
import { portUrl } from './PublishedPorts';

describe('portUrl', () => {
  it('links TCP ports; a wildcard address is reached on loopback; UDP is not a link', () => {
    expect(portUrl('127.0.0.1:8080->80/tcp')).toBe('http://127.0.0.1:8080/');
    expect(portUrl('0.0.0.0:8080->80/tcp')).toBe('http://127.0.0.1:8080/');
    expect(portUrl('127.0.0.1:5353->53/udp')).toBeUndefined();
  });
});
