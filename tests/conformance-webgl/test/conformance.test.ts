import { defineConformanceSuite } from '@tensorkit/conformance';
import { WEBGL_TOLERANCE } from './tolerance';

/*
 * The whole conformance suite on the WebGL backend in headless Chromium, with the GPU tolerance
 * documented in ../README.md (tolerance.ts).
 */
defineConformanceSuite({
  backend: 'webgl',
  setup: async () => {
    await import('@tensorkit/backend-webgl/register');
  },
  tolerance: WEBGL_TOLERANCE,
});
