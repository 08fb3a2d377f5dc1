/// <reference lib="webworker" />
/** Runs a network or city-level evaluation off the main thread: receives the data, posts the result or the error. */

import { failureOf } from '../analysis/messages/message-error';
import { evaluatePanelProgram, type PanelProgramData } from '../state/network-evaluation';
import type { PanelProgram } from '../state/network-registry';

/** A request to the worker. */
export interface NetworkEvaluationRequest {
  program: PanelProgram;
  data: PanelProgramData;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<NetworkEvaluationRequest>) => {
  try {
    scope.postMessage({ type: 'result', result: evaluatePanelProgram(event.data.program, event.data.data) });
  } catch (error) {
    const { error: message, errorMessage } = failureOf(error);
    scope.postMessage({ type: 'error', message, errorMessage });
  }
};
