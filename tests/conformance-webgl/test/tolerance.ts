import type { ToleranceOverrides } from '@tensorkit/conformance';

/** The WebGL backend's tolerance overrides; each is justified in ../README.md. */
export const WEBGL_TOLERANCE: ToleranceOverrides = {};
