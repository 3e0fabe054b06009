import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

interface SizeResult {
  name: string;
  size: number;
  passed: boolean;
}

/** Bundles `code` for the browser from the built packages, minified, as an app would. */
async function bundle(code: string): Promise<string> {
  const r = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'ts' },
    bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent',
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
});
