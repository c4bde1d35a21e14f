import { describe, expect, test } from 'vitest';
import { parseCommandLine } from '../src/args';

describe('parseCommandLine: the engine commands', () => {
  test('deploy and plan take one FILE and an optional --project / -p', () => {
    expect(parseCommandLine(['deploy', 'a.blueprint.yaml'])).toEqual({
      kind: 'deploy',
      file: 'a.blueprint.yaml',
      allowDangerous: [],
      json: false,
    });
    expect(parseCommandLine(['deploy', 'compose.yaml', '--project', 'shop', '--json'])).toEqual({
      kind: 'deploy',
      file: 'compose.yaml',
      project: 'shop',
      allowDangerous: [],
      json: true,
    });
    expect(parseCommandLine(['plan', '-p', 'shop-2', 'a.yaml'])).toEqual({ kind: 'plan', file: 'a.yaml', project: 'shop-2', json: false });
  });

  test('deploy --allow-dangerous takes ids, repeated or comma-separated', () => {
    expect(
      parseCommandLine([
        'deploy',
        'a.yaml',
        '--allow-dangerous',
        'privileged:container:web/main,cap-add:container:web/main:NET_ADMIN',
        '--allow-dangerous=device:container:x/x:/dev/fuse',
      ]),
    ).toMatchObject({
      allowDangerous: ['privileged:container:web/main', 'cap-add:container:web/main:NET_ADMIN', 'device:container:x/x:/dev/fuse'],
    });
  });

  test('status takes an optional PROJECT, --watch / -w and --json', () => {
    expect(parseCommandLine(['status'])).toEqual({ kind: 'status', watch: false, json: false });
    expect(parseCommandLine(['status', 'shop', '-w'])).toEqual({ kind: 'status', project: 'shop', watch: true, json: false });
    expect(parseCommandLine(['status', '--watch', '--json'])).toEqual({ kind: 'status', watch: true, json: true });
  });

  test('down keeps volumes unless named, by list or all', () => {
    expect(parseCommandLine(['down', 'shop'])).toEqual({ kind: 'down', project: 'shop', volumes: [], json: false });
    expect(parseCommandLine(['down', 'shop', '--volumes', 'db, cache'])).toEqual({
      kind: 'down',
      project: 'shop',
      volumes: ['db', 'cache'],
      json: false,
    });
    expect(parseCommandLine(['down', 'shop', '--all-volumes'])).toEqual({ kind: 'down', project: 'shop', volumes: 'all', json: false });
  });

  test('logs takes PROJECT SERVICE and --container, --tail, --follow', () => {
    expect(parseCommandLine(['logs', 'shop', 'web'])).toEqual({
      kind: 'logs',
      project: 'shop',
      service: 'web',
      follow: false,
      json: false,
    });
    expect(parseCommandLine(['logs', 'shop', 'web', '-c', 'proxy', '-n', '20', '-f'])).toEqual({
      kind: 'logs',
      project: 'shop',
      service: 'web',
      container: 'proxy',
      tail: 20,
      follow: true,
      json: false,
    });
    expect(parseCommandLine(['logs', 'shop', 'web', '--tail', '0'])).toMatchObject({ tail: 0 });
  });

  test('serve takes --port', () => {
    expect(parseCommandLine(['serve'])).toEqual({ kind: 'serve' });
    expect(parseCommandLine(['serve', '--port', '8080'])).toEqual({ kind: 'serve', port: 8080 });
  });

  test('--help on an engine command shows its help', () => {
    for (const c of ['deploy', 'plan', 'status', 'down', 'logs', 'serve'])
      expect(parseCommandLine([c, '--bogus', '--help'])).toEqual({ kind: 'help', command: c });
  });

  const usage: [string[], string][] = [
    [['deploy'], 'deploy needs exactly one FILE (got 0 arguments)'],
    [['deploy', 'a.yaml', 'b.yaml'], 'deploy needs exactly one FILE (got 2 arguments)'],
    [
      ['deploy', 'a.yaml', '--project', 'Shop_1'],
      '--project "Shop_1" is not a valid name (lower-case letters, digits and "-", at most 63)',
    ],
    [['deploy', 'a.yaml', '--project='], '--project needs a non-empty value'],
    [['plan', 'a.yaml', '--watch'], 'unknown option --watch'],
    [['plan', 'a.yaml', '--allow-dangerous', 'x'], 'unknown option --allow-dangerous'],
    [['deploy', 'a.yaml', '--allow-dangerous', 'a,,b'], '--allow-dangerous needs the ids of dangerous settings (see blaupause plan)'],
    [['status', 'a', 'b'], 'status takes at most one PROJECT (got 2)'],
    [['status', '-bad'], 'unknown option -b'],
    [['down'], 'down needs exactly one PROJECT (got 0)'],
    [['down', 'shop', '--volumes', 'db', '--all-volumes'], 'use either --volumes NAME,... or --all-volumes, not both'],
    [['down', 'shop', '--volumes', ','], '--volumes needs at least one volume name'],
    [['down', 'shop', '--volumes', '../x'], '--volumes: "../x" is not a volume name'],
    [['logs', 'shop'], 'logs needs PROJECT and SERVICE (got 1 argument)'],
    [['logs', 'shop', 'web', '--tail', '-3'], 'option --tail needs a value'],
    [['logs', 'shop', 'web', '--tail', 'ten'], '--tail "ten" is not a number of lines'],
    [['logs', 'shop', 'Web'], 'service "Web" is not a valid name (lower-case letters, digits and "-", at most 63)'],
    [['serve', '--port', '70000'], '--port "70000" is not a port number (1–65535)'],
    [['serve', '--port', '80x'], '--port "80x" is not a port number (1–65535)'],
    [['serve', 'now'], 'serve takes no arguments (got now)'],
  ];
  test.each(usage)('%j is a usage error', (argv, message) => {
    expect(parseCommandLine(argv)).toEqual({ kind: 'usage', message, command: argv[0] });
  });
});

