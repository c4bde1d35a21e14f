import { type Blueprint, elementKind } from '@blaupause/model';
import { keepFocusOnCanvas } from '../canvas/focus-node';
import { edgeEnds } from '../flow/flow-ids';
import { useApp } from '../store/useApp';
import { EdgeInspector } from './EdgeInspector';
import { JoinInspector, NetworkInspector } from './NetworkInspector';
import { ServiceInspector } from './ServiceInspector';

const nameOf = (id: string) => id.slice(id.indexOf(':') + 1);

/**
 * The Inspector's form for one selected element (service, volume, network, link, mount, join). A
 * chunk of its own: the first paint shows the blueprint's summary and needs none of the forms.
 */
export default function Selected({ bp, id }: { bp: Blueprint; id: string }) {
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
          onClick={() => dispatch({ kind: 'removeVolume', name }) && keepFocusOnCanvas()}
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
