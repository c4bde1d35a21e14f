import { describe, expect, it } from 'vitest';
import { imageProblem, nameProblem, replicasProblem } from './field-rules';

describe('inspector field rules', () => {
  it('names are DNS labels that are not taken', () => {
    expect(nameProblem('web-2', ['web'])).toBeUndefined();
    expect(nameProblem('web', ['web'])).toMatch(/taken/);
    expect(nameProblem('Web', [])).toMatch(/Lower-case/);
    expect(nameProblem('-web', [])).toMatch(/Lower-case/);
  });

  it('images are references; empty is allowed (validation reports it)', () => {
    expect(imageProblem('nginx:1.27')).toBeUndefined();
    expect(imageProblem(`registry.local:5000/team/app@sha256:${'a'.repeat(64)}`)).toBeUndefined();
    expect(imageProblem('')).toBeUndefined();
    expect(imageProblem('Nginx')).toMatch(/upper-case/);
    expect(imageProblem('a b')).toMatch(/white space/);
  });

  it('replicas are whole numbers in range', () => {
    expect(replicasProblem('3')).toBeUndefined();
    expect(replicasProblem('0')).toBeUndefined();
    expect(replicasProblem('-1')).toBeDefined();
    expect(replicasProblem('1.5')).toBeDefined();
    expect(replicasProblem('')).toBeDefined();
    expect(replicasProblem('10001')).toBeDefined();
  });
});