describe('parseCommandLine: --target', () => {
  test('names the deploy target of every engine command; docker when not given', () => {
    expect(parseCommandLine(['deploy', 'a.yaml', '--target', 'podman-kube'])).toMatchObject({ kind: 'deploy', target: 'podman-kube' });
    expect(parseCommandLine(['plan', 'a.yaml', '-t', 'swarm'])).toMatchObject({ kind: 'plan', target: 'swarm' });
    expect(parseCommandLine(['status', 'shop', '--target=kubernetes'])).toMatchObject({ kind: 'status', target: 'kubernetes' });
    expect(parseCommandLine(['down', 'shop', '--target', 'swarm'])).toMatchObject({ kind: 'down', target: 'swarm' });
    expect(parseCommandLine(['logs', 'shop', 'web', '--target', 'swarm'])).toMatchObject({ kind: 'logs', target: 'swarm' });
    expect(parseCommandLine(['deploy', 'a.yaml'])).not.toHaveProperty('target');
  });

  test('an unknown target is a usage error naming the known ones', () => {
    expect(parseCommandLine(['deploy', 'a.yaml', '--target', 'nomad'])).toMatchObject({
      kind: 'usage',
      message: '--target "nomad" is not a target (docker, swarm, podman-kube, kubernetes)',
    });
  });
});

describe('parseCommandLine: --context', () => {
  test('names a kubeconfig context for the kubernetes target only', () => {
    expect(parseCommandLine(['deploy', 'a.yaml', '--target', 'kubernetes', '--context', 'prod'])).toMatchObject({
      target: 'kubernetes',
      context: 'prod',
    });
    expect(parseCommandLine(['deploy', 'a.yaml', '--context', 'prod'])).toMatchObject({
      kind: 'usage',
      message: expect.stringContaining('--target kubernetes'),
    });
  });
});
