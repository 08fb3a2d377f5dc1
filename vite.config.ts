import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/content-security-policy';

/** Writes the Content-Security-Policy into the built page (not in development, where Vite injects inline scripts). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Asks for the first screen's data while the scripts load: the demo archive's manifest and summaries, the
 * demo's neighborhoods and the h3-js chunk are otherwise requested only once every script has run.
 */
function firstScreenPreloads(): Plugin {
  const wanted: [RegExp, Record<string, string>][] = [
    [
      /^assets\/(manifest|first-screen)-[\w-]+\.json$/,
      { rel: 'preload', as: 'fetch', crossorigin: 'anonymous' },
    ],
    [/^assets\/neighborhoods-[\w-]+\.geojson$/, { rel: 'preload', as: 'fetch', crossorigin: 'anonymous' }],
  ];
  const modules = { rel: 'modulepreload', crossorigin: '' };
  return {
    name: 'first-screen-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const bundle = Object.values(ctx.bundle ?? {});
        // h3-js as the page loads it (the geometry worker has a copy of its own)
        const h3 = bundle.flatMap((c) =>
          c.type === 'chunk' && c.name === 'h3-loader' ? c.dynamicImports : [],
        );
        const data = bundle.flatMap((c) => {
          const attrs = wanted.find(([pattern]) => pattern.test(c.fileName))?.[1];
          return attrs ? [{ attrs, file: c.fileName }] : [];
        });
        return [...data, ...h3.map((file) => ({ attrs: modules, file }))].map(({ attrs, file }) => ({
          tag: 'link',
          attrs: { ...attrs, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), firstScreenPreloads()],
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/maplibre-gl')) return 'maplibre';
          if (
            id.includes('node_modules/@deck.gl') ||
            id.includes('node_modules/@luma.gl') ||
            id.includes('node_modules/@math.gl')
          ) {
            return 'deckgl';
          }
          if (id.includes('node_modules/@duckdb')) return 'duckdb';
          if (id.includes('node_modules/apache-arrow')) return 'arrow';
          return undefined;
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
