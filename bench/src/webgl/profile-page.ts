/**
 * The browser side of `npm run bench:webgl -- --profile`: where the MLP Adam step's time goes on
 * tensorkit's WebGL backend. Every kernel is wrapped to count its launches and time it (a
 * `gl.finish()` before and after, so the times are serialised GPU + dispatch time, not overlapped),
 * and tfjs's `runWebGLProgram` is wrapped to count the shader passes underneath (packing and
 * unpacking included). tfjs's own step is listed by `tf.profile` (kernel counts only).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-webgl';
import { webglKernels, type WebGLBackend } from '@tensorkit/backend-webgl';
import type { KernelConfig } from '@tensorkit/core';
import { mlpStep, startBackends } from './benchmarks';

/** One row of the profile: launches and milliseconds per training step. */
export interface ProfileRow {
  readonly name: string;
  readonly perStep: number;
  readonly msPerStep: number;
}

const STEPS = 5;
const kernelStats = new Map<string, { n: number; ms: number }>();
const passStats = new Map<string, { n: number; ms: number }>();
let profiling = false;
let patched = false;

function add(stats: Map<string, { n: number; ms: number }>, name: string, ms: number): void {
  const s = stats.get(name) ?? { n: 0, ms: 0 };
  s.n++;
  s.ms += ms;
  stats.set(name, s);
}

/** Names a shader pass: tfjs's program classes by class name, our flat programs by their body. */
function passName(program: { constructor: { name: string }; userCode: string }): string {
  if (program.constructor.name !== 'Object') return `tfjs ${program.constructor.name}`;
  const flat = /int i = getOutputCoords\(\);\s*([\s\S]*)}\s*$/.exec(program.userCode);
  const body = flat?.[1] ?? /void main\(\) \{\s*([\s\S]*)}\s*$/.exec(program.userCode)?.[1] ?? '';
  return `${flat ? 'flat' : 'packed'} ${body.replace(/\s+/g, ' ').replace(/vec4 x\d = getX\dAtOutCoords\(\); /g, '').slice(0, 60)}`;
}

const pixel = new Float32Array(4);
/** Waits for the GPU: `gl.finish()` does not in Chromium; a read from the bound framebuffer does. */
function sync(gl: WebGL2RenderingContext): void {
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.FLOAT, pixel);
  gl.getError(); // before the first program nothing is attached; the read still waits
}

function patchPasses(backend: WebGLBackend): void {
  if (patched) return;
  patched = true;
  const tfjs = backend.tfjs as unknown as { runWebGLProgram: (...args: unknown[]) => unknown };
  const run = tfjs.runWebGLProgram.bind(tfjs);
  tfjs.runWebGLProgram = (...args: unknown[]) => {
    if (!profiling) return run(...args);
    sync(backend.gl);
    const t0 = performance.now();
    const out = run(...args);
    sync(backend.gl);
    add(passStats, passName(args[0] as never), performance.now() - t0);
    return out;
  };
}

const profiled: KernelConfig[] = webglKernels.map((k) => ({
  ...k,
  kernelFunc: (args) => {
    const backend = args.backend as WebGLBackend;
    patchPasses(backend);
    if (!profiling) return k.kernelFunc(args);
    sync(backend.gl);
    const t0 = performance.now();
    const out = k.kernelFunc(args);
    sync(backend.gl);
    add(kernelStats, k.kernelName, performance.now() - t0);
    return out;
  },
}));

function rows(stats: Map<string, { n: number; ms: number }>): ProfileRow[] {
  return [...stats]
    .map(([name, s]) => ({ name, perStep: s.n / STEPS, msPerStep: s.ms / STEPS }))
    .sort((a, b) => b.msPerStep - a.msPerStep);
}

async function runWebGLProfile(): Promise<{ renderer: string; kernels: ProfileRow[]; passes: ProfileRow[]; tfjsKernels: ProfileRow[] }> {
  const renderer = await startBackends(profiled);
  const prepared = await mlpStep.prepare();
  for (let i = 0; i < 3; i++) {
    await prepared.tensorkit();
    await prepared.peer();
  }
  profiling = true;
  for (let i = 0; i < STEPS; i++) await prepared.tensorkit();
  profiling = false;
  const tfjsStats = new Map<string, { n: number; ms: number }>();
  for (let i = 0; i < STEPS; i++) {
    const info = await tf.profile(() => prepared.peer());
    for (const k of info.kernels) add(tfjsStats, k.name, 0);
  }
  prepared.dispose();
  return { renderer, kernels: rows(kernelStats), passes: rows(passStats), tfjsKernels: rows(tfjsStats) };
}

(globalThis as { runWebGLProfile?: typeof runWebGLProfile }).runWebGLProfile = runWebGLProfile;
