import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, closure, run } from './helpers';

/*
 * An app installs only @tensorkit/tensor, @tensorkit/backend-cpu and @tensorkit/layers: the
 * packages are packed with `npm pack` (from their built dist), installed from the tarballs into
 * an empty project outside the workspace (so nothing resolves to the workspace's node_modules),
 * offline, and a training script runs from ESM and from CJS.
 */
const WANTED = ['tensor', 'backend-cpu', 'layers'];
let app: string;

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'tensorkit-selective-'));
  const packs = join(app, 'packs');
  mkdirSync(packs);
  const dirs = closure(WANTED);
  run('npm', ['pack', '--silent', '--pack-destination', packs, ...dirs.flatMap((d) => ['-w', `packages/${d}`])], { cwd: ROOT });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'selective-app', private: true, version: '0.0.0' }));
  const tarballs = readdirSync(packs).map((f) => join(packs, f));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', ...tarballs], { cwd: app });
  for (const f of ['train.mjs', 'train.cjs']) copyFileSync(join(import.meta.dirname, '../fixtures/selective', f), join(app, f));
}, 180_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

interface Report {
  format: string;
  backend: string;
  first: number;
  last: number;
  tensors: number;
  [key: string]: unknown;
}

const trainWith = (script: string): Report => JSON.parse(run('node', [script], { cwd: app }).trim().split('\n').at(-1)!) as Report;

describe('a selective install: @tensorkit/tensor + backend-cpu + layers', () => {
  it('installs those packages and their dependencies only (core, autograd, init), from the tarballs', () => {
    expect(closure(WANTED)).toEqual(['autograd', 'backend-cpu', 'core', 'init', 'layers', 'tensor']);
    expect(readdirSync(join(app, 'node_modules/@tensorkit')).sort()).toEqual(closure(WANTED));
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.')).sort()).toEqual(['@tensorkit']);
  });

  it('trains from CommonJS', () => {
    const r = trainWith('train.cjs');
    expect(r).toMatchObject({ format: 'cjs', backend: 'cpu' });
    expect(r.last).toBeLessThan(0.2 * r.first);
  });

  it('trains from ESM, and the ESM and CJS builds share one registry and one engine', () => {
    const r = trainWith('train.mjs');
    expect(r).toMatchObject({ format: 'esm', backend: 'cpu', cjsBackend: 'cpu' });
    expect(r.last).toBeLessThan(0.2 * r.first);
    expect(r.distinctModules).toBe(true); // really two module instances...
    expect(r.esmSeesCjsPlugin).toBe(true); // ...with one registry
    expect(r.cjsSeesEsmPlugin).toBe(true);
    expect(r.isTensorAcross).toBe(true); // tensors are recognised by brand, not instanceof
    expect(r.crossSum).toEqual([11, 22, 33]);
    expect(r.crossSumCjs).toEqual([11, 22, 33]);
    expect(r.predictShape).toEqual([128, 1]);
    expect(r.crossModel).toEqual([128, 1]);
  });
});
