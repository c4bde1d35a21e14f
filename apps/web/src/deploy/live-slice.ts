import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../store/store';
import type { ProgressEvent, StatusEvent } from './api-types';
import { NO_BUILDS, type NodeBuilds, reduceBuilds } from './build-progress';
import { EMPTY_LIVE, type LiveState, reduceStatus } from './live-state';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  title: string;
  detail?: string;
  /** The deployment project it is about (a run's failure, a container's exit); another blueprint opened drops it. */
  project?: string;
}

/** Live status of the deployment and failure toasts: UI state fed by the status stream, never part of the document. */
export interface LiveSlice {
  live: LiveState;
  toasts: Toast[];
  /** Image builds of the latest run, per service (nodes show them). */
  builds: NodeBuilds;
  applyStatus(event: StatusEvent): void;
  /** A progress event of run `runId` (deploy or images action): only build-related ones change `builds`. */
  applyProgress(event: ProgressEvent, runId: string): void;
  setLiveStream(stream: LiveState['stream'], project?: string): void;
  toast(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
  /** Drops the toasts about other projects than `project` (the blueprint shown changed); the others stay. */
  keepToastsOf(project: string): void;
}

let nextToast = 1;

export const createLiveSlice: StateCreator<AppState, [], [], LiveSlice> = (set, get) => ({
  live: EMPTY_LIVE,
  toasts: [],
  builds: NO_BUILDS,
  applyStatus(event) {
    set((s) => ({ live: reduceStatus(s.live, event) }));
  },
  applyProgress(event, runId) {
    const builds = reduceBuilds(get().builds, event, runId);
    if (builds !== get().builds) set({ builds });
  },
  setLiveStream(stream, project) {
    set((s) => ({
      live: project !== undefined && project !== s.live.project ? { ...EMPTY_LIVE, stream, project } : { ...s.live, stream },
    }));
  },
  toast(toast) {
    // One failure reaches here by more than one way (a run's error event, the status stream, a retry):
    // a toast saying the same as one still shown is not added again.
    if (get().toasts.some((t) => t.kind === toast.kind && t.title === toast.title && t.detail === toast.detail)) return;
    // The newest five; older ones leave on their own rather than piling up over the canvas.
    set((s) => ({ toasts: [...s.toasts, { ...toast, id: nextToast++ }].slice(-5) }));
  },
  dismissToast(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
  keepToastsOf(project) {
    const kept = get().toasts.filter((t) => t.project === undefined || t.project === project);
    if (kept.length !== get().toasts.length) set({ toasts: kept });
  },
});
