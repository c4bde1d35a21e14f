import type { Blueprint, Diagnostic } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands';
import type { Command } from '../model/types';
import { templateBlueprint } from '../templates/templates';
import { seeded } from '../testing/seeded';
import { withDefaultLayout } from './default-layout';
import { createFlowProjection, toFlow } from './to-flow';

const CONDITIONS = ['started', 'healthy', 'completed'] as const;

function randomCommand(bp: Blueprint, r: () => number, step: number): Command {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const services = Object.keys(bp.services);
  const volumes = Object.keys(bp.volumes ?? {});
  const networks = Object.keys(bp.networks ?? {});
  const s = pick(services.length > 0 ? services : ['none']);
  const t = pick(services.length > 0 ? services : ['none']);
  const main = Object.keys(bp.services[s]?.containers ?? {})[0] ?? 'main';
  const kinds: Array<() => Command> = [
    () => ({ kind: 'addService', name: `s${step}`, image: 'busybox:1' }),
    () => ({ kind: 'removeService', name: s }),
    () => ({ kind: 'renameService', from: s, to: `r${step}` }),
    () => ({ kind: 'setImage', service: s, container: main, image: `img:${step}` }),
    () => ({ kind: 'addLink', from: s, to: t, condition: pick(CONDITIONS) }),
    () => ({ kind: 'removeLink', from: s, to: pick(bp.services[s]?.links?.map((l) => l.to) ?? [t]) }),
    () => ({ kind: 'setLinkCondition', from: s, to: pick(bp.services[s]?.links?.map((l) => l.to) ?? [t]), condition: pick(CONDITIONS) }),
    () => ({ kind: 'addVolume', name: `v${step}` }),
    () => ({ kind: 'removeVolume', name: pick(volumes.length > 0 ? volumes : ['none']) }),
    () => ({ kind: 'mountVolume', service: s, volume: pick(volumes.length > 0 ? volumes : ['none']), target: `/m${step}` }),
    () => ({ kind: 'unmountVolume', service: s, volume: pick(volumes.length > 0 ? volumes : ['none']) }),
    () => ({ kind: 'addNetwork', name: `n${step}` }),
    () => ({ kind: 'joinNetwork', service: s, network: pick(networks.length > 0 ? networks : ['default']) }),
    () => ({ kind: 'leaveNetwork', service: s, network: pick(networks.length > 0 ? networks : ['default']) }),
    () => ({ kind: 'addPort', service: s, port: 1000 + step, publish: r() < 0.5 ? 20000 + step : undefined }),
    // As a YAML edit may: an element removed without touching what refers to it (dangling links, mounts, joins).
    () => ({ kind: 'replaceDocument', blueprint: withoutKey(bp, pick(['services', 'volumes', 'networks'] as const), r) }),
    // A volume's size changed, as in the inspector.
    () => ({ kind: 'replaceDocument', blueprint: resized(bp, pick(volumes.length > 0 ? volumes : ['none']), step) }),
    // The first port published or not any more: a mark on it moves between the service and its exposure.
    () => ({ kind: 'replaceDocument', blueprint: togglePublish(bp, s) }),
    () => ({ kind: 'moveNodes', moves: [{ id: `service:${s}`, x: Math.round(r() * 2000), y: Math.round(r() * 2000) }] }),
    () => ({
      kind: 'moveNodes',
      moves: [{ id: `volume:${pick(volumes.length > 0 ? volumes : ['none'])}`, x: Math.round(r() * 2000), y: 7 }],
    }),
  ];
  return pick(kinds)();
}

