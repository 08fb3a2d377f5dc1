/**
 * The main thread's side of the evaluation worker: one evaluation at a time; starting a new one cancels
 * (terminates) the one in flight, whose promise rejects with "cancelled".
 */
import type { EvaluateProgramOptions, ProgramEvaluation, ProgramSeries } from '../state/program-evaluation';

/** Progress of an evaluation: estimators done of total. */
export interface EvaluationProgress {
  done: number;
  total: number;
  method: string;
}

let current: { worker: Worker; cancel: () => void } | null = null;
let nextId = 0;

/** Cancels the evaluation in flight, if any. */
export function cancelEvaluation(): void {
  current?.cancel();
  current = null;
}

/** Runs {@link evaluateProgram} in a Web Worker. */
export function evaluateInWorker(
  series: ProgramSeries,
  options: Omit<EvaluateProgramOptions, 'onProgress'>,
  onProgress?: (p: EvaluationProgress) => void,
): Promise<ProgramEvaluation> {
  cancelEvaluation();
  const id = ++nextId;
  const worker = new Worker(new URL('./evaluation.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ProgramEvaluation>((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      if (current?.worker === worker) current = null;
    };
    current = {
      worker,
      cancel: () => {
        worker.terminate();
        reject(new Error('cancelled'));
      },
    };
    worker.onmessage = (event: MessageEvent) => {
      const msg = event.data as
        | { id: number; type: 'progress'; done: number; total: number; method: string }
        | { id: number; type: 'result'; result: ProgramEvaluation }
        | { id: number; type: 'error'; message: string };
      if (msg.id !== id) return;
      if (msg.type === 'progress') onProgress?.(msg);
      else if (msg.type === 'result') {
        finish();
        resolve(msg.result);
      } else {
        finish();
        reject(new Error(msg.message));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'the evaluation worker failed'));
    };
    worker.postMessage({ id, series, options });
  });
}
