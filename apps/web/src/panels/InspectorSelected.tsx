import { type Blueprint, elementKind } from '@blaupause/model';
import { edgeEnds } from '../flow/flow-ids';
import { EdgeInspector } from './EdgeInspector';
import { JoinInspector, NetworkInspector } from './NetworkInspector';
import { ServiceInspector } from './ServiceInspector';
import { VolumeInspector } from './VolumeInspector';

const nameOf = (id: string) => id.slice(id.indexOf(':') + 1);

/**
 * The Inspector's form for one selected element (service, volume, network, link, mount, join). A
 * chunk of its own: the first paint shows the blueprint's summary and needs none of the forms.
 */
export default function Selected({ bp, id }: { bp: Blueprint; id: string }) {
  const kind = elementKind(id);
  if (kind === 'service') {
    const name = nameOf(id);
    const service = bp.services[name];
    return service ? (
      <ServiceInspector key={name} name={name} service={service} taken={Object.keys(bp.services)} volumes={Object.keys(bp.volumes ?? {})} />
    ) : null;
  }
  if (kind === 'volume') return <VolumeInspector bp={bp} name={nameOf(id)} />;
  if (kind === 'network') return <NetworkInspector key={id} bp={bp} name={nameOf(id)} />;
  const [from, to] = edgeEnds(id) ?? ['', ''];
  if (id.startsWith('join:')) return <JoinInspector service={from} network={to} />;
  return <EdgeInspector bp={bp} kind={kind === 'link' ? 'link' : 'mount'} from={from} to={to} />;
}
