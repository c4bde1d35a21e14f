import { ReactFlowProvider } from '@xyflow/react';
import { Suspense, useState } from 'react';
import { Canvas } from './canvas/Canvas';
import { createLiveData, LiveDataContext } from './canvas/live-data';
import { FileDropOverlay } from './files/FileDropOverlay';
import { INSPECTOR_SPLIT, PaneSeparator, PROBLEMS_SPLIT, SIDEBAR_SPLIT } from './layout/PaneSeparator';
import { LazyPart } from './lazy/ChunkBoundary';
import { lazyRetry } from './lazy/retry';
import { useLibrary } from './library/LibraryContext';
import { Inspector } from './panels/Inspector';
import { Palette } from './panels/Palette';
import { Toolbar } from './panels/Toolbar';
import { YamlPanel } from './panels/YamlPanel';
import { useAutosave } from './persistence/useAutosave';
import { useAppStore } from './store/useApp';
import { TeachingMount } from './teaching/TeachingMount';
import { useShortcuts } from './useShortcuts';

// The deploy side (tRPC client, panel, toasts) is its own chunk: the designer opens without it.
const loadDeployDock = () => import('./deploy/DeployDock');
// The problems list needs the worker's analysis, which arrives after the first paint anyway: its
// code (and the file report view) is a chunk of its own, the panel's frame is there from the start.
const ProblemsPanel = lazyRetry(() => import('./panels/ProblemsPanel').then((m) => ({ default: m.ProblemsPanel })));
const problemsFrame = (
  <section className="problems" id="problems" aria-label="Problems" aria-busy="true">
    <h2 className="panel-title">Problems</h2>
  </section>
);

/** The designer: palette | canvas over problems | inspector over the YAML preview, with resizable splits. */
export function App() {
  const store = useAppStore();
  useShortcuts(store);
  useAutosave(store, useLibrary());
  const [live] = useState(createLiveData);
  return (
    <ReactFlowProvider>
      <LiveDataContext.Provider value={live}>
        <div className="app">
          <Toolbar />
          <Palette />
          <main className="workspace">
            <Canvas />
            <Suspense fallback={problemsFrame}>
              <ProblemsPanel />
            </Suspense>
            <PaneSeparator split={PROBLEMS_SPLIT} />
          </main>
          <PaneSeparator split={SIDEBAR_SPLIT} />
          <aside className="sidebar" id="sidebar" aria-label="Sidebar">
            <Inspector />
            <PaneSeparator split={INSPECTOR_SPLIT} />
            <YamlPanel />
          </aside>
          <LazyPart what="the deploy panel" load={loadDeployDock} />
          <TeachingMount />
          <FileDropOverlay />
        </div>
      </LiveDataContext.Provider>
    </ReactFlowProvider>
  );
}
