import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Api } from '../deploy/api-types';
import { describeError } from '../deploy/errors';
import { selectBlueprint } from '../store/store';
import { useApp } from '../store/useApp';

type Inventory = Awaited<ReturnType<Api['images']['inventory']['query']>>;

const mb = (n: number | undefined) => (n === undefined ? '' : `${(n / 1e6).toFixed(1)} MB`);
const ago = (t: number | undefined) => {
  if (!t) return '';
  const h = (Date.now() - t) / 3.6e6;
  return h < 1 ? `${Math.max(1, Math.round(h * 60))} min old` : h < 48 ? `${Math.round(h)} h old` : `${Math.round(h / 24)} days old`;
};

/** The blueprint's images on the Docker engine: present (size, age), to pull or to build; the project's unused built images, removable. */
export function ImagesView({ api, project }: { api: Api; project: string }) {
  const doc = useApp(selectBlueprint);
  const blueprint = useMemo(() => ({ document: doc }), [doc]);
  const [inv, setInv] = useState<Inventory | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    setError(undefined);
    api.images.inventory
      .query({ blueprint, project })
      .then(setInv)
      .catch((e: unknown) => setError(describeError(e).title));
  }, [api, blueprint, project]);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open) load();
  }, [open, load]);
  const remove = () => {
    setBusy(true);
    api.images.removeUnused
      .mutate({ blueprint, project })
      .then(load)
      .catch((e: unknown) => setError(describeError(e).title))
      .finally(() => setBusy(false));
  };
  return (
    <details className="diag-images" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Images</summary>
      {error && <p className="diag-error">{error}</p>}
      {inv && (
        <>
          <ul className="diag-list" aria-label="Images">
            {inv.images.map((i) => (
              <li key={i.reference}>
                <span className={`diag-image-state is-${i.present ? 'present' : i.action}`}>
                  {i.present ? (i.source === 'build' ? 'built' : 'present') : i.action === 'build' ? 'to build' : 'to pull'}
                </span>{' '}
                {i.reference} {mb(i.sizeBytes)} {ago(i.createdAt)}
              </li>
            ))}
          </ul>
          {inv.unused.length > 0 ? (
            <p>
              {inv.unused.length} unused image{inv.unused.length === 1 ? '' : 's'} built for {project} (
              {mb(inv.unused.reduce((n, u) => n + u.sizeBytes, 0))}){' '}
              <button type="button" className="diag-open" onClick={remove} disabled={busy}>
                Remove unused
              </button>
            </p>
          ) : (
            <p className="muted">No unused built images.</p>
          )}
        </>
      )}
    </details>
  );
}
