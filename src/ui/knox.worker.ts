/**
 * Web Worker for the near-repeat (Knox) test: runs `knoxTest` on the incidents it is sent and posts
 * progress (at most every 100 ms) and the result. Cancelling terminates the worker.
 */
import { type KnoxOptions, type KnoxResult, knoxTest } from '../analysis/nearrepeat/knox-test';
import { type NearRepeatFacts, nearRepeatFacts } from '../analysis/nearrepeat/near-repeat-sentence';

/** A request: incidents as columns and the test options (without callbacks). */
export interface KnoxWorkerRequest {
  lon: Float64Array;
  lat: Float64Array;
  day: Int32Array;
  options: Omit<KnoxOptions, 'onProgress' | 'signal'>;
}

/** Messages from the worker. */
export type KnoxWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: KnoxResult; facts: NearRepeatFacts; millis: number }
  | { type: 'error'; message: string };

self.onmessage = (event: MessageEvent<KnoxWorkerRequest>) => {
  const { lon, lat, day, options } = event.data;
  const t0 = performance.now();
  let last = 0;
  try {
    const result = knoxTest(
      { lon, lat, day },
      {
        ...options,
        onProgress: (done, total) => {
          const now = performance.now();
          if (now - last > 100 || done === total) {
            last = now;
            self.postMessage({ type: 'progress', done, total } satisfies KnoxWorkerMessage);
          }
        },
      },
    );
    self.postMessage({
      type: 'result',
      result,
      facts: nearRepeatFacts(result),
      millis: performance.now() - t0,
    } satisfies KnoxWorkerMessage);
  } catch (error) {
    self.postMessage({ type: 'error', message: (error as Error).message } satisfies KnoxWorkerMessage);
  }
};