/** A command that changes one service only: its image, replicas, ports, links, mounts or networks. */
function serviceCommand(bp: Blueprint, s: string, r: () => number, step: number): Command {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const services = Object.keys(bp.services);
  const volumes = Object.keys(bp.volumes ?? {});
  const networks = Object.keys(bp.networks ?? {});
  const main = Object.keys(bp.services[s]?.containers ?? {})[0] ?? 'main';
  const links = bp.services[s]?.links?.map((l) => l.to) ?? [];
  const kinds: Array<() => Command> = [
    () => ({ kind: 'setImage', service: s, container: main, image: `img:${step}` }),
    () => ({ kind: 'setImage', service: s, container: main, image: `img:${step}` }),
    () => ({ kind: 'setReplicas', service: s, replicas: 1 + Math.floor(r() * 4) }),
    () => ({ kind: 'addPort', service: s, port: 1000 + step, publish: r() < 0.5 ? 20000 + step : undefined }),
    () => ({ kind: 'addLink', from: s, to: pick(services), condition: pick(CONDITIONS) }),
    () => ({ kind: 'setLinkCondition', from: s, to: pick(links.length > 0 ? links : services), condition: pick(CONDITIONS) }),
    () => ({ kind: 'removeLink', from: s, to: pick(links.length > 0 ? links : services) }),
    () => ({ kind: 'mountVolume', service: s, volume: pick(volumes.length > 0 ? volumes : ['none']), target: `/m${step}` }),
    () => ({ kind: 'joinNetwork', service: s, network: pick(networks.length > 0 ? networks : ['default']) }),
    () => ({ kind: 'leaveNetwork', service: s, network: pick(networks.length > 0 ? networks : ['default']) }),
    () => ({ kind: 'replaceDocument', blueprint: togglePublish(bp, s) }),
  ];
  return pick(kinds)();
}

function withoutKey(bp: Blueprint, part: 'services' | 'volumes' | 'networks', r: () => number): Blueprint {
  const entries = Object.entries(bp[part] ?? {});
  if (entries.length === 0) return bp;
  const gone = Math.floor(r() * entries.length);
  return { ...bp, [part]: Object.fromEntries(entries.filter((_, i) => i !== gone)) };
}

function resized(bp: Blueprint, name: string, step: number): Blueprint {
  const v = bp.volumes?.[name];
  return v ? { ...bp, volumes: { ...bp.volumes, [name]: { ...v, size: `${step + 1}Gi` } } } : bp;
}

function togglePublish(bp: Blueprint, name: string): Blueprint {
  const svc = bp.services[name];
  const [first, ...rest] = svc?.ports ?? [];
  if (!svc || !first) return bp;
  const port = first.publish === undefined ? { ...first, publish: 30000 + first.port } : { ...first, publish: undefined };
  return { ...bp, services: { ...bp.services, [name]: { ...svc, ports: [port, ...rest] } } };
}

function randomDiagnostics(bp: Blueprint, r: () => number): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const name of Object.keys(bp.volumes ?? {}))
    if (r() < 0.3)
      out.push({
        code: 'UNUSED_VOLUME',
        severity: 'warning',
        path: ['volumes', name],
        elementId: `volume:${name}`,
        message: `unused ${name}`,
      });
  for (const [name, s] of Object.entries(bp.services)) {
    if (r() < 0.3)
      out.push({
        code: 'MISSING_IMAGE',
        severity: r() < 0.5 ? 'error' : 'warning',
        path: ['services', name],
        elementId: `service:${name}`,
        message: `m ${name}`,
      });
    if (r() < 0.2 && s.ports?.length)
      out.push({
        code: 'PORT_CONFLICT',
        severity: 'warning',
        path: ['services', name, 'ports', 0, 'publish'],
        elementId: `service:${name}`,
        message: `port ${name}`,
      });
    for (const l of s.links ?? [])
      if (r() < 0.2)
        out.push({
          code: 'FIDELITY_LOST',
          severity: 'info',
          target: 'compose',
          path: ['services', name, 'links'],
          elementId: `link:${name}->${l.to}`,
          message: `lost ${l.to}`,
        });
  }
  return out;
}

/**
 * The next diagnostics as the worker's deltas give them: most objects kept (the same objects, so an
 * element marked by the same ones keeps its marks unbuilt), a few dropped, changed or added.
 */
