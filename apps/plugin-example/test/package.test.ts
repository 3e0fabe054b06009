import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

/** The packages the plugin's source imports, by package name. */
function importedPackages(): Set<string> {
  const found = new Set<string>();
  for (const f of readdirSync(join(dir, 'src'))) {
    for (const m of readFileSync(join(dir, 'src', f), 'utf8').matchAll(/from '(@[^/']+\/[^/']+|[^.@'][^/']*)/g)) found.add(m[1]!);
  }
  return found;
}

describe('tensorkit-plugin-example as an outside package', () => {
  it('is outside the @tensorkit scope and lists every @tensorkit package it extends as a peer dependency', () => {
    expect(pkg.name.startsWith('@tensorkit/')).toBe(false);
    const ours = [...importedPackages()].filter((p) => p.startsWith('@tensorkit/')).sort();
    expect(ours).toEqual(['@tensorkit/autograd', '@tensorkit/core', '@tensorkit/layers', '@tensorkit/optim', '@tensorkit/tensor']);
    expect(Object.keys(pkg.peerDependencies ?? {}).sort()).toEqual(ours);
    // A regular dependency would install a second copy of core next to the app's.
    expect(Object.keys(pkg.dependencies ?? {}).filter((d) => d.startsWith('@tensorkit/'))).toEqual([]);
  });
});
