import { describe, expect, it } from 'vitest';
import { loadBlueprint } from '../../src/load';
import { scanReferences } from '../../src/validate/parameters';
import { validate } from '../../src/validate/validate';
import { blueprint, check, of, svc } from '../helpers';

describe('UNKNOWN_PARAMETER', () => {
  it('warns about ${NAME} references to undeclared parameters, at the exact value', () => {
    const container = '        env:\n          DB: "postgres://${DB_HOST}:${DB_PORT:-5432}/app"\n        args: ["--tag=${TAG}"]\n';
    const body = `parameters:\n  TAG:\n    default: latest\nservices:\n${svc('web', '', container)}configs:\n  c:\n    content: "user=\${DB_USER}"\n`;
    const ds = of(check(body), 'UNKNOWN_PARAMETER');
    expect(ds.map((d) => [d.path.join('.'), d.message])).toEqual([
      ['configs.c.content', '${DB_USER} at configs.c.content names no parameter of the blueprint.'],
      ['services.web.containers.main.env.DB', '${DB_HOST} at services.web.containers.main.env.DB names no parameter of the blueprint.'],
      ['services.web.containers.main.env.DB', '${DB_PORT} at services.web.containers.main.env.DB names no parameter of the blueprint.'],
    ]);
    expect(ds[1]).toMatchObject({ severity: 'warning', elementId: 'container:web/main' });
    expect(ds[0]?.elementId).toBe('config:c');
  });

  it('reports a service kept from the last document (its walk remembered) under the name it has now, and its new version afresh', () => {
    const bp = blueprint(`services:\n${svc('web', '', `        args: ["\${A}"]\n`)}${svc('api')}`);
    const paths = (ds: ReturnType<typeof validate>) => of(ds, 'UNKNOWN_PARAMETER').map((d) => `${d.path.join('.')} ${d.message}`);
    expect(paths(validate(bp))).toEqual([
      'services.web.containers.main.args.0 ${A} at services.web.containers.main.args.0 names no parameter of the blueprint.',
    ]);
    const web = bp.services.web;
    if (!web) throw new Error('no web');
    // Renamed: the same service object under another name.
    const renamed = { ...bp, services: { front: web, api: bp.services.api } } as typeof bp;
    expect(paths(validate(renamed))).toEqual([
      'services.front.containers.main.args.0 ${A} at services.front.containers.main.args.0 names no parameter of the blueprint.',
    ]);
    // Edited: a new object along the path.
    const main = web.containers.main;
    if (!main) throw new Error('no main');
    const edited = {
      ...bp,
      services: { ...bp.services, web: { ...web, containers: { main: { ...main, args: ['${B}', '${A'] } } } },
    } as typeof bp;
    expect(paths(validate(edited))).toEqual([
      'services.web.containers.main.args.0 ${B} at services.web.containers.main.args.0 names no parameter of the blueprint.',
    ]);
    expect(of(validate(edited), 'INTERPOLATION_SYNTAX').map((d) => d.path.join('.'))).toEqual(['services.web.containers.main.args.1']);
    // Declared now: the same service objects, no warning.
    expect(paths(validate({ ...bp, parameters: { A: {} } } as typeof bp))).toEqual([]);
  });

  it('ignores escaped dollars and declared parameters', () => {
    const body = `parameters:\n  TAG: {}\nservices:\n${svc('web', '    description: "costs ${PRICE}"\n', '        args: ["$${HOME}", "${TAG}", "$$$${X}"]\n')}`;
    const ds = check(body);
    expect(of(ds, 'UNKNOWN_PARAMETER').map((d) => d.message)).toEqual([
      '${PRICE} at services.web.description names no parameter of the blueprint.',
    ]);
  });

  it('does not look into metadata and layout, which never reach a target', () => {
    const r = loadBlueprint(
      `apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n  name: t\n  description: "\${A}"\n  labels:\n    x: "\${B}"\nservices:\n${svc('web')}`,
    );
    expect(r.blueprint?.metadata.description).toBe('${A}');
    expect(of(r.diagnostics, 'UNKNOWN_PARAMETER')).toEqual([]);
  });

  it('warns about malformed expressions', () => {
    const ds = of(check(`services:\n${svc('web', '', '        args: ["${", "${1X}", "${A"]\n')}`), 'INTERPOLATION_SYNTAX');
    expect(ds.map((d) => d.path.join('.'))).toEqual([
      'services.web.containers.main.args.0',
      'services.web.containers.main.args.1',
      'services.web.containers.main.args.2',
    ]);
  });

  it.each([
    ['plain', [], false],
    ['${A}', ['A'], false],
    ['${A:-x} ${B-y} ${C:?e} ${D?e} ${E:+a} ${F+a}', ['A', 'B', 'C', 'D', 'E', 'F'], false],
    ['${A:-${B}}', ['A', 'B'], false],
    ['$${A}', [], false],
    ['$$${A}', ['A'], false],
    ['$A ${}', [], true],
    ['${A', [], true],
    ['${A B}', [], true],
  ])('scanReferences(%j)', (s, names, malformed) => {
    expect(scanReferences(s)).toEqual({ names, malformed });
  });
});
