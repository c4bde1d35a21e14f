import { type Blueprint, elementId } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands';
import type { Command } from '../model/types';
import { templateBlueprint } from '../templates/templates';
import { seeded } from '../testing/seeded';
import { elementExistsFor, sameElements } from './element-set';
import { elementExists } from './selection';
import { createAppStore } from './store';

/** The shared seeded generator (testing/seeded.ts): the same edits on every run. */
const random = (seed: number): (() => number) => seeded(seed).next;

const pick = <T>(r: () => number, xs: readonly T[]): T | undefined => xs[Math.floor(r() * xs.length)];

/** A random edit of `bp`: ones that change its elements and ones that do not. */
function randomCommand(r: () => number, bp: Blueprint, step: number): Command | undefined {
  const services = Object.keys(bp.services);
  const volumes = Object.keys(bp.volumes ?? {});
  const networks = Object.keys(bp.networks ?? {});
  const s = pick(r, services) ?? 'web';
  const other = pick(r, services) ?? 'web';
  const main = Object.keys(bp.services[s]?.containers ?? {})[0] ?? 'main';
  const v = pick(r, volumes) ?? 'data';
  const n = pick(r, networks) ?? 'back';
  const kinds: Array<() => Command> = [
    () => ({ kind: 'setImage', service: s, container: main, image: `img:${step}` }),
    () => ({ kind: 'setReplicas', service: s, replicas: 1 + (step % 4) }),
    () => ({ kind: 'addPort', service: s, port: 8000 + step }),
    () => ({ kind: 'moveNodes', moves: [{ id: elementId.service(s), x: step, y: step }] }),
    () => ({ kind: 'addLink', from: s, to: other }),
    () => ({ kind: 'removeLink', from: s, to: pick(r, bp.services[s]?.links ?? [])?.to ?? other }),
    () => ({ kind: 'addService', name: `svc${step}` }),
    () => ({ kind: 'removeService', name: s }),
    () => ({ kind: 'renameService', from: s, to: `${s}x` }),
    () => ({ kind: 'addVolume', name: `vol${step}` }),
    () => ({ kind: 'mountVolume', service: s, volume: v, target: `/m${step}` }),
    () => ({ kind: 'unmountVolume', service: s, volume: v }),
    () => ({ kind: 'addNetwork', name: `net${step}` }),
    () => ({ kind: 'joinNetwork', service: s, network: n }),
    () => ({ kind: 'leaveNetwork', service: s, network: n }),
    () => ({ kind: 'addContainer', service: s, name: `side${step}`, role: 'sidecar', image: 'busybox' }),
  ];
  return pick(r, kinds)?.();
}

/** Every canvas element id either document could name. */
function candidateIds(docs: readonly Blueprint[]): string[] {
  const ids = new Set<string>();
  for (const bp of docs) {
    const services = Object.keys(bp.services);
    for (const v of Object.keys(bp.volumes ?? {})) ids.add(`volume:${v}`);
    for (const n of Object.keys(bp.networks ?? {})) ids.add(`network:${n}`);
    for (const s of services) {
      ids.add(`service:${s}`);
      for (const t of services) ids.add(elementId.link(s, t));
      for (const v of Object.keys(bp.volumes ?? {})) ids.add(`mount:${s}->${v}`);
      for (const n of Object.keys(bp.networks ?? {})) ids.add(`join:${s}->${n}`);
    }
  }
  return [...ids];
}

describe('sameElements', () => {
  it('holds exactly when elementExists answers every id alike (seeded random edits)', () => {
    let kept = 0;
    let changed = 0;
    for (const template of ['seed-compose', 'three-tier', 'patterns']) {
      const r = random(template.length * 7919);
      let bp = templateBlueprint(template);
      for (let step = 0; step < 300; step++) {
        const cmd = randomCommand(r, bp, step);
        if (!cmd) continue;
        const res = applyCommand(bp, cmd);
        if (!res.ok) continue;
        const next = res.value;
        const ids = candidateIds([bp, next]);
        const alike = ids.every((id) => elementExists(bp, id) === elementExists(next, id));
        const same = sameElements(bp, next);
        // Never "same" when an element came or went; always "same" after an edit that cannot add or remove one
        // (a change reported where none was, e.g. a second mount of a mounted volume, only costs a render).
        if (same) expect(alike, `${cmd.kind} changed an element`).toBe(true);
        if (/^(setImage|setReplicas|addPort|moveNodes|addContainer)$/.test(cmd.kind))
          expect(same, `${cmd.kind} kept the elements`).toBe(true);
        if (same) kept++;
        else changed++;
        bp = next;
      }
    }
    expect(kept).toBeGreaterThan(50);
    expect(changed).toBeGreaterThan(50);
  });

  it('keeps an image or replicas edit, not a new link or a mount', () => {
    const bp = templateBlueprint('seed-compose');
    const [s, t] = Object.keys(bp.services);
    if (!s || !t) throw new Error('template has two services');
    const main = Object.keys(bp.services[s]?.containers ?? {})[0] ?? '';
    const edit = (cmd: Command) => {
      const r = applyCommand(bp, cmd);
      if (!r.ok) throw new Error(r.error);
      return r.value;
    };
    expect(sameElements(bp, edit({ kind: 'setImage', service: s, container: main, image: 'x:1' }))).toBe(true);
    expect(sameElements(bp, edit({ kind: 'setReplicas', service: s, replicas: 5 }))).toBe(true);
    const linked = bp.services[s]?.links?.some((l) => l.to === t);
    expect(sameElements(bp, edit(linked ? { kind: 'removeLink', from: s, to: t } : { kind: 'addLink', from: s, to: t }))).toBe(false);
    expect(sameElements(bp, edit({ kind: 'addVolume', name: 'fresh' }))).toBe(false);
    expect(sameElements(bp, edit({ kind: 'removeService', name: t }))).toBe(false);
  });

  it('elementExistsFor keeps one function per store while the elements are the same, answering for the newest document', () => {
    const bp = templateBlueprint('three-tier');
    const store = createAppStore(bp);
    const [s, t] = Object.keys(bp.services);
    if (!s || !t) throw new Error('template has two services');
    const main = Object.keys(bp.services[s]?.containers ?? {})[0] ?? '';
    const first = elementExistsFor(store, bp);
    const edited = applyCommand(bp, { kind: 'setImage', service: s, container: main, image: 'x:2' });
    if (!edited.ok) throw new Error(edited.error);
    expect(elementExistsFor(store, edited.value)).toBe(first);
    const gone = applyCommand(edited.value, { kind: 'removeService', name: t });
    if (!gone.ok) throw new Error(gone.error);
    const after = elementExistsFor(store, gone.value);
    expect(after).not.toBe(first);
    expect(first(`service:${t}`)).toBe(true);
    expect(after(`service:${t}`)).toBe(false);
    // Another store does not share the answer.
    expect(elementExistsFor(createAppStore(bp), gone.value)).not.toBe(after);
  });
});
