import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createAnalyzer } from './analysis/analyze';
import { AppContext } from './store/app-context';
import { createAppStore } from './store/store';
import { templateBlueprint } from './templates/templates';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/app.css';
import './styles/canvas.css';
import './styles/nodes.css';
import './styles/panels.css';
import './styles/problems.css';

// Composition root: the store and the analyzer are created here and injected, never on import.
const store = createAppStore(templateBlueprint('seed-compose'));
const context = { store, analyze: createAnalyzer() };

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <AppContext value={context}>
      <App />
    </AppContext>
  </StrictMode>,
);
