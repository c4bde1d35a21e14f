import { compile } from '@blaupause/compiler';
import type { Target } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { templateBlueprint } from '../templates/templates';
import { teachingHtml } from './export-html';
import { excerpt, hotKeys, markedLines } from './highlight';
import { teachingScenes } from './scenes';

function scenesOf(template: string) {
  const bp = templateBlueprint(template);
  const compiled = Object.fromEntries((['compose', 'swarm', 'kubernetes'] as Target[]).map((t) => [t, compile(bp, t)])) as Record<
    Target,
    ReturnType<typeof compile>
  >;
  return teachingScenes(compiled);
}

describe('scenes and counterparts', () => {
  const data = scenesOf('seed-compose');
  const { one, two } = data.scenes;

  it('a container keeps its key from the graph into its pod (the switch morphs it)', () => {
    const inOne = one.nodes.find((n) => n.key === 'c:container:weba/nginx');
    const inTwo = two.nodes.find((n) => n.key === 'c:container:weba/nginx');
    expect(inOne?.kind).toBe('container');
    expect(inTwo?.kind).toBe('chip');
    const pod = two.nodes.find((n) => n.key === 'pod:weba');
    expect(inTwo && pod && inTwo.y > pod.y && inTwo.y + inTwo.h < pod.y + pod.h).toBe(true);
  });

  it('hovering weba in the graph lights its Deployment, ReplicaSet, Pod, Service and image in Kubernetes — not webb', () => {
    const hover = {
      view: 'one' as const,
      key: 'c:container:weba/nginx',
      elements: one.nodes.find((n) => n.key === 'c:container:weba/nginx')?.elements ?? [],
    };
    const hot = hotKeys(two, hover);
    for (const key of ['wl:weba', 'rs:weba', 'pod:weba', 'c:container:weba/nginx', 'svc:weba', 'img:qaware/nginx'])
      expect(hot.has(key), key).toBe(true);
    for (const key of ['wl:webb', 'svc:webb', 'pod:haproxy', 'svc:haproxy']) expect(hot.has(key), key).toBe(false);
    expect([...hotKeys(one, hover)]).toEqual(['c:container:weba/nginx']);
    // The YAML: weba's own Compose entry, and every Kubernetes line weba's elements produced.
    const marked = markedLines(hover, data.scenes);
    const composeLines = data.compose.split('\n');
    expect([...marked.compose].map((l) => composeLines[l - 1])).toContain('  weba:');
    expect([...marked.compose].map((l) => composeLines[l - 1])).not.toContain('  webb:');
    const kubeLines = [...marked.kubernetes].sort((a, b) => a - b).map((l) => data.kubernetes.split('\n')[l - 1]);
    expect(kubeLines.filter((l) => l === '  name: weba')).toHaveLength(2); // Deployment and Service
    expect(kubeLines).not.toContain('  name: webb');
  });

  it('hovering the haproxy → weba link lights the wait container and the DNS wire in Kubernetes', () => {
    const wire = one.edges.find((e) => e.key === 'w:haproxy>weba');
    expect(wire?.elements).toEqual(['link:haproxy->weba']);
    const hot = hotKeys(two, { view: 'one', key: 'w:haproxy>weba', elements: wire?.elements ?? [] });
    expect(hot.has('dns:haproxy>weba')).toBe(true);
    expect(hot.has('wl:haproxy')).toBe(true);
    expect(hot.has('dns:haproxy>webb')).toBe(false);
  });

  it('hovering a Service marks its own lines in kubernetes.yaml and its container in compose.yaml', () => {
    const svc = two.nodes.find((n) => n.key === 'svc:webb');
    const marked = markedLines({ view: 'two', key: 'svc:webb', elements: svc?.elements ?? [] }, data.scenes);
    const kube = data.kubernetes.split('\n');
    const lines = [...marked.kubernetes].sort((a, b) => a - b);
    expect(kube[(lines[0] ?? 0) - 1]).toBe('apiVersion: v1');
    expect(lines.map((l) => kube[l - 1])).toContain('kind: Service');
    expect(lines.map((l) => kube[l - 1])).not.toContain('kind: Deployment');
    expect([...marked.compose].map((l) => data.compose.split('\n')[l - 1])).toContain('  webb:');
  });

  it('an excerpt keeps one line of context and folds the rest', () => {
    const text = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].join('\n');
    expect(excerpt(text, new Set([4]))).toEqual([
      { kind: 'gap', after: 0, skipped: 2 },
      { kind: 'line', line: 3, text: 'c', marked: false },
      { kind: 'line', line: 4, text: 'd', marked: true },
      { kind: 'line', line: 5, text: 'e', marked: false },
    ]);
    expect(excerpt(text, new Set())).toEqual([]);
  });
});

describe('HTML export', () => {
  it('one self-contained file: both views as inline SVG and the explanation, nothing loaded from elsewhere', () => {
    const html = teachingHtml(scenesOf('seed-compose'), 'seed-haproxy', undefined);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('data-view="one"');
    expect(html).toContain('data-view="two"');
    expect(html).toContain('aria-label="Deployment weba"');
    expect(html).toContain('aria-label="Container haproxy"');
    expect(html).toContain('The orchestrator decides');
    expect(html).toContain('--surface: #ffffff');
    expect(html).not.toMatch(/<script|<link|@import|src=|url\(http/i);
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:\/\//);
  });
});
