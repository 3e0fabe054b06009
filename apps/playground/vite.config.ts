import { defaultClientConditions, defineConfig } from 'vite';
import { mnistSubsetPlugin } from './build/mnist-subset.ts';

/**
 * Bundles the page from the packages' TypeScript sources (the `@tensorkit/source` condition), so
 * neither `vite` nor `vite build` needs the packages built first. MNIST is a 120-per-digit
 * subset of the `mnist` package (1,200 images), inlined in its own lazily loaded chunk.
 */
export default defineConfig({
  base: './',
  resolve: { conditions: ['@tensorkit/source', ...defaultClientConditions] },
  plugins: [mnistSubsetPlugin(120)],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
    // @tensorkit/layers imports node:fs only inside its Node-only directory store, on demand
    rolldownOptions: { external: [/^node:/] },
  },
});
