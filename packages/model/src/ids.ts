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

/**
 * The element a document path belongs to: the innermost service / container / link / top-level resource.
 * Link ids name the link's target, so they need the document (`doc`) to read `services.X.links.N.to`;
 * without it (or when `to` is not a string) paths under a link belong to the service.
 */
export function elementIdForPath(path: readonly (string | number)[], doc?: unknown): string {
  const [top, name, sub, subName] = path;
  if (typeof name !== 'string') return elementId.blueprint();
  switch (top) {
    case 'services': {
      if (sub === 'containers' && typeof subName === 'string') return elementId.container(name, subName);
      const to = sub === 'links' && typeof subName === 'number' ? linkTarget(doc, name, subName) : undefined;
      return to === undefined ? elementId.service(name) : elementId.link(name, to);
    }
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

function linkTarget(doc: unknown, service: string, index: number): string | undefined {
  const services = (doc as { services?: unknown } | undefined)?.services;
  if (!services || typeof services !== 'object' || !Object.hasOwn(services, service)) return undefined;
  const links = (services as Record<string, { links?: unknown } | undefined>)[service]?.links;
  const to = Array.isArray(links) ? (links[index] as { to?: unknown } | undefined)?.to : undefined;
  return typeof to === 'string' ? to : undefined;
}
