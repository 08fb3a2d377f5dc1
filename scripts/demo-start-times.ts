/** The demo start as the page saw it, read by `npm run bench` and `scripts/profile-demo-start.ts`. */

/**
 * In the page, from navigation (performance time 0): the demo's first screen data (summaries read), the first
 * map frame with data drawn (the first meaningful map), engine ready, demo partitions loaded, and "every view
 * live": the demo dataset is loaded and every view has its engine result with nothing pending, for 300 ms.
 */
export async function demoStartTimes(): Promise<Record<string, number>> {
  const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
  const live = () =>
    performance.getEntriesByName('cvi:demo-loaded').length > 0 &&
    document.querySelector('.app[data-ready="true"][data-pending="false"]:not([data-archive-preview])') !==
      null;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  let since = Number.NaN;
  for (;;) {
    await frame();
    if (!live()) since = Number.NaN;
    else if (Number.isNaN(since)) since = performance.now();
    else if (performance.now() - since >= 300) break;
  }
  return {
    firstScreen: at('cvi:demo-first-screen'),
    map: at('cvi:first-map-frame'),
    engine: at('cvi:engine-ready'),
    demo: at('cvi:demo-loaded'),
    live: since,
  };
}
