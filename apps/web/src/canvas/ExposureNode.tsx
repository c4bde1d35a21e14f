import { elementId } from '@blaupause/model';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useCallback } from 'react';
import type { ExposureNode as ExposureNodeType } from '../flow/to-flow';
import { useAppStore } from '../store/useApp';
import { markWhenMeasured } from './far-hover';
import { useLiveData } from './live-data';
import { MarkBadges } from './MarkBadges';

/**
 * How the outside reaches one port of a service: published on a host port and/or routed by an
 * ingress. It belongs to the service's port, so it moves with the service and is edited (or
 * removed) in the service's inspector: clicking it selects the service.
 */
function ExposureNodeView({ id, data: given }: NodeProps<ExposureNodeType>) {
  const data = useLiveData(id, given);
  const store = useAppStore();
  const classes = ['exposure-node', 'nodrag', data.severity ? `has-${data.severity}` : ''];
  const what = [data.published && `published on host ${data.published}`, data.ingress && `ingress ${data.ingress}`].filter(Boolean);
  // Its width follows its text: measured again (and only then left out of a sparse far view) when that changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new ref per text takes the mark off
  const measuredRef = useCallback(markWhenMeasured, [data.published, data.ingress]);
  return (
    <div className="exposure-wrap" ref={measuredRef}>
      <button
        type="button"
        className={classes.join(' ')}
        aria-label={`Exposure of ${data.service} port ${data.port}: ${what.join(', ')}`}
        title={`${what.join('\n')}\nClick to edit it in the inspector of ${data.service}.`}
        onClick={() => store.getState().select([elementId.service(data.service)])}
      >
        {data.published && (
          <span className="exposure-row">
            <span className="exposure-kind">host</span>
            <span className="exposure-text">{data.published}</span>
          </span>
        )}
        {data.ingress && (
          <span className="exposure-row">
            <span className="exposure-kind">http</span>
            <span className="exposure-text">{data.ingress}</span>
          </span>
        )}
      </button>
      <MarkBadges severity={data.severity} problems={data.problems} notes={data.notes} />
      <Handle type="source" position={Position.Right} id="exposes" className="handle handle-exposure" isConnectable={false} />
    </div>
  );
}

export const ExposureNode = memo(ExposureNodeView);
