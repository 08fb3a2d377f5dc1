/// <reference lib="webworker" />
/**
 * Runs the program-evaluation estimators off the main thread: receives a program's series, posts
 * progress after each estimator and then the result (or the error).
 */

import { failureOf } from '../analysis/messages/message-error';
import {
  type EvaluateProgramOptions,
  evaluateProgram,
  type ProgramSeries,
} from '../state/program-evaluation';

/** A request to the worker. */
export interface EvaluationRequest {
  id: number;
  series: ProgramSeries;
  options: Omit<EvaluateProgramOptions, 'onProgress'>;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<EvaluationRequest>) => {
  const { id, series, options } = event.data;
  try {
    const result = evaluateProgram(series, {
      ...options,
      onProgress: (done, total, method) => scope.postMessage({ id, type: 'progress', done, total, method }),
    });
    scope.postMessage({ id, type: 'result', result });
  } catch (error) {
    const { error: message, errorMessage } = failureOf(error);
    scope.postMessage({ id, type: 'error', message, errorMessage });
  }
};
