/**
 * h3-js, loaded on first use. It is a large module that the first screen does not need; everything that
 * computes cells awaits `loadH3()`, and synchronous code may then use `loadedH3()`.
 */
type H3 = typeof import('h3-js');

let h3: H3 | null = null;
let loading: Promise<H3> | null = null;

/** Loads h3-js once; resolves with the module. */
export function loadH3(): Promise<H3> {
  loading ??= import('h3-js').then((m) => {
    h3 = m;
    return m;
  });
  return loading;
}

/**
 * The loaded module.
 * @throws Error when {@link loadH3} has not finished yet.
 */
export function loadedH3(): H3 {
  if (!h3) throw new Error('h3-js is not loaded yet: await loadH3() first');
  return h3;
}
