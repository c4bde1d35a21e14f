import type { Service } from '@blaupause/model';
import { useCallback, useMemo } from 'react';
import { keepFocusOnCanvas } from '../canvas/focus-node';
import { mainContainerName } from '../model/doc';
import { useApp, useAppStore } from '../store/useApp';
import { duplicateSelection } from '../useShortcuts';
import { CommitField } from './CommitField';
import { imageProblem, nameProblem, replicasProblem } from './field-rules';
import { LinksForm } from './LinksForm';
import { MountsForm, volumeMounts } from './MountsForm';
import { NetworksForm } from './NetworksForm';
import { useSameList } from './OptionList';
import { PodForm } from './PodForm';
import { PortsForm } from './PortsForm';

interface Props {
  name: string;
  service: Service;
  /** Service names in use (for the rename check and the links). */
  taken: readonly string[];
  volumes: readonly string[];
}

/** Name, the main container's image, replicas, the pod, its links and its volumes. */
export function ServiceInspector({ name, service, taken: givenTaken, volumes: givenVolumes }: Props) {
  const dispatch = useApp((s) => s.dispatch);
  // The same arrays while the names are the same: the memoised forms below are not rendered by an image edit.
  const taken = useSameList(givenTaken);
  const volumes = useSameList(givenVolumes);
  const store = useAppStore();
  const main = mainContainerName(service);
  const image = main ? (service.containers[main]?.image ?? '') : '';
  // Stable callbacks for the memoised fields whose value an image edit does not change (name, replicas).
  const others = useMemo(() => taken.filter((t) => t !== name), [taken, name]);
  const validateName = useCallback((d: string) => nameProblem(d, others), [others]);
  const rename = useCallback((to: string) => dispatch({ kind: 'renameService', from: name, to }), [dispatch, name]);
  const setReplicas = useCallback((v: string) => dispatch({ kind: 'setReplicas', service: name, replicas: Number(v) }), [dispatch, name]);
  return (
    <div className="inspector-body">
      <p className="inspector-heading">
        <span className="kind-chip">Service</span> {name}
      </p>
      {/* Not keyed by the name: a rename keeps the field, and the focus in it (as the volume's). */}
      <CommitField label="Name" value={name} validate={validateName} onCommit={rename} />
      {main && (
        <CommitField
          key={`image:${main}`}
          label={`Image (${main})`}
          value={image}
          placeholder="e.g. nginx:1.27"
          validate={imageProblem}
          onCommit={(v) => dispatch({ kind: 'setImage', service: name, container: main, image: v })}
        />
      )}
      <CommitField
        label="Replicas"
        type="number"
        min={0}
        value={String(service.replicas)}
        validate={replicasProblem}
        onCommit={setReplicas}
      />
      <h3 className="subheading">Pod</h3>
      <PodForm service={name} containers={service.containers} />
      <PortsForm name={name} ports={service.ports} />
      <LinksForm name={name} links={service.links} services={taken} />
      <MountsForm name={name} mounts={volumeMounts(service.containers)} volumes={volumes} />
      <NetworksForm name={name} joined={service.networks} />
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => duplicateSelection(store)}
          aria-label={`Duplicate service ${name}`}
          title="Ctrl+D"
        >
          Duplicate
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() => dispatch({ kind: 'removeService', name }) && keepFocusOnCanvas()}
          aria-label={`Delete service ${name}`}
        >
          Delete service
        </button>
      </div>
    </div>
  );
}
