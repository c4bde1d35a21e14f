import { type Blueprint, QUANTITY, type Volume } from '@blaupause/model';
import { useId } from 'react';
import { keepFocusOnCanvas } from '../canvas/focus-node';
import { VOLUME_ACCESS } from '../model/volume-commands';
import { useApp } from '../store/useApp';
import { CommitField } from './CommitField';
import { nameProblem } from './field-rules';

const ACCESS_HINTS: Record<Volume['access'], string> = {
  'single-writer': 'one pod mounts it read-write (ReadWriteOnce)',
  shared: 'many pods mount it (ReadWriteMany)',
};

/** The schema's rule for sizes (a Kubernetes quantity); empty is the engine's default. */
export function sizeProblem(draft: string): string | undefined {
  const d = draft.trim();
  return d === '' || QUANTITY.test(d) ? undefined : 'A size such as 512Mi, 1Gi or 100M (empty: the engine’s default).';
}

/** A volume: name (renamed with every mount of it), access mode and size, who mounts it. */
export function VolumeInspector({ bp, name }: { bp: Blueprint; name: string }) {
  const dispatch = useApp((s) => s.dispatch);
  const id = useId();
  const volume = bp.volumes?.[name];
  if (!volume) return null;
  const others = Object.keys(bp.volumes ?? {}).filter((v) => v !== name);
  const users = Object.entries(bp.services).flatMap(([s, svc]) =>
    Object.entries(svc.containers).flatMap(([c, spec]) =>
      (spec.mounts ?? []).flatMap((m) => (m.type === 'volume' && m.source === name ? [`${s} · ${c} at ${m.target}`] : [])),
    ),
  );
  const kept = [
    volume.perReplica && 'one copy per replica',
    volume.ephemeral && 'ephemeral (in memory)',
    volume.external && 'external',
  ].filter((x): x is string => !!x);
  return (
    <div className="inspector-body">
      <p className="inspector-heading">
        <span className="kind-chip">Volume</span> {name}
      </p>
      <CommitField
        label="Name"
        value={name}
        validate={(d) => nameProblem(d, others)}
        onCommit={(to) => dispatch({ kind: 'renameVolume', from: name, to })}
      />
      <div className="field">
        <label htmlFor={`${id}-access`}>Access</label>
        <select
          id={`${id}-access`}
          value={volume.access}
          onChange={(e) => dispatch({ kind: 'setVolumeOptions', name, options: { access: e.target.value as Volume['access'] } })}
        >
          {VOLUME_ACCESS.map((a) => (
            <option key={a} value={a}>
              {a} — {ACCESS_HINTS[a]}
            </option>
          ))}
        </select>
      </div>
      <CommitField
        label="Size"
        value={volume.size ?? ''}
        placeholder="engine default, e.g. 1Gi"
        validate={sizeProblem}
        onCommit={(size) => dispatch({ kind: 'setVolumeOptions', name, options: { size } })}
      />
      {kept.length > 0 && <p className="muted">{kept.join(' · ')}</p>}
      <h3 className="subheading">Mounted by</h3>
      {users.length > 0 ? (
        <ul className="pod-list" aria-label={`Mounts of ${name}`}>
          {users.map((u) => (
            <li key={u}>{u}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nobody yet: drag from a service’s bottom handle to this volume, or mount it in the service’s inspector.</p>
      )}
      <button
        type="button"
        className="button danger"
        onClick={() => dispatch({ kind: 'removeVolume', name }) && keepFocusOnCanvas()}
        aria-label={`Delete volume ${name}`}
      >
        Delete volume
      </button>
    </div>
  );
}
