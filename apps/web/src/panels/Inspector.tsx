import { type Blueprint, elementKind } from '@blaupause/model';
import { edgeEnds } from '../flow/flow-ids';
import { selectBlueprint } from '../store/store';
import { useApp } from '../store/useApp';
import { EdgeInspector } from './EdgeInspector';
import { JoinInspector, NetworkInspector } from './NetworkInspector';
import { ServiceInspector } from './ServiceInspector';

const nameOf = (id: string) => id.slice(id.indexOf(':') + 1);

/** A form for the selected element; a summary of the blueprint when nothing (or several) is selected. */
export function Inspector() {
  const bp = useApp(selectBlueprint);
  const selection = useApp((s) => s.selection);
  const only = selection.length === 1 ? selection[0] : undefined;
  return (
    <section className="inspector" aria-label="Inspector">
      <h2 className="panel-title">Inspector</h2>
      {only === undefined ? <Summary bp={bp} selected={selection.length} /> : <Selected bp={bp} id={only} />}
    </section>
  );
}

function Selected({ bp, id }: { bp: Blueprint; id: string }) {
  const dispatch = useApp((s) => s.dispatch);
  const kind = elementKind(id);
  if (kind === 'service') {
    const name = nameOf(id);
    const service = bp.services[name];
    return service ? (
      <ServiceInspector key={name} name={name} service={service} taken={Object.keys(bp.services)} volumes={Object.keys(bp.volumes ?? {})} />
    ) : null;
  }
  if (kind === 'volume') {
    const name = nameOf(id);
    const volume = bp.volumes?.[name];
    return (
      <div className="inspector-body">
        <p className="inspector-heading">
          <span className="kind-chip">Volume</span> {name}
        </p>
        <dl className="facts">
          <dt>Access</dt>
          <dd>{volume?.access}</dd>
          <dt>Size</dt>
          <dd>{volume?.size ?? 'engine default'}</dd>
        </dl>
        <button
          type="button"
          className="button danger"
          onClick={() => dispatch({ kind: 'removeVolume', name })}
          aria-label={`Delete volume ${name}`}
        >
          Delete volume
        </button>
      </div>
    );
  }
  if (kind === 'network') return <NetworkInspector key={id} bp={bp} name={nameOf(id)} />;
  const [from, to] = edgeEnds(id) ?? ['', ''];
  if (id.startsWith('join:')) return <JoinInspector service={from} network={to} />;
  return <EdgeInspector bp={bp} kind={kind === 'link' ? 'link' : 'mount'} from={from} to={to} />;
}

function Summary({ bp, selected }: { bp: Blueprint; selected: number }) {
  const services = Object.keys(bp.services).length;
  const volumes = Object.keys(bp.volumes ?? {}).length;
  return (
    <div className="inspector-body">
      <p className="inspector-heading">
        <span className="kind-chip">Blueprint</span> {bp.metadata.name}
      </p>
      {bp.metadata.description && <p className="muted">{bp.metadata.description}</p>}
      <p className="muted">
        {services} {services === 1 ? 'service' : 'services'}, {volumes} {volumes === 1 ? 'volume' : 'volumes'}
        {selected > 1 ? ` · ${selected} elements selected` : ' · select a node to edit it'}
      </p>
    </div>
  );
}
