import { Component, type ComponentType, type ReactNode, Suspense, useMemo, useState } from 'react';
import { lazyRetry } from './retry';

interface BoundaryProps {
  /** What failed to load, for the message ("the deploy panel"). */
  what: string;
  onRetry: () => void;
  children: ReactNode;
}

/**
 * Keeps the designer alive when a lazily loaded part cannot be loaded even after retries: that
 * part shows a small notice with a Retry button instead of blanking the whole app. The user's work
 * is untouched.
 */
export class ChunkBoundary extends Component<BoundaryProps, { error: Error | undefined }> {
  override state = { error: undefined as Error | undefined };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error)
      return (
        <div className="chunk-failed" role="alert">
          <span>
            Could not load {this.props.what}: {this.state.error.message}
          </span>
          <button type="button" className="button" onClick={this.props.onRetry}>
            Retry
          </button>
        </div>
      );
    return this.props.children;
  }
}

/**
 * A lazily loaded part behind its own boundary. Retry makes a new lazy component (React keeps a
 * failed one failed), whose import goes to the chunk's URL afresh.
 */
export function LazyPart({ what, load }: { what: string; load: () => Promise<{ default: ComponentType }> }) {
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt must make a new lazy component
  const Part = useMemo(() => lazyRetry(load), [load, attempt]);
  return (
    <ChunkBoundary key={attempt} what={what} onRetry={() => setAttempt((a) => a + 1)}>
      <Suspense fallback={null}>
        <Part />
      </Suspense>
    </ChunkBoundary>
  );
}
