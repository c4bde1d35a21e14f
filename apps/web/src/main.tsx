import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createAnalyzer } from './analysis/analyze';
import { withDefaultLayout } from './flow/default-layout';
import { restoreDocument } from './persistence/autosave';
import { AppContext } from './store/app-context';
import { createAppStore } from './store/store';
import { templateBlueprint } from './templates/templates';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/app.css';
import './styles/canvas.css';
import './styles/nodes.css';
import './styles/panels.css';
import './styles/inspector.css';
import './styles/problems.css';

// Composition root: the store, the analyzer and the storage are created here and injected, never on import.
const storage = browserStorage();
const store = createAppStore(withDefaultLayout((storage && restoreDocument(storage)) ?? templateBlueprint('seed-compose')));
const context = { store, analyze: createAnalyzer(), storage };

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
