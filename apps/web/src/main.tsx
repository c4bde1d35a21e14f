import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { withDefaultLayout } from './flow/default-layout';
import { restoreDocument } from './persistence/autosave';
import { AppContext } from './store/app-context';
import { createAppStore, selectBlueprint } from './store/store';
import { templateBlueprint } from './templates/templates';
import AnalysisWorker from './worker/analysis.worker?worker';
import { type AnalysisPort, createAnalysisSource } from './worker/analysis-source';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/app.css';
import './styles/canvas.css';
import './styles/nodes.css';
import './styles/panels.css';
import './styles/inspector.css';
import './styles/problems.css';

// Composition root: the store, the analysis worker and the storage are created here and injected, never on import.
const storage = browserStorage();
const store = createAppStore(withDefaultLayout((storage && restoreDocument(storage)) ?? templateBlueprint('seed-compose')));
// The analysis follows the store: every new document goes to the worker (moves are filtered there).
const analysis = createAnalysisSource(new AnalysisWorker() as unknown as AnalysisPort);
analysis.request(selectBlueprint(store.getState()));
store.subscribe((s) => analysis.request(selectBlueprint(s)));
const context = { store, analysis, storage };

/** localStorage, unless the browser refuses it (private modes, disabled storage). */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <AppContext value={context}>
      <App />
    </AppContext>
  </StrictMode>,
);
