import type { Blueprint, LinkCondition } from '@blaupause/model';
import { useId } from 'react';
import { keepFocusOnCanvas } from '../canvas/focus-node';
import { useApp } from '../store/useApp';

const CONDITIONS: ReadonlyArray<{ value: LinkCondition; label: string }> = [
  { value: 'started', label: 'started — the target is running' },
  { value: 'healthy', label: 'healthy — its healthcheck passes' },
  { value: 'completed', label: 'completed — it ran and exited 0' },
];

/** A link ("from uses to") with its start condition, or a mount of a volume into a service's pod. */
export function EdgeInspector({ bp, kind, from, to }: { bp: Blueprint; kind: 'link' | 'mount'; from: string; to: string }) {
  const dispatch = useApp((s) => s.dispatch);
  const id = useId();
  const link = kind === 'link' ? bp.services[from]?.links?.find((l) => l.to === to) : undefined;
  const targets = Object.entries(bp.services[from]?.containers ?? {}).flatMap(([c, spec]) =>
    (spec.mounts ?? []).flatMap((m) =>
      m.type === 'volume' && m.source === to ? [`${c}: ${m.target}${m.readOnly ? ' (read-only)' : ''}`] : [],
    ),
  );
  return (
    <div className="inspector-body">
      <p className="inspector-heading">
        <span className="kind-chip">{kind === 'link' ? 'Link' : 'Mount'}</span> {from} → {to}
      </p>
      {link && (
        <div className="field">
          <label htmlFor={id}>
            Start {from} when {to} has
          </label>
          <select
            id={id}
            value={link.condition}
            onChange={(e) => dispatch({ kind: 'setLinkCondition', from, to, condition: e.target.value as LinkCondition })}
          >
            {CONDITIONS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {kind === 'mount' && (
        <ul className="pod-list" aria-label="Mount paths">
          {targets.map((t) => (
            <li key={t} className="muted">
              {t}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button danger"
        onClick={() =>
          dispatch(kind === 'link' ? { kind: 'removeLink', from, to } : { kind: 'unmountVolume', service: from, volume: to }) &&
          keepFocusOnCanvas()
        }
        aria-label={kind === 'link' ? `Delete link from ${from} to ${to}` : `Unmount ${to} from ${from}`}
      >
        {kind === 'link' ? 'Delete link' : 'Unmount'}
      </button>
    </div>
  );
}
