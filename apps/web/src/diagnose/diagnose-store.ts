import { createStore } from 'zustand/vanilla';

/** Which service's containers the Inspect panel shows (undefined: closed). The API and project come from the orchestrator's store. */
export interface DiagnoseState {
  service: string | undefined;
}

export const diagnoseStore = createStore<DiagnoseState>(() => ({ service: undefined }));

export const openInspect = (service: string | undefined) => diagnoseStore.setState({ service });
