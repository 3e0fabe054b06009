import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * DESIGN.md §1: what each package's src/ may import of @tensorkit/*, and what it may list in
 * dependencies/peerDependencies. Tests and devDependencies may use more, as long as the
 * workspace graph has no cycle (turbo refuses cycles, devDependencies included).
 */
const ROOT = join(import.meta.dirname, '../../..');

const ALLOWED: Record<string, readonly string[]> = {
  '@tensorkit/core': [],
  '@tensorkit/tensor': ['@tensorkit/core'],
  '@tensorkit/backend-cpu': ['@tensorkit/core'],
  '@tensorkit/backend-webgl': ['@tensorkit/core'],
  '@tensorkit/autograd': ['@tensorkit/core', '@tensorkit/tensor'],
  '@tensorkit/activations': ['@tensorkit/core', '@tensorkit/tensor', '@tensorkit/autograd'],
  '@tensorkit/losses': ['@tensorkit/core', '@tensorkit/tensor', '@tensorkit/autograd'],
  '@tensorkit/init': ['@tensorkit/core', '@tensorkit/tensor', '@tensorkit/autograd'],
  '@tensorkit/optim': ['@tensorkit/core', '@tensorkit/tensor', '@tensorkit/autograd'],
  '@tensorkit/layers': [
    '@tensorkit/core', '@tensorkit/tensor', '@tensorkit/autograd', '@tensorkit/activations', '@tensorkit/losses',
    '@tensorkit/init', '@tensorkit/optim',
  ],
};

interface Pkg {
  dir: string;
  name: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function workspacePackages(): Pkg[] {
  const out: Pkg[] = [];
  for (const group of ['packages', 'tests', 'apps', '.']) {
    const base = join(ROOT, group);
    const dirs = group === '.' ? ['bench'] : existsSync(base) ? readdirSync(base) : [];
    for (const d of dirs) {
      const file = join(base, d, 'package.json');
      if (existsSync(file)) out.push({ dir: join(base, d), ...(JSON.parse(readFileSync(file, 'utf8')) as Omit<Pkg, 'dir'>) });
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(f) ? [p] : [];
  });
}

/**
 * Every module specifier a file really imports (static, dynamic, require, export-from), found by
 * TypeScript's scanner, so that import-like text in strings and comments is not counted.
 */
export function importsOf(code: string): string[] {
  const info = ts.preProcessFile(code, true, true);
  return [...new Set(info.importedFiles.map((f) => f.fileName))];
}

const ours = (spec: string): string | undefined => {
  const m = /^(@tensorkit\/[^/]+|tensorkit)(\/.*)?$/.exec(spec);
  return m?.[1];
};

/** The @tensorkit imports of `code` that package `name` may not make. */
function forbiddenImports(name: string, code: string): string[] {
  const allowed = ALLOWED[name] ?? [];
  return importsOf(code).filter((spec) => {
    const target = ours(spec);
    return target !== undefined && target !== name && !allowed.includes(target);
  });
}

const packages = workspacePackages();
const byName = new Map(packages.map((p) => [p.name, p]));

describe('dependency rules (DESIGN.md §1)', () => {
  it('finds the workspace packages', () => {
    expect(byName.has('@tensorkit/core')).toBe(true);
    expect(byName.has('@tensorkit/tensor')).toBe(true);
  });

  it('recognises every import form the rule must catch', () => {
    const code = `import a from '@tensorkit/tensor';\nexport * from "@tensorkit/core/x";\nimport '@tensorkit/backend-cpu/register';\nconst m = await import('@tensorkit/autograd');\nrequire('@tensorkit/optim');\nthrow new Error("import '@tensorkit/layers/register' first"); // import '@tensorkit/losses'`;
    expect(importsOf(code).map(ours).sort()).toEqual([
      '@tensorkit/autograd', '@tensorkit/backend-cpu', '@tensorkit/core', '@tensorkit/optim', '@tensorkit/tensor',
    ]);
  });

  it('flags a backend that imports @tensorkit/tensor, and tensor importing autograd', () => {
    expect(forbiddenImports('@tensorkit/backend-cpu', "import { Tensor } from '@tensorkit/tensor';")).toEqual(['@tensorkit/tensor']);
    expect(forbiddenImports('@tensorkit/tensor', "export { grad } from '@tensorkit/autograd';")).toEqual(['@tensorkit/autograd']);
    expect(forbiddenImports('@tensorkit/layers', "import '@tensorkit/backend-cpu/register';")).toEqual([
      '@tensorkit/backend-cpu/register',
    ]);
    expect(forbiddenImports('@tensorkit/optim', "import { add } from '@tensorkit/tensor';")).toEqual([]);
  });

  for (const [name, allowed] of Object.entries(ALLOWED)) {
    const pkg = byName.get(name);
    if (!pkg) continue; // packages of later issues are checked as soon as they exist
    it(`${name} src/ imports only ${allowed.join(', ') || 'nothing of ours'}`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(join(pkg.dir, 'src'))) {
        for (const spec of forbiddenImports(name, readFileSync(file, 'utf8'))) violations.push(`${relative(ROOT, file)} imports ${spec}`);
      }
      expect(violations).toEqual([]);
    });

    it(`${name} depends (dependencies/peerDependencies) only on allowed packages`, () => {
      const listed = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})].filter((d) => ours(d));
      expect(listed.filter((d) => !allowed.includes(d))).toEqual([]);
      if (name === '@tensorkit/backend-webgl') return;
      const external = Object.keys(pkg.dependencies ?? {}).filter((d) => !ours(d));
      expect(external, `${name} keeps third-party runtime dependencies out of the install budget`).toEqual([]);
    });
  }

  it('no published package depends on a private one', () => {
    const bad: string[] = [];
    for (const p of packages.filter((x) => !x.private)) {
      for (const d of Object.keys({ ...p.dependencies, ...p.peerDependencies })) {
        if (byName.get(d)?.private) bad.push(`${p.name} -> ${d}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the workspace graph, devDependencies included, has no cycle', () => {
    const edges = new Map(
      packages.map((p) => [
        p.name,
        Object.keys({ ...p.dependencies, ...p.peerDependencies, ...p.devDependencies }).filter((d) => byName.has(d)),
      ]),
    );
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (n: string, path: string[]): void => {
      if (state.get(n) === 'done') return;
      if (state.get(n) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(n)), n].join(' -> '));
        return;
      }
      state.set(n, 'visiting');
      for (const m of edges.get(n) ?? []) visit(m, [...path, n]);
      state.set(n, 'done');
    };
    for (const n of edges.keys()) visit(n, []);
    expect(cycles).toEqual([]);
  });

  it('internal dependency ranges are real semver ranges, never "*" or "workspace:"', () => {
    const bad: string[] = [];
    for (const p of packages) {
      for (const [d, range] of Object.entries({ ...p.dependencies, ...p.peerDependencies, ...p.devDependencies })) {
        if (ours(d) && (range === '*' || range.startsWith('workspace:'))) bad.push(`${p.name}: ${d}@${range}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
