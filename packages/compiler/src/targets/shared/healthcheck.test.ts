import { describe, expect, it } from 'vitest';
import { dockerHealthcheck, dockerHealthTest, shellQuote } from './healthcheck';

describe('dockerHealthTest', () => {
  it('runs an exec probe as CMD with its argv', () => {
    expect(dockerHealthTest({ exec: ['redis-cli', 'ping'] })).toEqual({ test: ['CMD', 'redis-cli', 'ping'] });
  });

  it('runs a shell probe as CMD-SHELL, unchanged', () => {
    expect(dockerHealthTest({ shell: 'pg_isready -U "$USER" || exit 1' })).toEqual({
      test: ['CMD-SHELL', 'pg_isready -U "$USER" || exit 1'],
    });
  });

  it('approximates an HTTP probe with wget (a GET, any failure = unhealthy)', () => {
    const r = dockerHealthTest({ http: { port: 8080, path: '/healthz' } });
    expect(r.test).toEqual(['CMD-SHELL', 'wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1']);
    expect(r.approximation).toContain('wget');
  });

  it('skips certificate checks for https, as Kubernetes httpGet does', () => {
    expect(dockerHealthTest({ http: { port: 8443, path: '/', scheme: 'https' } }).test).toEqual([
      'CMD-SHELL',
      'wget -q --no-check-certificate -O /dev/null https://127.0.0.1:8443/ || exit 1',
    ]);
  });

  it('quotes a URL the shell would otherwise split or expand', () => {
    expect(dockerHealthTest({ http: { port: 80, path: "/a?b=1&c='d'" } }).test[1]).toBe(
      `wget -q -O /dev/null 'http://127.0.0.1:80/a?b=1&c='\\''d'\\''' || exit 1`,
    );
  });

  it('approximates a TCP probe with nc -z', () => {
    const r = dockerHealthTest({ tcp: { port: 5432 } });
    expect(r.test).toEqual(['CMD-SHELL', 'nc -z 127.0.0.1 5432 || exit 1']);
    expect(r.approximation).toContain('nc -z');
  });
});

describe('dockerHealthcheck', () => {
  it('passes durations through in Go syntax and renames startPeriod', () => {
    expect(
      dockerHealthcheck({ test: { exec: ['true'] }, interval: '1m30s', timeout: '500ms', retries: 5, startPeriod: '30s', liveness: true }),
    ).toEqual({ value: { test: ['CMD', 'true'], interval: '1m30s', timeout: '500ms', retries: 5, start_period: '30s' } });
  });

  it('leaves unset timings out, so the engine defaults apply', () => {
    expect(dockerHealthcheck({ test: { shell: 'true' } })).toEqual({ value: { test: ['CMD-SHELL', 'true'] } });
  });
});

describe('shellQuote', () => {
  it.each([
    ['plain', 'plain'],
    ['http://x:80/a.b', 'http://x:80/a.b'],
    ['a b', "'a b'"],
    ['$HOME', "'$HOME'"],
    ["it's", `'it'\\''s'`],
    ['', "''"],
  ])('%j → %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });
});
