import type { Pool2DInfo } from '@tensorkit/core';

/** The window geometry shared by core's `Conv2DInfo` and `Pool2DInfo`. */
export type WindowGeometry = Pick<
  Pool2DInfo,
  'kh' | 'kw' | 'strideH' | 'strideW' | 'dilationH' | 'dilationW' | 'padTop' | 'padLeft' | 'outH' | 'outW'
>;

/**
 * GLSL loops over the output windows (oy, ox) whose receptive field contains input (iy, ix);
 * `body` runs for each, with `ky`, `kx` the position inside the window. The adjoint of every
 * sliding-window op (conv input gradient, pool gradients) walks its input this way.
 *
 * @example
 * ```ts
 * windowsContaining(g, 'acc += getX0(...);');
 * ```
 */
export function windowsContaining(g: WindowGeometry, body: string): string {
  return `for (int ky = 0; ky < ${g.kh}; ky++) {
    int ty = iy + ${g.padTop} - ky * ${g.dilationH};
    if (ty < 0 || ty % ${g.strideH} != 0) continue;
    int oy = ty / ${g.strideH};
    if (oy >= ${g.outH}) continue;
    for (int kx = 0; kx < ${g.kw}; kx++) {
      int tx = ix + ${g.padLeft} - kx * ${g.dilationW};
      if (tx < 0 || tx % ${g.strideW} != 0) continue;
      int ox = tx / ${g.strideW};
      if (ox >= ${g.outW}) continue;
      ${body}
    }
  }`;
}
