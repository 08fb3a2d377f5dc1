/**
 * The main thread's side of the evaluation worker: each evaluation runs in its own worker, which is
 * terminated when it finishes or when the caller's AbortSignal fires (the promise then rejects with
 * "cancelled"). Callers abort the previous run when they start a newer one, so only the latest runs.
 */
import type { Message } from '../analysis/messages/message';
import { failureError } from '../analysis/messages/message-error';
import type { EvaluateProgramOptions, ProgramEvaluation, ProgramSeries } from '../state/program-evaluation';

/** Progress of an evaluation: estimators done of total. */
export interface EvaluationProgress {
  done: number;
  total: number;
  method: string;
}

let nextId = 0;

/** Runs {@link evaluateProgram} in a Web Worker; `signal` cancels it. */
export function evaluateInWorker(
  series: ProgramSeries,
  options: Omit<EvaluateProgramOptions, 'onProgress'>,
  onProgress?: (p: EvaluationProgress) => void,
  signal?: AbortSignal,
): Promise<ProgramEvaluation> {
  if (signal?.aborted) return Promise.reject(new Error('cancelled'));
  const id = ++nextId;
  const worker = new Worker(new URL('./evaluation.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ProgramEvaluation>((resolve, reject) => {
    const onAbort = () => {
      worker.terminate();
      reject(new Error('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent) => {
      const msg = event.data as
        | { id: number; type: 'progress'; done: number; total: number; method: string }
        | { id: number; type: 'result'; result: ProgramEvaluation }
        | { id: number; type: 'error'; message: string; errorMessage?: Message };
      if (msg.id !== id) return;
      if (msg.type === 'progress') onProgress?.(msg);
      else if (msg.type === 'result') {
        finish();
        resolve(msg.result);
      } else {
        finish();
        reject(failureError({ error: msg.message, errorMessage: msg.errorMessage }));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'the evaluation worker failed'));
    };
    worker.postMessage({ id, series, options });
  });
}
