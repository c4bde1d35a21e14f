import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Api } from '../deploy/api-types';
import { describeError } from '../deploy/errors';
import { selectBlueprint } from '../store/store';
import { useApp } from '../store/useApp';
import { progressText } from './image-run';
import { useImageRun } from './useImageRun';

type Inventory = Awaited<ReturnType<Api['images']['inventory']['query']>>;
type Image = Inventory['images'][number];

const mb = (n: number | undefined) => (n === undefined ? '' : `${(n / 1e6).toFixed(1)} MB`);
const ago = (t: number | undefined) => {
  if (!t) return '';
  const h = (Date.now() - t) / 3.6e6;
  return h < 1 ? `${Math.max(1, Math.round(h * 60))} min old` : h < 48 ? `${Math.round(h)} h old` : `${Math.round(h / 24)} days old`;
};

/**
 * The blueprint's images on the Docker engine: present (size, age), to pull or to build, each
 * missing one with its Pull / Build button (built ones: Rebuild) and all at once; progress per
 * image while it runs; the project's unused built images, removable.
 */
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
  const { view: run, start } = useImageRun(api, load);
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
  const working = busy || run.busy;
  const missing = inv?.images.filter((i) => !i.present) ?? [];
  return (
    <details className="diag-images" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Images</summary>
      {error && <p className="diag-error">{error}</p>}
      {run.error && <p className="diag-error">{run.error}</p>}
      {inv && (
        <>
          <ul className="diag-list" aria-label="Images">
            {inv.images.map((i) => (
              <ImageRow
                key={i.reference}
                image={i}
                progress={run.images[i.reference]}
                disabled={working}
                provide={(rebuild) => start({ blueprint, project, only: [i.reference], rebuild })}
              />
            ))}
          </ul>
          {missing.length > 0 && (
            <p>
              <button type="button" className="diag-open" onClick={() => start({ blueprint, project })} disabled={working}>
                Pull & build missing
              </button>{' '}
              <span className="muted">
                {missing.length} image{missing.length === 1 ? '' : 's'} missing
              </span>
            </p>
          )}
          {inv.unused.length > 0 ? (
            <p>
              {inv.unused.length} unused image{inv.unused.length === 1 ? '' : 's'} built for {project} (
              {mb(inv.unused.reduce((n, u) => n + u.sizeBytes, 0))}){' '}
              <button type="button" className="diag-open" onClick={remove} disabled={working}>
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

function ImageRow({
  image: i,
  progress,
  disabled,
  provide,
}: {
  image: Image;
  progress: Parameters<typeof progressText>[0] | undefined;
  disabled: boolean;
  provide: (rebuild: boolean) => void;
}) {
  const verb = !i.present ? (i.action === 'build' ? 'Build' : 'Pull') : i.source === 'build' ? 'Rebuild' : undefined;
  return (
    <li>
      <span className={`diag-image-state is-${i.present ? 'present' : i.action}`}>
        {i.present ? (i.source === 'build' ? 'built' : 'present') : i.action === 'build' ? 'to build' : 'to pull'}
      </span>{' '}
      {i.reference} {mb(i.sizeBytes)} {ago(i.createdAt)}
      {verb && (
        <button
          type="button"
          className="diag-image-action"
          aria-label={`${verb} ${i.reference}`}
          title={verb === 'Rebuild' ? 'Build again without the layer cache' : undefined}
          onClick={() => provide(verb === 'Rebuild')}
          disabled={disabled}
        >
          {verb}
        </button>
      )}
      {progress && (
        <div className={`diag-image-progress is-${progress.state}`} role="status" aria-label={`Progress of ${i.reference}`}>
          {progressText(progress)}
        </div>
      )}
    </li>
  );
}
