import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vitest.config';

// These tests spawn npm, node, typedoc and tsc; files run one at a time to keep 2 cores usable.
export default mergeConfig(base, defineConfig({ test: { testTimeout: 240_000, hookTimeout: 240_000, fileParallelism: false } }));
