import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/** Resolves `./parallel` to `./parallel.browser.ts`: browsers get no worker-pool code at all. */
const browserParallel: EsbuildPlugin = {
  name: 'browser-parallel',
  setup(build) {
    build.onResolve({ filter: /^\.\/parallel$/ }, (args) => ({ path: resolve(args.resolveDir, 'parallel.browser.ts') }));
  },
};

const entry = ['src/index.ts', 'src/register.ts'];

export default defineConfig([
  // dist/browser is the other build's; both run at once, so neither cleans the other's files.
  { entry, format: ['esm', 'cjs'], dts: true, clean: ['!browser/**'], sourcemap: true, target: 'es2022' },
  // The `browser` export condition: ESM, types shared with the main build.
  { entry, format: ['esm'], outDir: 'dist/browser', clean: true, sourcemap: true, target: 'es2022', esbuildPlugins: [browserParallel] },
]);
