import { describe, expect, it } from 'vitest';
import type { PlannedContainer, PlannedService } from '../../plan/plan';
import { emitYaml, StreamedMapping } from '../../yaml';
import { dockerServices } from './service-stream';

// Just what dockerServiceName reads: the pod's name, its containers' names, which one is main.
const pod = (name: string, helpers: string[] = [], inits: string[] = []): PlannedService => {
  const c = (n: string) => ({ name: n }) as PlannedContainer;
  return { name, main: c('app'), helpers: helpers.map(c), inits: inits.map(c) } as unknown as PlannedService;
};

const addPod = (s: PlannedService, add: (name: string, service: unknown) => void) => {
  for (const pc of s.inits) add(`${s.name}-${pc.name}`, { from: s.name, role: 'init' });
  add(s.name, { from: s.name, role: 'main' });
  for (const pc of s.helpers) add(`${s.name}-${pc.name}`, { from: s.name, role: 'helper' });
};

/** What assigning every service to one object gives: the output before streaming. */
function asObject(pods: PlannedService[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of pods) addPod(s, (n, v) => (out[n] = v));
  return out;
}

describe('dockerServices', () => {
  it('streams distinct names, writing what the object would', () => {
    for (const pods of [
      [pod('web', ['log'], ['migrate']), pod('db'), pod('cache', ['exporter'])],
      // One name extends another's by "-" (so every name is compared), but none repeats.
      [pod('web', ['log']), pod('web-api', ['log']), pod('web-api-v2')],
    ]) {
      const services = dockerServices(pods, addPod);
      expect(services).toBeInstanceOf(StreamedMapping);
      expect(emitYaml({ services: asObject(pods) }).text).toBe(emitYaml(new StreamedMapping([['services', services]])).text);
    }
  });

  it('builds the object when a generated name repeats (first position, last value) or is an array index', () => {
    for (const pods of [
      [pod('a', ['b']), pod('a-b')],
      [pod('x', ['y-z']), pod('x-y', ['z'])],
      [pod('p', [], ['q']), pod('p-q')],
      [pod('x'), pod('42')],
    ]) {
      const services = dockerServices(pods, addPod);
      expect(services).not.toBeInstanceOf(StreamedMapping);
      expect(services).toEqual(asObject(pods));
      expect(Object.keys(services as object)).toEqual(Object.keys(asObject(pods)));
    }
  });

  it('writes {} for no services', () => {
    expect(emitYaml(new StreamedMapping([['services', dockerServices([], addPod)]])).text).toBe('services: {}\n');
  });
});
