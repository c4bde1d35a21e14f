import { readYaml } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { parseConstraint } from '../../src/import/compose/canonical/deploy';
import { splitSpec } from '../../src/import/compose/canonical/mounts';
import { parseShortPort } from '../../src/import/compose/canonical/ports';
import { ImportContext } from '../../src/import/compose/context';
import { fileMode, fileModeText } from '../../src/import/compose/file-mode';
import { nameFromFile, planNames, toDnsLabel } from '../../src/import/compose/names';
import { shellSplit } from '../../src/import/compose/shell-words';
import { bytesToQuantity, parseBytes } from '../../src/import/compose/values';

describe('shellSplit (compose-go / go-shellwords)', () => {
  it('splits on whitespace and honours quotes and backslashes', () => {
    expect(shellSplit(`node server.js --name 'my app' --msg "say \\"hi\\"" a\\ b`)).toEqual({
      ok: true,
      args: ['node', 'server.js', '--name', 'my app', '--msg', 'say "hi"', 'a b'],
    });
    expect(shellSplit(`/bin/bash -c "envsubst < /tmp/a > /tmp/b && nginx -g 'daemon off;'"`)).toEqual({
      ok: true,
      args: ['/bin/bash', '-c', "envsubst < /tmp/a > /tmp/b && nginx -g 'daemon off;'"],
    });
    expect(shellSplit(`a "" ''`)).toEqual({ ok: true, args: ['a', '', ''] });
    expect(shellSplit('echo $(date +%s) `id -u`')).toEqual({ ok: true, args: ['echo', '$(date +%s)', '`id -u`'] });
  });

  it('stops at an unquoted shell operator, as Compose does, and returns the rest', () => {
    expect(shellSplit('echo a && echo b')).toEqual({ ok: true, args: ['echo', 'a'], rest: '&& echo b' });
    expect(shellSplit('run 2>&1')).toEqual({ ok: true, args: ['run'], rest: '2>&1' });
  });

  it('keeps a ${...} parameter one word and refuses unclosed quotes', () => {
    expect(shellSplit('echo ${MSG:-hello world}')).toEqual({ ok: true, args: ['echo', '${MSG:-hello world}'] });
    expect(shellSplit('echo "open').ok).toBe(false);
    expect(shellSplit('echo (x)').ok).toBe(false);
  });
});

describe('names', () => {
  it('converts to DNS-1123 labels', () => {
    expect(toDnsLabel('Web_App.v2')).toBe('web-app-v2');
    expect(toDnsLabel('-_x_-')).toBe('x');
    expect(toDnsLabel('a'.repeat(70))).toBe('a'.repeat(63));
    expect(toDnsLabel('Ünïcode')).toBe('n-code');
  });

  it('keeps valid names and makes converted ones unique', () => {
    expect([...planNames(['db_data', 'db-data', 'DB_DATA', '__'], 'volume')]).toEqual([
      ['db-data', 'db-data'],
      ['db_data', 'db-data-2'],
      ['DB_DATA', 'db-data-3'],
      ['__', 'volume'],
    ]);
  });

  it('derives a blueprint name from the file name', () => {
    expect(nameFromFile('examples/shop.compose.yaml')).toBe('shop');
    expect(nameFromFile('C:\\x\\docker-compose.prod.yml')).toBe('prod');
    expect(nameFromFile('docker-compose.yml')).toBe('');
    expect(nameFromFile('compose.yaml')).toBe('');
    expect(nameFromFile('My_Stack.yml')).toBe('my-stack');
    expect(nameFromFile('pihole-cloudflared-DoH.compose.yaml')).toBe('pihole-cloudflared-doh');
  });
});

describe('short syntax parsers', () => {
  it('parses port specs', () => {
    expect(parseShortPort('80')).toEqual({ target: '80', protocol: 'tcp' });
    expect(parseShortPort('8080:80/UDP')).toEqual({ target: '80', published: '8080', protocol: 'udp' });
    expect(parseShortPort('127.0.0.1:8080:80')).toEqual({ hostIp: '127.0.0.1', target: '80', published: '8080', protocol: 'tcp' });
    expect(parseShortPort('127.0.0.1::80')).toEqual({ hostIp: '127.0.0.1', target: '80', protocol: 'tcp' });
    expect(parseShortPort('[::1]:53:53/udp')).toEqual({ hostIp: '::1', target: '53', published: '53', protocol: 'udp' });
    expect(parseShortPort('fe80::1:8080:80')).toEqual({ hostIp: 'fe80::1', target: '80', published: '8080', protocol: 'tcp' });
    expect(parseShortPort('[::1]80')).toBeUndefined();
  });

  it('splits volume specs, keeping drive letters and ${...} whole', () => {
    expect(splitSpec('data:/data:ro')).toEqual(['data', '/data', 'ro']);
    expect(splitSpec('C:\\data:/data')).toEqual(['C:\\data', '/data']);
    expect(splitSpec('${DIR:-/srv:x}:/data')).toEqual(['${DIR:-/srv:x}', '/data']);
  });

  it('parses placement constraints into blueprint labels', () => {
    expect(parseConstraint('node.labels.disk==ssd')).toEqual({ label: 'disk', op: '==', value: 'ssd' });
    expect(parseConstraint(' node.role != worker ')).toEqual({ label: 'role', op: '!=', value: 'worker' });
    expect(parseConstraint('node.platform.os == linux')).toEqual({ label: 'os', op: '==', value: 'linux' });
    expect(parseConstraint('engine.labels.gpu == yes')).toEqual({ label: 'engine.labels.gpu', op: '==', value: 'yes' });
    expect(parseConstraint('node.role')).toBeUndefined();
  });
});

describe('sizes', () => {
  it('reads Docker byte values with binary units and writes exact quantities', () => {
    expect(parseBytes('1.5G')).toBe(1610612736n);
    expect(parseBytes('512m')).toBe(536870912n);
    expect(parseBytes('1gb')).toBe(1073741824n);
    expect(parseBytes('100')).toBe(100n);
    expect(parseBytes('12x')).toBeUndefined();
    expect(bytesToQuantity(1610612736n)).toBe('1536Mi');
    expect(bytesToQuantity(1073741824n)).toBe('1Gi');
    expect(bytesToQuantity(1536n)).toBe('1536');
    expect(bytesToQuantity(0n)).toBe('0');
  });
});

describe('file modes (Compose reads them as octal)', () => {
  it('reads an unquoted 0440 as 0o440 from the text as written', () => {
    expect(fileMode(440, '0440')).toBe(0o440);
    expect(fileMode(288, '0o440')).toBe(0o440);
    expect(fileMode(440, '440')).toBe(440);
    expect(fileMode('0440', '"0440"')).toBe(0o440);
    expect(fileMode('rw', 'rw')).toBeUndefined();
  });

  it('finds the text of a mode in the source', () => {
    const text = 'services:\n  a:\n    secrets:\n      - source: s\n        mode: 0440\n      - {source: t, mode: 0755}\n';
    const r = readYaml(text);
    if (!r.ok) throw new Error('unreadable');
    const ctx = new ImportContext(r.value, {}, text);
    expect(fileModeText(ctx, 440, ['services', 'a', 'secrets', 0, 'mode'])).toBe('0o440');
    expect(fileModeText(ctx, 755, ['services', 'a', 'secrets', 1, 'mode'])).toBe('0o755');
  });
});
