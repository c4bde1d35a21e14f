import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';

describe('detectFormat', () => {
  it('knows a blueprint by its apiVersion or kind', () => {
    expect(detectFormat({ apiVersion: 'blaupause.dev/v1', kind: 'Blueprint' })).toBe('blueprint');
    expect(detectFormat({ apiVersion: 'blaupause.dev/v1alpha1' })).toBe('blueprint');
    expect(detectFormat({ kind: 'Blueprint', metadata: {} })).toBe('blueprint');
  });

  it('knows Kubernetes YAML by apiVersion or kind, Lists included', () => {
    expect(detectFormat({ apiVersion: 'apps/v1', kind: 'Deployment' })).toBe('kubernetes');
    expect(detectFormat({ apiVersion: 'v1', kind: 'List', items: [] })).toBe('kubernetes');
    // Half an object is still meant as Kubernetes: the importer then names what is missing.
    expect(detectFormat({ kind: 'Service' })).toBe('kubernetes');
    expect(detectFormat({ apiVersion: 'v1', metadata: { name: 'x' } })).toBe('kubernetes');
  });

  it('knows a Compose file by a services mapping or only Compose top-level keys', () => {
    expect(detectFormat({ services: { web: { image: 'nginx' } } })).toBe('compose');
    expect(detectFormat({ services: null })).toBe('compose');
    expect(detectFormat({ version: '3.8', volumes: { data: null } })).toBe('compose');
    expect(detectFormat({ name: 'shop', 'x-common': {}, networks: {} })).toBe('compose');
    expect(detectFormat({ include: ['other.yaml'] })).toBe('compose');
    // A malformed Compose file is still one: the Compose importer then says what is wrong with it.
    expect(detectFormat({ services: ['web'] })).toBe('compose');
  });

  it('calls anything else unknown', () => {
    expect(detectFormat(null)).toBe('unknown');
    expect(detectFormat('services')).toBe('unknown');
    expect(detectFormat([{ services: {} }])).toBe('unknown');
    expect(detectFormat({})).toBe('unknown');
    expect(detectFormat({ 'x-only': 1 })).toBe('unknown');
    expect(detectFormat({ version: '3', hosts: [] })).toBe('unknown');
  });
});