function likeADelta(last: readonly Diagnostic[], fresh: readonly Diagnostic[], r: () => number): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of last) {
    const roll = r();
    if (roll < 0.1) continue;
    out.push(roll < 0.2 ? { ...d, message: `${d.message}!`, severity: d.severity === 'error' ? 'warning' : 'error' } : d);
  }
  for (const d of fresh) if (r() < 0.1) out.splice(Math.floor(r() * (out.length + 1)), 0, d);
  return out;
}

describe('createFlowProjection', () => {
  it('answers what toFlow answers after every step of random edits, marks and selections (40 seeds × 40 steps)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = seeded(seed).next;
      const project = createFlowProjection();
      let bp = templateBlueprint(seed % 2 === 0 ? 'three-tier' : 'seed-compose');
      let diagnostics: Diagnostic[] = [];
      let selection: string[] = [];
      for (let step = 0; step < 40; step++) {
        const roll = r();
        if (roll < 0.6) {
          const done = applyCommand(bp, randomCommand(bp, r, step));
          if (done.ok) bp = done.value;
        } else if (roll < 0.7) diagnostics = randomDiagnostics(bp, r);
        else if (roll < 0.8) diagnostics = likeADelta(diagnostics, randomDiagnostics(bp, r), r);
        else {
          const ids = toFlow(bp)
            .nodes.map((n) => n.id)
            .concat(toFlow(bp).edges.map((e) => e.id));
          selection = ids.filter(() => r() < 0.2);
        }
        const got = project(bp, diagnostics, selection);
        expect(got, `seed ${seed} step ${step}`).toEqual(toFlow(bp, diagnostics, selection));
      }
    }
  });

  it('answers what toFlow answers with every element placed, as the app opens documents (edits of some services only: 40 seeds × 40 steps)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = seeded(seed).next;
      const project = createFlowProjection();
      let bp = templateBlueprint(seed % 2 === 0 ? 'three-tier' : 'seed-compose');
      // A declared network: its node counts its members, which a service's edit can change.
      const net = applyCommand(bp, { kind: 'addNetwork', name: 'back' });
      if (net.ok) bp = withDefaultLayout(net.value);
      let diagnostics: Diagnostic[] = randomDiagnostics(bp, r);
      let selection: string[] = [];
      for (let step = 0; step < 40; step++) {
        const roll = r();
        if (roll < 0.55) {
          // Mostly edits within services (what an inspector edit is), several at once now and then.
          const edited = Object.keys(bp.services).filter(() => r() < (roll < 0.1 ? 0.5 : 0.25));
          for (const name of edited.length > 0 ? edited : Object.keys(bp.services).slice(0, 1)) {
            const done = applyCommand(bp, serviceCommand(bp, name, r, step));
            if (done.ok) bp = done.value;
          }
        } else if (roll < 0.75) {
          const done = applyCommand(bp, randomCommand(bp, r, step));
          if (done.ok) bp = withDefaultLayout(done.value);
        } else if (roll < 0.85) diagnostics = likeADelta(diagnostics, randomDiagnostics(bp, r), r);
        else {
          const ids = toFlow(bp)
            .nodes.map((n) => n.id)
            .concat(toFlow(bp).edges.map((e) => e.id));
          selection = ids.filter(() => r() < 0.2);
        }
        const got = project(bp, diagnostics, selection);
        expect(got, `seed ${seed} step ${step}`).toEqual(toFlow(bp, diagnostics, selection));
      }
    }
  });

  it('keeps every other service’s nodes and edges, and the edge array, when one image changes', () => {
    const project = createFlowProjection();
    const bp = templateBlueprint('three-tier');
    const first = project(bp, [], []);
    const [name, s] = Object.entries(bp.services)[0] as [string, Blueprint['services'][string]];
    const done = applyCommand(bp, { kind: 'setImage', service: name, container: Object.keys(s.containers)[0] as string, image: 'other:2' });
    if (!done.ok) throw new Error(done.error);
    const next = project(done.value, [], []);
    expect(next.edges).toBe(first.edges);
    expect(next.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id)).toEqual([`service:${name}`]);
    expect(project(done.value, [], [])).toEqual(next);
  });
});
