import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run } from './helpers';

/*
 * The docs site: typedoc (typedoc.json: every package's API in packages mode, warnings as errors,
 * and the Markdown guides of docs/guides as project documents) builds into a temporary directory;
 * then every ```ts block of every guide is type-checked against the real packages, and every
 * internal link of the generated HTML must resolve.
 */
const GUIDES = join(ROOT, 'docs/guides');
const BLOCKS = join(import.meta.dirname, '../.docs-blocks');
let site: string;

interface Block {
  guide: string;
  file: string;
  line: number;
  code: string;
}

/** The ```ts blocks of a guide; `ts file=name.ts` names the module a block is (others import it). */
export function tsBlocks(guide: string, markdown: string): Block[] {
  const blocks: Block[] = [];
  const re = /^```ts(?: file=([\w.-]+))?\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(re)) {
    const line = markdown.slice(0, m.index).split('\n').length + 1;
    blocks.push({ guide, file: m[1] ?? `block-${line}.ts`, line, code: m[2]! });
  }
  return blocks;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
  });
}

const guides = readdirSync(GUIDES).filter((f) => f.endsWith('.md'));

beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'tensorkit-docs-'));
  run('npx', ['typedoc', '--out', site], { cwd: ROOT });
}, 300_000);

afterAll(() => {
  if (site) rmSync(site, { recursive: true, force: true });
});

describe('the docs site', () => {
  it('has every guide the issue asks for, each a page of the site', () => {
    expect(guides.sort()).toEqual([
      'choosing-a-backend.md', 'from-pytorch.md', 'from-tensorflow-js.md', 'getting-started.md', 'the-course.md',
      'writing-a-backend.md', 'writing-a-plugin.md',
    ]);
    const titles = htmlFiles(join(site, 'documents')).map((p) => /<title>([^<|]*?) \|/.exec(readFileSync(p, 'utf8'))?.[1]);
    for (const g of guides) {
      const title = /^title: (.*)$/m.exec(readFileSync(join(GUIDES, g), 'utf8'))?.[1];
      expect(titles, g).toContain(title);
    }
  });

  it("type-checks every guide's ts code blocks against the real packages", () => {
    rmSync(BLOCKS, { recursive: true, force: true });
    const blocks = guides.flatMap((g) => tsBlocks(g, readFileSync(join(GUIDES, g), 'utf8')));
    expect(blocks.length).toBeGreaterThan(15);
    const origin = new Map<string, Block>();
    for (const b of blocks) {
      const path = join(BLOCKS, b.guide.replace(/\.md$/, ''), b.file);
      expect(existsSync(path), `${b.guide}: two blocks named ${b.file}`).toBe(false);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${b.code}\nexport {};\n`);
      origin.set(relative(BLOCKS, path), b);
    }
    writeFileSync(join(BLOCKS, 'tsconfig.json'), JSON.stringify({
      extends: relative(BLOCKS, join(ROOT, 'tsconfig.base.json')),
      compilerOptions: { noUnusedLocals: false },
      include: ['**/*.ts'],
    }));
    const tsc = spawnSync('npx', ['tsc', '-p', BLOCKS], { cwd: ROOT, encoding: 'utf8' });
    // Map "guide/file.ts(3,5): error ..." back to the guide's line.
    const errors = tsc.stdout.split('\n').filter((l) => l.includes('error TS')).map((l) => {
      const m = /^(?:.*\.docs-blocks\/)?([^(]+)\((\d+),\d+\): (.*)$/.exec(l);
      const b = m ? origin.get(m[1]!) : undefined;
      return b ? `docs/guides/${b.guide}:${b.line + Number(m![2]) - 1}: ${m![3]}` : l;
    });
    expect(errors).toEqual([]);
    expect(tsc.status).toBe(0);
  });

  it('has no broken internal links', () => {
    const broken: string[] = [];
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string): Set<string> => {
      let s = ids.get(file);
      if (!s) {
        s = new Set([...readFileSync(file, 'utf8').matchAll(/\b(?:id|name)="([^"]+)"/g)].map((m) => m[1]!));
        ids.set(file, s);
      }
      return s;
    };
    for (const page of htmlFiles(site)) {
      const html = readFileSync(page, 'utf8');
      for (const [, href] of html.matchAll(/\bhref="([^"]*)"/g)) {
        if (/^(?:[a-z]+:|\/\/)/i.test(href!)) continue; // external: https:, mailto:, ...
        const [path, anchor] = href!.split('#') as [string, string | undefined];
        const target = path === '' ? page : resolve(dirname(page), decodeURIComponent(path));
        if (!target.startsWith(site) || !existsSync(target)) {
          broken.push(`${relative(site, page)} -> ${href} (no such file)`);
        } else if (anchor && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(anchor))) {
          broken.push(`${relative(site, page)} -> ${href} (no such anchor)`);
        }
      }
    }
    expect([...new Set(broken)]).toEqual([]);
  });
});
