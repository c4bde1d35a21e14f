/// <reference lib="webworker" />
import { analyze } from '../analysis/analyze';
import { createAnalysisHost } from './analysis-host';
import type { AnalysisRequest } from './protocol';

// Validation and the three compilers run here, off the main thread: typing and panning stay fluid
// on big blueprints, and the initial chunk carries neither the compiler nor the emitters.
const host = createAnalysisHost(analyze);
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<AnalysisRequest>) => scope.postMessage(host(e.data));
