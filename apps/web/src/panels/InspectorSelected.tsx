import { type Blueprint, elementKind } from '@blaupause/model';
import { useRef } from 'react';
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
    return <SelectedService bp={bp} name={nameOf(id)} />;
  }
  if (kind === 'volume') return <VolumeInspector bp={bp} name={nameOf(id)} />;
  if (kind === 'network') return <NetworkInspector key={id} bp={bp} name={nameOf(id)} />;
  const [from, to] = edgeEnds(id) ?? ['', ''];
  if (id.startsWith('join:')) return <JoinInspector service={from} network={to} />;
  return <EdgeInspector bp={bp} kind={kind === 'link' ? 'link' : 'mount'} from={from} to={to} />;
}

/**
 * A service's form, mounted afresh when another service is selected (its drafts and open rows
 * belong to that service) but not when the selected one is renamed: the open pod rows and the focus
 * stay. A rename is the selected name changing to one that was not there while the old one left.
 */
function SelectedService({ bp, name }: { bp: Blueprint; name: string }) {
  const seen = useRef({ key: 0, name, services: bp.services });
  const last = seen.current;
  if (last.name !== name) {
    const renamed = !Object.hasOwn(bp.services, last.name) && !Object.hasOwn(last.services, name);
    seen.current = { key: renamed ? last.key : last.key + 1, name, services: bp.services };
  } else last.services = bp.services;
  const service = Object.hasOwn(bp.services, name) ? bp.services[name] : undefined;
  return service ? (
    <ServiceInspector
      key={seen.current.key}
      name={name}
      service={service}
      taken={Object.keys(bp.services)}
      volumes={Object.keys(bp.volumes ?? {})}
    />
  ) : null;
}
