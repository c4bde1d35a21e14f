import type { Diagnostic } from '@blaupause/model';
import { ReactFlowProvider } from '@xyflow/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppContext, type AppContextValue } from '../store/app-context';
import { elementExists } from '../store/selection';
import { createAppStore } from '../store/store';
import { templateBlueprint } from '../templates/templates';
import { NOTES_SHOWN, NotesStrip, noteTitle } from './NotesStrip';

const note = (i: number): Diagnostic => ({
  code: 'FIDELITY_APPROXIMATED',
  severity: 'info',
  target: 'compose',
  path: ['services', 'weba', 'x', i],
  elementId: 'service:weba',
  message: `note ${i}`,
});

const bp = templateBlueprint('seed-compose');
// The strip reads the store only (to focus an element on click); nothing else of the context is used.
const context = { store: createAppStore(bp) } as AppContextValue;

/** The markup without React's text separators. */
const render = (count: number) =>
  renderToStaticMarkup(
    <AppContext.Provider value={context}>
      <ReactFlowProvider>
        <NotesStrip exists={(id) => elementExists(bp, id)} notes={Array.from({ length: count }, (_, i) => note(i))} target="Compose" />
      </ReactFlowProvider>
    </AppContext.Provider>,
  ).replaceAll('<!-- -->', '');

describe('NotesStrip', () => {
  it('lists a long list’s first notes and offers the rest', () => {
    const html = render(NOTES_SHOWN + 50);
    expect(html.match(/<li>/g)).toHaveLength(NOTES_SHOWN);
    expect(html).toContain(`Show all ${NOTES_SHOWN + 50} notes (50 more)`);
    expect(html).toContain('weba');
  });

  it('lists a short list whole, with no button', () => {
    const html = render(12);
    expect(html.match(/<li>/g)).toHaveLength(12);
    expect(html).not.toContain('Show all');
  });

  it('keeps each note’s whole message in its text and its tooltip (the strip shows one line of it)', () => {
    const html = render(1);
    expect(html).toContain('<span class="note-message">note 0</span>');
    expect(html).toContain('title="note 0"');
    expect(noteTitle({ ...note(1), hint: 'Use a volume.' })).toBe('note 1\nUse a volume.');
  });
});
