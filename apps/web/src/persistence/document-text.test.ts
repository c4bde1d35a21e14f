import type { Blueprint } from '@blaupause/model';
import { describe, expect, it, vi } from 'vitest';
import { applyCommand } from '../model/commands';
import type { Command } from '../model/types';
import { templateBlueprint } from '../templates/templates';
import { type Seeded, seeded } from '../testing/seeded';
import { createAnalysisSource, EMPTY_ANALYSIS } from '../worker/analysis-source';
import { connectWorker, type WorkerLike } from '../worker/connect';
import { createWorkerDispatch } from '../worker/dispatch';
import type { WorkerRequest } from '../worker/protocol';
import { createDocumentText } from './document-text';

/** The worker as analysis.worker.ts runs it, through structured clones; requests wait until drained, in order. */
function fakeWorker() {
  const dispatch = createWorkerDispatch(() => EMPTY_ANALYSIS); // the texts do not depend on the analysis
  const queue: WorkerRequest[] = [];
  const worker: WorkerLike & { drain(): Promise<void> } = {
    onmessage: null,
    postMessage: (request) => queue.push(structuredClone(request)),
    async drain() {
      for (let r = queue.shift(); r; r = queue.shift()) {
        worker.onmessage?.({ data: structuredClone(await dispatch(r)) });
        await Promise.resolve();
      }
      await new Promise((resolve) => setTimeout(resolve, 0)); // let the awaiting callers run
    },
  };
  return worker;
}

/** The page's wiring (main.tsx): the analysis follows every document; autosave asks for texts. */
function page(onError = vi.fn()) {
  const worker = fakeWorker();
  const { analysisPort, text: ask } = connectWorker(worker);
  const analysis = createAnalysisSource(analysisPort);
  const text = createDocumentText(analysis.sent, ask, onError);
  return { worker, analysis, text, ask, onError };
}

function edit(bp: Blueprint, cmd: Command): Blueprint {
  const r = applyCommand(bp, cmd);
  return r.ok ? r.value : bp;
}

/** Edits through commands and as the YAML editor may replace the document (keys reordered, parts dropped, undefined values). */
function randomEdit(bp: Blueprint, r: Seeded, step: number): Blueprint {
  const names = Object.keys(bp.services);
  const s = names.length > 0 ? r.pick(names) : 'none';
  const main = Object.keys(bp.services[s]?.containers ?? {})[0] ?? 'main';
  const svc = bp.services[s];
  const edits: Array<() => Blueprint> = [
    () => edit(bp, { kind: 'setImage', service: s, container: main, image: `img:${step}` }),
    () => edit(bp, { kind: 'addService', name: r.pick([`s${step}`, `${step}`, `x-${step}`]), image: 'busybox:1' }),
    () => edit(bp, { kind: 'removeService', name: s }),
    () => edit(bp, { kind: 'renameService', from: s, to: `r${step}` }),
    () => edit(bp, { kind: 'addPort', service: s, port: 1000 + step, publish: r.next() < 0.5 ? 20000 + step : undefined }),
    () => edit(bp, { kind: 'addVolume', name: `v${step}` }),
    () => edit(bp, { kind: 'addNetwork', name: `n${step}` }),
    () => edit(bp, { kind: 'moveNodes', moves: [{ id: `service:${s}`, x: r.int(2000) + 0.5, y: -r.int(50) }] }),
    () => edit(bp, { kind: 'setReplicas', service: s, replicas: r.int(5) }),
    // A value explicitly undefined (kept by a structured clone, left out by JSON).
    () => (svc ? { ...bp, services: { ...bp.services, [s]: { ...svc, description: undefined } } } : bp),
    () => ({ ...bp, metadata: { ...bp.metadata, description: r.next() < 0.5 ? `d"\u2028${step}` : undefined } }),
    () => ({ ...bp, volumes: undefined }),
    () => Object.fromEntries(Object.entries(bp).reverse()) as Blueprint,
    () => ({ ...bp, services: Object.fromEntries(Object.entries(bp.services).reverse()) }),
    () => ({ ...bp, parameters: { P: { default: `${step}`, required: r.next() < 0.5 } } }),
  ];
  return r.pick(edits)();
}

describe('autosave text made by the worker', () => {
  it('is JSON.stringify of the page document after random edits sent as patches', async () => {
    for (const seed of [1, 2, 3]) {
      const r = seeded(seed);
      const p = page();
      let bp = templateBlueprint(r.pick(['seed-compose', 'patterns', 'three-tier']));
      p.analysis.request(bp);
      await p.worker.drain();
      let made = 0;
      for (let step = 0; step < 120; step++) {
        bp = randomEdit(bp, r, step);
        p.analysis.request(bp);
        // Sometimes the worker lags (an answer in flight: the newest document waits to be sent).
        if (r.next() < 0.7) await p.worker.drain();
        const asked = p.text(bp);
        await p.worker.drain();
        const text = await asked;
        if (text === undefined) {
          expect(p.analysis.sent()?.blueprint).not.toBe(bp);
          continue;
        }
        made++;
        expect(text).toBe(JSON.stringify(bp));
      }
      expect(made).toBeGreaterThan(60);
      expect(p.onError).not.toHaveBeenCalled();
    }
  });

  it('gives nothing for a document the worker does not hold, or when the worker fails', async () => {
    const p = page();
    const bp = templateBlueprint('seed-compose');
    expect(await p.text(bp)).toBeUndefined(); // nothing sent yet
    p.analysis.request(bp);
    await p.worker.drain();
    const other = edit(bp, { kind: 'addService', name: 'other' });
    expect(other).not.toBe(bp);
    expect(await p.text(other)).toBeUndefined();
    const moved = edit(bp, { kind: 'moveNodes', moves: [{ id: 'service:weba', x: 3, y: 4 }] });
    expect(moved.layout).not.toBe(bp.layout);
    const asked = p.text(moved); // only the layout differs: the worker's texts serve
    await p.worker.drain();
    expect(await asked).toBe(JSON.stringify(moved));

    // The worker's patch for a request failed: it holds an older document and says so.
    const broken = createDocumentText(() => ({ seq: 99, blueprint: bp }), p.ask, p.onError);
    const failed = broken(bp);
    await p.worker.drain();
    expect(await failed).toBeUndefined();
    expect(p.onError).toHaveBeenCalledWith(expect.stringMatching(/holds the document of request 1, not 99/));
  });
});
