import type { Service } from '@blaupause/model';
import { type FormEvent, memo, useId, useState } from 'react';
import { useApp } from '../store/useApp';
import { removeRow } from './list-focus';
import { OptionList, useSameList } from './OptionList';

/** A pod's volume mounts, container by container, in order. */
export interface VolumeMount {
  container: string;
  source: string;
  target: string;
}

export function volumeMounts(containers: Service['containers']): VolumeMount[] {
  return Object.entries(containers).flatMap(([c, spec]) =>
    (spec.mounts ?? []).flatMap((m) => (m.type === 'volume' ? [{ container: c, source: m.source, target: m.target }] : [])),
  );
}

/** The same mounts in the same order (the form's props: a new containers object per image edit). */
export function sameMounts(a: readonly VolumeMount[], b: readonly VolumeMount[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((m, i) => {
        const n = b[i];
        return !!n && m.container === n.container && m.source === n.source && m.target === n.target;
      }))
  );
}

type MountsProps = { name: string; mounts: readonly VolumeMount[]; volumes: readonly string[] };

/**
 * What one row of the list says and does: the volume, where, and — when the pod's mounts come from
 * more than one container — whose mount it is; its remove button takes away that mount only.
 */
export function mountRow(service: string, m: VolumeMount, severalContainers: boolean) {
  return {
    who: severalContainers ? m.container : undefined,
    label: `Unmount ${m.source} ${severalContainers ? `from ${m.container} ` : ''}at ${m.target}`,
    command: { kind: 'unmountVolume', service, volume: m.source, container: m.container, target: m.target } as const,
  };
}

/**
 * Volume mounts of the pod, and a way to mount one into the main container: mounts without the mouse.
 * Memoised on the mounts as data: an edit of an image (a new containers object) does not render it,
 * nor its select of every volume.
 */
export const MountsForm = memo(
  function MountsForm({ name, mounts, volumes: given }: MountsProps) {
    const volumes = useSameList(given);
    const dispatch = useApp((s) => s.dispatch);
    const id = useId();
    const [volume, setVolume] = useState('');
    const [target, setTarget] = useState('/data');
    const chosen = volumes.includes(volume) ? volume : (volumes[0] ?? '');
    const several = new Set(mounts.map((m) => m.container)).size > 1;
    const problem = target.startsWith('/') ? undefined : 'An absolute path, e.g. /data.';
    const submit = (e: FormEvent) => {
      e.preventDefault();
      if (chosen && !problem) dispatch({ kind: 'mountVolume', service: name, volume: chosen, target });
    };
    return (
      <>
        <h3 className="subheading">Volumes</h3>
        <ul className="pod-list">
          {mounts.map((m) => {
            const row = mountRow(name, m, several);
            return (
              <li key={`${m.container}:${m.target}`} className="row">
                <span className="container-name">{m.source}</span> <span className="muted">at {m.target}</span>
                {row.who && <span className="muted">· {row.who}</span>}
                <button
                  type="button"
                  className="link-button"
                  onClick={(e) => removeRow(e.currentTarget, () => dispatch(row.command))}
                  aria-label={row.label}
                >
                  remove
                </button>
              </li>
            );
          })}
        </ul>
        {volumes.length === 0 ? (
          <p className="muted">Add a volume from the palette to mount it here.</p>
        ) : (
          <form className="inline-form mount-form" onSubmit={submit} aria-label="Mount a volume">
            <label htmlFor={`${id}-volume`} className="sr-only">
              Volume
            </label>
            <select id={`${id}-volume`} value={chosen} onChange={(e) => setVolume(e.target.value)}>
              <OptionList values={volumes} />
            </select>
            <label htmlFor={`${id}-target`} className="sr-only">
              Path in the container
            </label>
            <input
              id={`${id}-target`}
              value={target}
              spellCheck={false}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => setTarget(e.target.value)}
            />
            <button type="submit" className="button" disabled={!!problem} aria-label={`Mount ${chosen}`} title={problem}>
              Mount
            </button>
          </form>
        )}
      </>
    );
  },
  (a: MountsProps, b: MountsProps) => a.name === b.name && a.volumes === b.volumes && sameMounts(a.mounts, b.mounts),
);
