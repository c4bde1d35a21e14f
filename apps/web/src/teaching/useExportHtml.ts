import { useCallback } from 'react';
import { downloadText, safeFileName } from '../files/download';
import type { TourStep } from './content';
import type { TeachingScenes } from './scenes';

/** Downloads the teaching view as one HTML file; the renderer (react-dom/server) loads on first use. */
export function useExportHtml(data: TeachingScenes, name: string, step: TourStep | undefined): () => Promise<void> {
  return useCallback(async () => {
    const { teachingHtml } = await import('./export-html');
    downloadText(`${safeFileName(name)}-orchestration.html`, teachingHtml(data, name, step), 'text/html');
  }, [data, name, step]);
}
