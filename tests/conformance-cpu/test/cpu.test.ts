import { defineConformanceSuite } from '@tensorkit/conformance';

/*
 * The CPU backend must pass the whole conformance suite with the oracle's default tolerances
 * (no overrides, no known failures).
 */
defineConformanceSuite({
  backend: 'cpu',
  setup: async () => {
    await import('@tensorkit/backend-cpu/register');
  },
});
