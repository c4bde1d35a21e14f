import { type LiveState, publishedPorts } from './live-state';

/** http://127.0.0.1:8080/ for "0.0.0.0:8080->80/tcp" (TCP only; a wildcard address is reached on loopback). */
export function portUrl(published: string): string | undefined {
  const m = /^(.*):(\d+)->\d+\/tcp$/.exec(published);
  if (!m) return undefined;
  const host = m[1] === '0.0.0.0' || m[1] === '' || m[1] === '::' || m[1] === '[::]' ? '127.0.0.1' : m[1];
  return `http://${host}:${m[2]}/`;
}

/** The deployment's published ports as links, from the live status (what the engine really bound). */
export function PublishedPorts({ live }: { live: LiveState }) {
  const ports = publishedPorts(live);
  if (ports.length === 0) return null;
  return (
    <section aria-label="Published ports">
      <h3 className="deploy-subtitle">Published ports</h3>
      <ul className="port-links">
        {ports.map((p) => {
          const url = portUrl(p.port);
          return (
            <li key={p.port}>
              {p.service}:{' '}
              {url ? (
                <a href={url} target="_blank" rel="noreferrer noopener">
                  {url}
                </a>
              ) : (
                <code>{p.port}</code>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
