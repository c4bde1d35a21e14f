import { type Edge, useReactFlow } from '@xyflow/react';
import { useCallback, useContext } from 'react';
import { graphEdges } from '../canvas/far-live';
import { LiveDataContext, withLiveData } from '../canvas/live-data';
import { downloadBlob, downloadText, safeFileName } from '../files/download';
import { selectBlueprint } from '../store/store';
import { useAppStore } from '../store/useApp';

export type ExportKind = 'blueprint' | 'compose' | 'swarm' | 'kubernetes' | 'svg' | 'png';

/**
 * Downloads the document (Blueprint YAML), a compiled target, or the diagram as SVG or PNG. The
 * diagram is built from what React Flow rendered (positions, measured sizes, handles); the SVG
 * builder and the compiler load on first use (the compile here is of the document as it is now,
 * not the panel's last analysis, which may still be on its way). A failure is shown in the report area, never thrown at the user.
 */
export function useExport(): (kind: ExportKind) => Promise<void> {
  const store = useAppStore();
  const { getNodes, getEdges, getInternalNode } = useReactFlow();
  const live = useContext(LiveDataContext);
  return useCallback(
    async (kind: ExportKind) => {
      const bp = selectBlueprint(store.getState());
      const base = safeFileName(bp.metadata.name);
      try {
        if (kind === 'blueprint') {
          const { blueprintYaml } = await import('@blaupause/compiler');
          return downloadText(`${base}.blueprint.yaml`, blueprintYaml(bp));
        }
        if (kind === 'svg' || kind === 'png') {
          const [{ buildSvg }, { diagramFromFlow }] = await Promise.all([import('./svg-builder'), import('./from-flow')]);
          const head = { title: bp.metadata.name, ...(bp.metadata.description ? { subtitle: bp.metadata.description } : {}) };
          const svg = buildSvg(
            diagramFromFlow(
              head,
              withLiveData(getNodes(), live),
              withLiveData(graphEdges<Edge>(live) ?? getEdges(), live),
              getInternalNode,
            ),
          );
          if (kind === 'svg') return downloadText(`${base}.svg`, svg, 'image/svg+xml');
          const { svgToPng } = await import('./png');
          return downloadBlob(`${base}.png`, await svgToPng(svg, 2));
        }
        const { compile } = await import('@blaupause/compiler');
        const files = compile(bp, kind).files;
        if (files.length === 0) throw new Error(`nothing to export for ${kind}`);
        for (const f of files) downloadText(f.path, f.content);
      } catch (e) {
        store.getState().setReport({ title: `Export failed: ${e instanceof Error ? e.message : String(e)}`, ok: false, diagnostics: [] });
      }
    },
    [store, getNodes, getEdges, getInternalNode, live],
  );
}
