import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { memory } from '@tensorkit/tensor';
import '../src/setup';
import { parseDemoArgs } from '../src/mnist/options';
import { predictDigit } from '../src/mnist/predict';
import { trainMnist } from '../src/mnist/train';

const run = promisify(execFile);
const DEMO = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'demo.ts');

/** Runs the demo CLI the way `npm run demo -- ...` does. */
function demo(...args: string[]) {
  return run(process.execPath, ['--conditions=@tensorkit/source', '--import', 'tsx', DEMO, ...args], {
    env: { ...process.env, CI: '1' },
    maxBuffer: 1 << 24,
  });
}

/*
 * The fast run (2,000 digits, 2 epochs, seeded) reaches 0.8675 on its 400 held-out digits. The
 * floor of 0.80 leaves room for summation-order differences while catching what matters: an
 * untrained or mislabelled model scores about 0.10 and a broken input pipeline well under 0.5.
 */
const FAST_ACCURACY_FLOOR = 0.8;

describe('npm run demo', () => {
  it('--fast trains, saves the model and the curves, and ends with the test accuracy; --predict reloads it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tk-demo-'));
    const { stdout } = await demo('--fast', '--out', out);
    const lines = stdout.trimEnd().split('\n');
    const last = /^test accuracy: (0\.\d{4}|1\.0000)$/.exec(lines[lines.length - 1]!);
    expect(last, stdout).not.toBeNull();
    expect(Number(last![1])).toBeGreaterThanOrEqual(FAST_ACCURACY_FLOOR);
    expect(stdout).toMatch(/Epoch 2\/2/); // the progress bar (plain lines under CI)
    for (const f of ['model.json', 'model.safetensors', 'curves.png']) expect(existsSync(join(out, f)), f).toBe(true);

    const predicted = await demo('--predict', '0', '--out', out);
    expect(predicted.stdout).toMatch(/@/); // the digit as ASCII art
    expect(predicted.stdout).toMatch(/test digit #0: predicted \d \(probability (?:0\.\d{3}|1\.000)\), true label 7/);
  }, 180_000);

  it('--backend webgl fails in Node with an error that names the CPU backend', async () => {
    await expect(demo('--backend', 'webgl', '--fast')).rejects.toMatchObject({ stderr: expect.stringMatching(/--backend cpu/) });
  });

  it('trainMnist and predictDigit free every tensor they make', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tk-demo-'));
    const before = memory().numTensors;
    const report = await trainMnist({ backend: 'cpu', fast: true, epochs: 1, outDir: out, predict: undefined }, () => {});
    expect(memory().numTensors).toBe(before);
    expect(report.trainSamples).toBe(1600);
    expect(report.testSamples).toBe(400);
    const p = await predictDigit(out, 1);
    expect(memory().numTensors).toBe(before);
    expect(p.predicted).toBeGreaterThanOrEqual(0);
    expect(p.confidence).toBeGreaterThan(0.1);
    await expect(predictDigit(out, 2000)).rejects.toThrow(/index 2000 is out of range; the test set has 2000 digits/);
    await expect(predictDigit(join(out, 'missing'), 0)).rejects.toThrow(/no saved model in .*run `npm run demo` first/);
  }, 120_000);

  it('parseDemoArgs: defaults, overrides and bad flags', () => {
    expect(parseDemoArgs([], '/o')).toEqual({ backend: 'cpu', fast: false, epochs: 6, outDir: '/o', predict: undefined });
    expect(parseDemoArgs(['--fast'], '/o').epochs).toBe(2);
    expect(parseDemoArgs(['--epochs', '3', '--predict', '12'], '/o')).toMatchObject({ epochs: 3, predict: 12 });
    expect(() => parseDemoArgs(['--epochs', '0'], '/o')).toThrow(/--epochs must be an integer ≥ 1, got '0'/);
    expect(() => parseDemoArgs(['--predict'], '/o')).toThrow(/--predict needs a value/);
    expect(() => parseDemoArgs(['--nope'], '/o')).toThrow(/unknown flag '--nope'\nusage:/);
  });
});
