import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

/*
 * The WebGL tests run in Debian's headless Chromium through playwright (no browser download).
 * Rendering is software: Mesa llvmpipe through ANGLE's GL-EGL path, 2-4x faster than the default
 * SwiftShader here (TK_WEBGL_ANGLE=swiftshader switches back). `--expose-gc` lets the memory test
 * exercise the engine's FinalizationRegistry safety net.
 */
const angle =
  process.env.TK_WEBGL_ANGLE === 'swiftshader' ? ['--use-angle=swiftshader'] : ['--use-gl=angle', '--use-angle=gl-egl'];
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--js-flags=--expose-gc',
  ...angle,
];

export default defineConfig({
  // Tests run from source, as in the root vitest.config.ts.
  resolve: { conditions: ['@tensorkit/source'] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
