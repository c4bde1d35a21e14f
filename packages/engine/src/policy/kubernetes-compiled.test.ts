import { compile } from '@blaupause/compiler';
import { readYamlDocuments } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { bp } from '../docker/testing';
import { kubernetesDangers } from './kubernetes';

/** The compiler's real Kubernetes output, parsed to objects, is what the policy reads. */
function objects(blueprint: ReturnType<typeof bp>): unknown[] {
  const out: unknown[] = [];
  for (const f of compile(blueprint, 'kubernetes').files) {
    const docs = readYamlDocuments(f.content);
    if (docs.ok) for (const d of docs.value ?? []) out.push(d.value);
  }
  return out;
}

describe('kubernetesDangers on compiled output', () => {
  it('finds host network, privileged, an added capability and a hostPath of the engine socket', () => {
    const found = kubernetesDangers(
      objects(
        bp({
          services: {
            web: {
              hostNetwork: true,
              containers: {
                main: {
                  image: 'nginx:1',
                  privileged: true,
                  capAdd: ['SYS_ADMIN'],
                  mounts: [{ type: 'bind', source: '/var/run/docker.sock', target: '/sock' }],
                },
              },
            },
            ok: { containers: { main: { image: 'nginx:1' } } },
          },
        }),
      ),
    );
    expect(found.map((f) => f.id).sort()).toEqual(
      [
        'bind-engine-socket:container:web/main:/var/run/docker.sock',
        'cap-add:container:web/main:SYS_ADMIN',
        'host-network:container:web/main',
        'privileged:container:web/main',
      ].sort(),
    );
  });
});
