import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

interface SizeResult {
  name: string;
  size: number;
  passed: boolean;
}

/** Bundles `code` for the browser (or Node) from the built packages, minified, as an app would. */
async function bundle(code: string, platform: 'browser' | 'node' = 'browser'): Promise<string> {
  const r = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'ts' },
    bundle: true, minify: true, format: 'esm', platform, write: false, logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

describe('size budgets (.size-limit.json, min+gzip)', () => {
  it('every package entry and the MLP training app stay within budget', () => {
    // size-limit exits non-zero when a budget fails; --json still prints every result on stdout.
    const out = spawnSync('npx', ['size-limit', '--json'], { cwd: ROOT, encoding: 'utf8' }).stdout;
    const results = JSON.parse(out.slice(out.indexOf('['))) as SizeResult[];
    console.log(results.map((r) => `${r.name}: ${(r.size / 1000).toFixed(1)} kB`).join('\n'));
    expect(results.length).toBeGreaterThanOrEqual(11);
    expect(results.filter((r) => !r.passed).map((r) => r.name)).toEqual([]);
  });
});

describe('the MLP training app (fixtures/mlp-app.ts)', () => {
  it('its browser bundle runs and trains: the loss falls over its 5 epochs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-mlp-app-'));
    try {
      const file = join(dir, 'mlp-app.mjs');
      writeFileSync(file, await bundle(`export { train } from './tests/ecosystem/fixtures/mlp-app';`));
      const { train } = (await import(pathToFileURL(file).href)) as { train: () => Promise<number[]> };
      const loss = await train();
      console.log(`MLP app loss per epoch: ${loss.map((l) => l.toFixed(4)).join(', ')}`);
      expect(loss).toHaveLength(5);
      expect(loss.every(Number.isFinite)).toBe(true);
      expect(loss[4]!).toBeLessThan(loss[0]!);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('tree-shaking (esbuild, browser, from dist)', () => {
  it('importing one activation does not pull in the others', async () => {
    const out = await bundle(`import { reluActivation } from '@tensorkit/activations'; console.log(reluActivation);`);
    expect(out).toContain('"relu"');
    const others = ['gelu', 'selu', 'mish', 'softsign', 'hardSwish', 'leakyRelu', 'logSigmoid'].filter((n) => out.includes(`"${n}"`));
    expect(others).toEqual([]);
    expect(gzipSync(out).length).toBeLessThan(20_000);
  });

  it('importing one loss, one optimizer or one layer does not pull in the others of its package', async () => {
    const out = await bundle(`
      import { meanSquaredErrorLoss } from '@tensorkit/losses';
      import { sgd } from '@tensorkit/optim';
      import { denseLayer } from '@tensorkit/layers';
      console.log(meanSquaredErrorLoss, sgd, denseLayer);`);
    for (const name of ['"meanSquaredError"', '"sgd"', '"dense"']) expect(out).toContain(name);
    const others = ['huber', 'hinge', 'poissonNll', 'rmsprop', 'adadelta', 'oneCycleLR', 'lstm', 'gru', 'batchNorm', 'auc', 'earlyStopping'];
    expect(others.filter((n) => out.includes(`"${n}"`))).toEqual([]);
  });

  it('importing crossEntropyLoss keeps the other cross-entropy-family losses out', async () => {
    const out = await bundle(`import { crossEntropyLoss } from '@tensorkit/losses'; console.log(crossEntropyLoss);`);
    expect(out).toContain('"crossEntropy"');
    const others = ['"binaryCrossEntropy"', '"binaryCrossEntropyWithLogits"', '"categoricalCrossEntropy"', '"sparseCategoricalCrossEntropy"', '"focal"', '"categoricalFocal"'];
    expect(others.filter((n) => out.includes(n))).toEqual([]);
  });

  it('the CPU backend: cpuBaseKernels leaves out the conv and pool kernels, and browsers get no worker pool', async () => {
    const base = await bundle(`import { cpuBackend, cpuBaseKernels } from '@tensorkit/backend-cpu'; console.log(cpuBackend, cpuBaseKernels);`);
    expect(base).toContain('"BatchMatMul"');
    expect(['"Conv2D"', '"MaxPool2D"', 'worker_threads'].filter((s) => base.includes(s))).toEqual([]);
    const full = `import { cpuKernels } from '@tensorkit/backend-cpu'; console.log(cpuKernels);`;
    const browser = await bundle(full);
    expect(browser).toContain('"Conv2D"');
    expect(browser).not.toContain('worker_threads');
    expect(await bundle(full, 'node')).toContain('worker_threads');
  });
});
