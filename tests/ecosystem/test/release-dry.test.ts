import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from './helpers';

/** A hash per file of everything `changeset version` would change in a checkout. */
function fingerprint(): Record<string, string> {
  const files = readdirSync(join(ROOT, '.changeset')).sort().map((f) => join('.changeset', f));
  for (const group of ['packages', 'apps', 'tests']) {
    for (const d of readdirSync(join(ROOT, group)).sort()) {
      for (const f of ['package.json', 'CHANGELOG.md']) if (existsSync(join(ROOT, group, d, f))) files.push(join(group, d, f));
    }
  }
  const hashes: Record<string, string> = {};
  for (const f of [...files, 'package.json', 'package-lock.json']) hashes[f] = createHash('sha256').update(readFileSync(join(ROOT, f))).digest('hex');
  return hashes;
}

describe('npm run release:dry', () => {
  it('versions and builds a temporary copy, prints what would be published, and changes nothing here', () => {
    const before = fingerprint();
    const out = run('node', ['scripts/release-dry.mjs'], { cwd: ROOT });
    expect(fingerprint()).toEqual(before);
    expect(out).toMatch(/pending changeset\(s\) in a copy at /);
    const lines = out.split('\n').filter((l) => /^ {2}\S+@\d/.test(l));
    const published = lines.map((l) => l.trim().split('@').slice(0, -1).join('@'));
    expect(published).toEqual([
      '@tensorkit/activations', '@tensorkit/autograd', '@tensorkit/backend-cpu', '@tensorkit/backend-webgl', '@tensorkit/core',
      '@tensorkit/init', '@tensorkit/layers', '@tensorkit/losses', '@tensorkit/optim', '@tensorkit/tensor', 'tensorkit',
    ]);
    // One fixed version for every package (.changeset/config.json), never a private package.
    const versions = new Set(lines.map((l) => /@(\d+\.\d+\.\d+\S*)/.exec(l)![1]));
    expect(versions.size).toBe(1);
    expect(out).not.toMatch(/plugin-example|conformance|workspace-tests|ecosystem-tests/);
  });
});
