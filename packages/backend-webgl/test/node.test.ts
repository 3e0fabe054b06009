import { isTensorkitError, use } from '@tensorkit/core';
import { setBackend } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { createWebGLBackend, webglBackend, webglBackendPlugin, webglKernels } from '../src/index';

/*
 * Outside a browser there is no canvas: the backend must refuse to start with a clear error that
 * points at the CPU backend. The GPU paths are tested in Chromium (tests/conformance-webgl).
 */
describe('webgl backend outside a browser', () => {
  it('createWebGLBackend fails with BACKEND_INIT_FAILED and suggests the CPU backend', async () => {
    const err = await createWebGLBackend().catch((e: unknown) => e);
    expect(isTensorkitError(err, 'BACKEND_INIT_FAILED')).toBe(true);
    expect((err as Error).message).toMatch(/no canvas is available.*setBackend\('cpu'\)/);
  });

  it('setBackend(webgl) reports the failure through the engine', async () => {
    use(webglBackend, webglKernels);
    const err = await setBackend('webgl').catch((e: unknown) => e);
    expect(isTensorkitError(err, 'BACKEND_INIT_FAILED')).toBe(true);
    expect((err as Error).message).toMatch(/webgl/);
  });

  it('the plugins are plain objects covering the kernel set', () => {
    expect(webglBackend).toMatchObject({ kind: 'backend', name: 'webgl', priority: 2 });
    expect(webglBackendPlugin({ allowFloat16: true })).toMatchObject({ kind: 'backend', name: 'webgl' });
    expect(new Set(webglKernels.map((k) => k.backendName))).toEqual(new Set(['webgl']));
    expect(new Set(webglKernels.map((k) => k.kernelName)).size).toBe(webglKernels.length);
  });
});
