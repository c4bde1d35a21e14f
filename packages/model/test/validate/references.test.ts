import { describe, expect, it } from 'vitest';
import { validate, validateReferences } from '../../src/validate/validate';
import { blueprint, codes, svc } from '../helpers';

const links = (...items: string[]) => `    links:\n${items.map((i) => `      - ${i}\n`).join('')}`;
const mount = (type: string, source: string, target: string) =>
  `          - type: ${type}\n            source: ${source}\n            target: ${target}\n`;

/** Every reference problem validateReferences() is for, beside problems of other checks (privileged, unused, parameters). */
const body = [
  'services:',
  svc('a', links('to: b')).trimEnd(),
  svc('b', links('to: a', 'to: b', 'to: ghost')).trimEnd(),
  svc('db').trimEnd(),
  svc('web', `${links('to: db\n        condition: healthy')}    networks: [nowhere]\n`).trimEnd(),
  `        privileged: true\n        env:\n          URL: \${UNDECLARED}\n        mounts:\n${mount('volume', 'nodata', '/data')}${mount('config', 'noconf', '/etc/c')}${mount('secret', 'nokey', '/run/k')}`.trimEnd(),
  '  broken:\n    containers:\n      main:\n        args: [x]\n      side:\n        role: sidecar\n        image: "Bad:Ref"',
  'volumes:\n  unused: {}',
  '',
].join('\n');

const REFERENCE_CODES = [
  'DEPENDENCY_CYCLE',
  'DANGLING_LINK',
  'SELF_LINK',
  'NO_HEALTHCHECK',
  'DANGLING_VOLUME',
  'DANGLING_CONFIG',
  'DANGLING_SECRET',
  'DANGLING_NETWORK',
  'MISSING_IMAGE',
  'INVALID_IMAGE_REF',
];

describe('validateReferences', () => {
  const bp = blueprint(body);

  it('finds every reference problem', () => {
    expect(new Set(codes(validateReferences(bp)))).toEqual(new Set(REFERENCE_CODES));
  });

  it("equals validate()'s diagnostics of those codes, in the same order", () => {
    const all = validate(bp);
    // The blueprint has problems of other checks too, which validateReferences() does not run.
    expect(codes(all).filter((c) => !REFERENCE_CODES.includes(c)).length).toBeGreaterThan(0);
    expect(validateReferences(bp)).toEqual(all.filter((d) => REFERENCE_CODES.includes(d.code)));
  });
});
