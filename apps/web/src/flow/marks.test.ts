import { type Diagnostic, diag } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { applyCommand } from '../model/commands';
import { templateBlueprint } from '../templates/templates';
import { markedId, marksByElement, notesText } from './marks';

const note = (target: Diagnostic['target'], elementId: string, message: string, path: (string | number)[] = []): Diagnostic =>
  diag('FIDELITY_LOST', 'warning', path, message, { elementId, target });

describe('note mapping', () => {
  it('maps containers to their service, ports to their exposure node, blueprint-wide notes to nothing', () => {
    const bp = templateBlueprint('patterns');
    expect(markedId(bp, note('swarm', 'container:web/git-sync', 'x'))).toBe('service:web');
    expect(markedId(bp, note('compose', 'service:web', 'x', ['services', 'web', 'ports', 0, 'ingress']))).toBe('exposure:web/80/tcp');
    // redis' port is internal: it has no exposure node, so the service carries it.
    expect(markedId(bp, note('compose', 'service:redis', 'x', ['services', 'redis', 'ports', 0]))).toBe('service:redis');
    expect(markedId(bp, note('kubernetes', 'link:web->redis', 'x'))).toBe('link:web->redis');
    expect(markedId(bp, note('kubernetes', 'network:backend', 'x'))).toBe('network:backend');
    expect(markedId(bp, note('kubernetes', 'blueprint', 'x'))).toBeUndefined();
    expect(markedId(bp, { ...note('kubernetes', 'x', 'x'), elementId: undefined })).toBeUndefined();
  });

  it('keeps notes per target (the same message for two targets twice), problems once, and the worst severity', () => {
    const bp = templateBlueprint('seed-compose');
    const marks = marksByElement(bp, [
      note('compose', 'service:weba', 'no autoscaling'),
      note('swarm', 'service:weba', 'no autoscaling'),
      note('swarm', 'service:weba', 'no autoscaling'),
      diag('MISSING_IMAGE', 'warning', [], 'no image', { elementId: 'container:weba/nginx' }),
      diag('MISSING_IMAGE', 'error', [], 'no image', { elementId: 'service:weba' }),
    ]);
    expect(marks.get('service:weba')).toEqual({
      severity: 'error',
      problems: ['no image'],
      notes: [
        { target: 'compose', message: 'no autoscaling', lost: true },
        { target: 'swarm', message: 'no autoscaling', lost: true },
      ],
    });
  });

  it('a completed link is a Kubernetes note on the link edge; the text groups notes by target', () => {
    const r = applyCommand(templateBlueprint('seed-compose'), {
      kind: 'setLinkCondition',
      from: 'haproxy',
      to: 'weba',
      condition: 'completed',
    });
    if (!r.ok) throw new Error(r.error);
    const { notes } = analyze(r.value);
    const link = marksByElement(r.value, notes).get('link:haproxy->weba');
    expect(link?.notes.map((n) => n.target)).toContain('kubernetes');
    const text = notesText(link?.notes ?? []);
    expect(text).toMatch(/^(Compose|Swarm|Kubernetes):\n• (lost|approximated): /);
    expect(text).toContain('Kubernetes:\n• ');
  });
});
