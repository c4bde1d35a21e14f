import { memo, useCallback } from 'react';
import { buildLabel } from '../deploy/build-progress';
import { type NodeLiveState, useNodeLive } from './useNodeLive';
import './build-badge.css';

/**
 * A service's image build on its node while a deploy or an images action builds it: "building ·
 * Step 2/4" with the current line as tooltip, then "built", or "build failed · Step 2/2" with the
 * engine's message. Subscribes to this service's entry only: without builds it renders nothing
 * and no progress event re-renders it.
 */
export const BuildBadge = memo(function BuildBadge({ service }: { service: string }) {
  const build = useNodeLive(useCallback((s: NodeLiveState) => s.builds.services[service], [service]));
  if (!build) return null;
  const label = buildLabel(build);
  return (
    <div
      className={`build-badge is-${build.state}`}
      role="status"
      aria-label={`${service} image: ${label}`}
      title={`${build.container}: ${build.line}`}
      data-state={build.state}
    >
      <span className="build-dot" aria-hidden="true" />
      <span className="build-label">{label}</span>
      {build.state === 'building' && <span className="build-line">{build.line}</span>}
    </div>
  );
});
