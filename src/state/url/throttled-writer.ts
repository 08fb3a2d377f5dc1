/** Throttled writing of the link into the address bar. */

/** Timer functions the throttle uses; injected so tests can drive time by hand. */
export interface ThrottleTimers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

/** A throttled writer: call {@link ThrottledUrlWriter.push} as often as you like. */
export interface ThrottledUrlWriter {
  /** Offers the latest URL; it is written now or at the end of the current window (latest wins). */
  push: (url: string) => void;
  /** Writes a pending URL immediately (e.g. before unload). */
  flush: () => void;
  /** Drops a pending URL and stops the timer. */
  cancel: () => void;
}

/**
 * Throttles URL writes (the app passes a function calling history.replaceState; browsers rate-limit that
 * call). The first push is written at once and opens a window of `ms` milliseconds (default 250); pushes
 * inside the window are coalesced and only the latest is written when it closes, which opens a new window.
 * A URL equal to the last one written is not written again.
 */
export function createThrottledUrlWriter(
  write: (url: string) => void,
  ms = 250,
  timers: ThrottleTimers = {
    setTimeout: (callback, delay) => globalThis.setTimeout(callback, delay),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  },
): ThrottledUrlWriter {
  if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`ms must be a non-negative number, got ${ms}`);
  let lastWritten: string | undefined;
  let pending: string | undefined;
  let handle: unknown;
  let windowOpen = false;

  const emit = (url: string) => {
    if (url !== lastWritten) {
      lastWritten = url;
      write(url);
    }
  };
  const openWindow = () => {
    windowOpen = true;
    handle = timers.setTimeout(() => {
      windowOpen = false;
      handle = undefined;
      if (pending !== undefined) {
        const url = pending;
        pending = undefined;
        emit(url);
        openWindow();
      }
    }, ms);
  };

  return {
    push(url) {
      if (windowOpen) {
        pending = url;
        return;
      }
      emit(url);
      openWindow();
    },
    flush() {
      if (pending === undefined) return;
      const url = pending;
      pending = undefined;
      emit(url);
    },
    cancel() {
      pending = undefined;
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = undefined;
      windowOpen = false;
    },
  };
}
