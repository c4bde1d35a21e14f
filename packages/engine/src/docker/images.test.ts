import { describe, expect, it } from 'vitest';
import { pullFailureHint } from './images';

describe('pullFailureHint', () => {
  it('says there is no network to the registry, not to log in, when the engine cannot reach it', () => {
    for (const message of [
      'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: no such host',
      'Get "https://registry-1.docker.io/v2/": dial tcp 54.1.2.3:443: connect: connection refused',
      'Get "https://registry-1.docker.io/v2/": dial tcp 54.1.2.3:443: i/o timeout',
      'Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    ]) {
      const hint = pullFailureHint(message);
      expect(hint).toMatch(/^No network to the registry: build or load the image locally \(docker load \/ docker build/);
      expect(hint).not.toMatch(/login/);
    }
  });

  it('names the login for a registry that refuses, and the name and tag for one without the image', () => {
    expect(pullFailureHint("pull access denied for acme/private, repository does not exist or may require 'docker login'")).toMatch(
      /docker login/,
    );
    expect(pullFailureHint('manifest for busybox:nope not found: manifest unknown: manifest unknown')).toMatch(/no such name or tag/);
  });
});
