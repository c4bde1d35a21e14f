import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

describe('readConfig', () => {
  it('defaults to port 4310 on loopback; --port beats PORT', () => {
    const r = readConfig([], { HOME: '/home/u' });
    expect(r).toMatchObject({ ok: true, config: { host: '127.0.0.1', port: 4310, devOrigins: [] } });
    expect(readConfig(['--port', '5000'], { PORT: '6000' })).toMatchObject({ ok: true, config: { port: 5000 } });
    expect(readConfig([], { PORT: '6000' })).toMatchObject({ ok: true, config: { port: 6000 } });
  });

  it('takes the workspace from BLAUPAUSE_WORKSPACE, else ~/.blaupause/workspace', () => {
    expect(readConfig([], { BLAUPAUSE_WORKSPACE: '/srv/bp' })).toMatchObject({ config: { workspaceDir: '/srv/bp' } });
    const r = readConfig([], {});
    expect(r.ok && r.config.workspaceDir.endsWith('/.blaupause/workspace')).toBe(true);
  });

  it.each([
    [['--port', '0']],
    [['--port', '70000']],
    [['--port', 'x']],
    [['--dev-origin', 'http://evil.test:5173']],
    [['--dev-origin', 'https://127.0.0.1:5173']],
    [['--host', '0.0.0.0']],
  ])('refuses %j', (argv) => {
    expect(readConfig(argv, {}).ok).toBe(false);
  });

  it('accepts only a 256-bit hex BLAUPAUSE_TOKEN', () => {
    expect(readConfig([], { BLAUPAUSE_TOKEN: 'short' }).ok).toBe(false);
    expect(readConfig([], { BLAUPAUSE_TOKEN: 'a'.repeat(64) })).toMatchObject({ config: { token: 'a'.repeat(64) } });
  });
});
