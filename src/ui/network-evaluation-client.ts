/** The main thread's side of the network evaluation worker: one worker per run, terminated when it ends. */
import type { Message } from '../analysis/messages/message';
import { failureError } from '../analysis/messages/message-error';
import type { PanelProgramData, PanelProgramResult } from '../state/network-evaluation';
import type { PanelProgram } from '../state/network-registry';

/** Runs {@link evaluatePanelProgram} in a Web Worker. */
export function evaluatePanelProgramInWorker(
  program: PanelProgram,
  data: PanelProgramData,
): Promise<PanelProgramResult> {
  const worker = new Worker(new URL('./network.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<PanelProgramResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent) => {
      const msg = event.data as
        | { type: 'result'; result: PanelProgramResult }
        | { type: 'error'; message: string; errorMessage?: Message };
      worker.terminate();
      if (msg.type === 'result') resolve(msg.result);
      else reject(failureError({ error: msg.message, errorMessage: msg.errorMessage }));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the evaluation worker failed'));
    };
    worker.postMessage({ program, data });
  });
}
