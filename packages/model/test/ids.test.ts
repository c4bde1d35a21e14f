import { describe, expect, it } from 'vitest';
import { elementIdForPath, elementKind } from '../src/ids';

describe('elementIdForPath', () => {
  const doc = { services: { web: { links: [{ to: 'api' }, { to: 42 }] } } };

  it.each([
    [[], 'blueprint'],
    [['metadata', 'name'], 'blueprint'],
    [['services', 'web'], 'service:web'],
    [['services', 'web', 'ports', 0], 'service:web'],
    [['services', 'web', 'containers', 'nginx', 'image'], 'container:web/nginx'],
    [['services', 'web', 'links', 0], 'link:web->api'],
    [['services', 'web', 'links', 0, 'condition'], 'link:web->api'],
    [['services', 'web', 'links', 1], 'service:web'],
    [['services', 'web', 'links', 7], 'service:web'],
    [['services', 'toString', 'links', 0], 'service:toString'],
    [['volumes', 'data', 'size'], 'volume:data'],
    [['networks', 'back'], 'network:back'],
    [['configs', 'c'], 'config:c'],
    [['secrets', 's'], 'secret:s'],
    [['layout', 'nodes'], 'blueprint'],
  ] as const)('%j → %s', (path, id) => {
    expect(elementIdForPath(path, doc)).toBe(id);
  });

  it('gives the service when the document is not at hand', () => {
    expect(elementIdForPath(['services', 'web', 'links', 0])).toBe('service:web');
  });

  it('reads the kind back from an id', () => {
    expect(['link:a->b', 'container:a/b', 'blueprint'].map(elementKind)).toEqual(['link', 'container', 'blueprint']);
  });
});
