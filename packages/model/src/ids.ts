/**
 * Element ids name what is drawn on the canvas, in diagnostics and in source maps.
 * They are derived from names, so they are stable across sessions and readable in YAML.
 */
export const elementId = {
  service: (service: string) => `service:${service}`,
  container: (service: string, container: string) => `container:${service}/${container}`,
  link: (from: string, to: string) => `link:${from}->${to}`,
  volume: (name: string) => `volume:${name}`,
  network: (name: string) => `network:${name}`,
  config: (name: string) => `config:${name}`,
  secret: (name: string) => `secret:${name}`,
  blueprint: () => 'blueprint',
} as const;

export type ElementKind = 'service' | 'container' | 'link' | 'volume' | 'network' | 'config' | 'secret' | 'blueprint';

export function elementKind(id: string): ElementKind {
  const i = id.indexOf(':');
  return (i < 0 ? 'blueprint' : id.slice(0, i)) as ElementKind;
}

/** The element a document path belongs to: the innermost service / container / link / top-level resource. */
export function elementIdForPath(path: readonly (string | number)[]): string {
  const [top, name, sub, subName] = path;
  if (typeof name !== 'string') return elementId.blueprint();
  switch (top) {
    case 'services':
      if (sub === 'containers' && typeof subName === 'string') return elementId.container(name, subName);
      return elementId.service(name);
    case 'volumes':
      return elementId.volume(name);
    case 'networks':
      return elementId.network(name);
    case 'configs':
      return elementId.config(name);
    case 'secrets':
      return elementId.secret(name);
    default:
      return elementId.blueprint();
  }
}
