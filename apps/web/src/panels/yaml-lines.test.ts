import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { templateBlueprint } from '../templates/templates';
import { canvasElement, elementAtLine, highlightedLines } from './yaml-lines';

describe('YAML line highlighting', () => {
  it('maps containers to their service node', () => {
    expect(canvasElement('container:weba/nginx')).toBe('service:weba');
    expect(canvasElement('volume:data')).toBe('volume:data');
  });

  it('highlights exactly the lines a selected service produced', () => {
    const file = analyze(templateBlueprint('seed-compose')).compiled.compose.files[0];
    if (!file) throw new Error('no compose file');
    const lines = highlightedLines(file.sourceMap, ['service:haproxy']);
    const text = file.content.split('\n');
    const shown = [...lines].map((l) => text[l - 1]);
    expect(shown).toContain('  haproxy:');
    expect(shown).toContain('    image: qaware/haproxy');
    expect(shown.some((l) => l?.includes('qaware/nginx'))).toBe(false);
    expect(highlightedLines(file.sourceMap, []).size).toBe(0);
  });

  it('finds the element a clicked line belongs to, the innermost range winning', () => {
    const ranges = [
      { elementId: 'service:web', startLine: 2, endLine: 10 },
      { elementId: 'container:web/nginx', startLine: 3, endLine: 5 },
      { elementId: 'link:web->db', startLine: 7, endLine: 8 },
    ];
    expect(elementAtLine(ranges, 4)).toBe('service:web');
    expect(elementAtLine(ranges, 7)).toBe('link:web->db');
    expect(elementAtLine(ranges, 1)).toBeUndefined();
  });
});
