import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { LazyPart } from './lazy/ChunkBoundary';
import { useLibrary } from './library/LibraryContext';
import { Inspector } from './panels/Inspector';
import { Palette } from './panels/Palette';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { Toolbar } from './panels/Toolbar';
import { YamlPanel } from './panels/YamlPanel';
import { useAutosave } from './persistence/useAutosave';
import { useAppStore } from './store/useApp';
import { TeachingMount } from './teaching/TeachingMount';
import { useShortcuts } from './useShortcuts';

// The deploy side (tRPC client, panel, toasts) is its own chunk: the designer opens without it.
const loadDeployDock = () => import('./deploy/DeployDock');

/** The designer: palette | canvas over problems | inspector over the YAML preview. */
export function App() {
  const store = useAppStore();
  useShortcuts(store);
  useAutosave(store, useLibrary());
  return (
    <ReactFlowProvider>
      <div className="app">
        <Toolbar />
        <Palette />
        <main className="workspace">
          <Canvas />
          <ProblemsPanel />
        </main>
        <aside className="sidebar">
          <Inspector />
          <YamlPanel />
        </aside>
        <LazyPart what="the deploy panel" load={loadDeployDock} />
        <TeachingMount />
      </div>
    </ReactFlowProvider>
  );
}
