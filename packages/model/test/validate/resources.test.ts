import { describe, expect, it } from 'vitest';
import { leavesProject } from '../../src/validate/resources';
import { check, of, svc } from '../helpers';

const mount = (type: string, source: string) =>
  `        mounts:\n          - type: ${type}\n            source: ${source}\n            target: /x\n`;

describe('CONFIG_SOURCE', () => {
  it('reports configs and secrets with no or several sources', () => {
    const body = `services:\n${svc('web')}configs:\n  none: {}\n  two:\n    file: ./a.conf\n    content: x\nsecrets:\n  none:\n    external: false\n  two:\n    environment: TOKEN\n    external: true\n`;
    const ds = of(check(body), 'CONFIG_SOURCE');
    expect(ds.map((d) => d.path.join('.'))).toEqual(['configs.none', 'configs.two.content', 'secrets.none', 'secrets.two.external']);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
    expect(ds[1]).toMatchObject({
      elementId: 'config:two',
      message: 'The config "two" has several sources (file, content); it needs exactly one.',
    });
    expect(ds[2]?.elementId).toBe('secret:none');
  });

  it('accepts exactly one source, an empty content included', () => {
    const body = `services:\n${svc('web')}configs:\n  a:\n    file: ./a.conf\n  b:\n    content: ""\n  c:\n    external: true\nsecrets:\n  a:\n    file: ./a.key\n  b:\n    environment: TOKEN\n`;
    expect(of(check(body), 'CONFIG_SOURCE')).toEqual([]);
  });
});

describe('PATH_OUTSIDE_PROJECT', () => {
  it('warns about config and secret files outside the project folder', () => {
    const body = `services:\n${svc('web')}configs:\n  a:\n    file: /etc/app.conf\nsecrets:\n  b:\n    file: ../../keys/b.key\n`;
    const ds = of(check(body), 'PATH_OUTSIDE_PROJECT');
    expect(ds.map((d) => d.path.join('.'))).toEqual(['configs.a.file', 'secrets.b.file']);
    expect(ds[0]?.severity).toBe('warning');
  });

  it.each([
    ['./a.conf', false],
    ['conf/a.conf', false],
    ['conf/../a.conf', false],
    ['../a.conf', true],
    ['conf/../../a.conf', true],
    ['/etc/a.conf', true],
    ['~/a.conf', true],
    ['C:\\app\\a.conf', true],
    ['conf\\..\\..\\a.conf', true],
  ])('leavesProject(%j) = %j', (p, expected) => {
    expect(leavesProject(p)).toBe(expected);
  });
});

describe('UNUSED_VOLUME / UNUSED_NETWORK / UNUSED_CONFIG / UNUSED_SECRET', () => {
  const declared =
    'volumes:\n  data: {}\nnetworks:\n  back: {}\nconfigs:\n  conf:\n    content: x\nsecrets:\n  key:\n    environment: KEY\n';

  it('reports declared resources nobody uses, as info', () => {
    const ds = check(`services:\n${svc('web')}${declared}`).filter((d) => d.code.startsWith('UNUSED_'));
    expect(ds.map((d) => [d.code, d.path.join('.'), d.elementId, d.severity])).toEqual([
      ['UNUSED_CONFIG', 'configs.conf', 'config:conf', 'info'],
      ['UNUSED_NETWORK', 'networks.back', 'network:back', 'info'],
      ['UNUSED_SECRET', 'secrets.key', 'secret:key', 'info'],
      ['UNUSED_VOLUME', 'volumes.data', 'volume:data', 'info'],
    ]);
    expect(ds[3]?.message).toBe('The volume "data" is declared but mounted by no service.');
  });

  it('accepts used resources, and a declared default network joined implicitly', () => {
    const container = `${mount('volume', 'data')}          - type: config\n            source: conf\n            target: /c\n          - type: secret\n            source: key\n            target: /k\n`;
    const networks = 'networks:\n  back: {}\n  default:\n    internal: true\n';
    const body = `services:\n${svc('web', '    networks: [back]\n', container)}${svc('api')}${declared.replace('networks:\n  back: {}\n', networks)}`;
    expect(check(body).filter((d) => d.code.startsWith('UNUSED_'))).toEqual([]);
  });
});
