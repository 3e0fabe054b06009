#!/usr/bin/env node
/*
 * npm run release:dry [-- --worktree] [-- --keep] [-- --no-build]
 *
 * What a release would publish, without publishing anything or touching this checkout: the
 * repository at HEAD (or the working tree with --worktree) is copied to a temporary directory,
 * `changeset version` applies the pending changesets there, `turbo run build` builds every
 * package, and the versions that would be published are printed. The copy is deleted unless
 * --keep is given. Dependencies are not reinstalled: the copy's node_modules links to this
 * checkout's, except the workspace packages, which link to the copy's own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const sh = (cmd, argv, cwd) => execFileSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });

function workspaceDirs(root) {
  const globs = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces;
  return globs.flatMap((g) => {
    if (!g.endsWith('/*')) return existsSync(join(root, g, 'package.json')) ? [g] : [];
    const base = g.slice(0, -2);
    return existsSync(join(root, base))
      ? readdirSync(join(root, base)).map((d) => `${base}/${d}`).filter((d) => existsSync(join(root, d, 'package.json')))
      : [];
  });
}

function manifests(root) {
  return workspaceDirs(root).map((dir) => ({ dir, ...JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }));
}

/** Copies the repository (HEAD, or the working tree's tracked and unignored files) to `dest`. */
function copyRepository(dest) {
  if (args.has('--worktree')) {
    const files = sh('git', ['ls-files', '-co', '--exclude-standard', '-z'], ROOT).split('\0').filter(Boolean);
    for (const f of files) if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(dest, f), { recursive: true });
  } else {
    execFileSync('sh', ['-c', `git archive --format=tar HEAD | tar -x -C "${dest}"`], { cwd: ROOT });
  }
}

/** node_modules for the copy: every entry links to this checkout's, workspace packages to the copy's. */
function linkNodeModules(dest) {
  const real = join(ROOT, 'node_modules');
  const local = new Map(manifests(dest).map((m) => [m.name, join(dest, m.dir)]));
  const nm = join(dest, 'node_modules');
  mkdirSync(nm);
  for (const entry of readdirSync(real)) {
    if (entry.startsWith('@')) {
      mkdirSync(join(nm, entry));
      for (const sub of readdirSync(join(real, entry))) {
        const name = `${entry}/${sub}`;
        if (local.has(name) || !existsSync(join(real, entry, sub))) continue;
        symlinkSync(join(real, entry, sub), join(nm, entry, sub));
      }
    } else if (!local.has(entry)) {
      symlinkSync(join(real, entry), join(nm, entry));
    }
  }
  for (const [name, dir] of local) {
    if (existsSync(join(nm, name))) continue;
    mkdirSync(dirname(join(nm, name)), { recursive: true });
    symlinkSync(dir, join(nm, name));
  }
}

const copy = mkdtempSync(join(tmpdir(), 'tensorkit-release-dry-'));
let status = 0;
try {
  copyRepository(copy);
  linkNodeModules(copy);
  const before = new Map(manifests(copy).map((m) => [m.name, m.version]));
  const pending = readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  console.log(`release:dry: ${pending.length} pending changeset(s) in a copy at ${copy}`);

  const version = spawnSync('npx', ['changeset', 'version'], { cwd: copy, encoding: 'utf8' });
  if (version.status !== 0) throw new Error(`changeset version failed:\n${version.stdout}\n${version.stderr}`);

  const after = manifests(copy);
  const publishable = after.filter((m) => !m.private);
  if (!args.has('--no-build')) {
    const build = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only', ...publishable.flatMap((m) => ['--filter', m.name])], {
      cwd: copy, encoding: 'utf8', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) throw new Error(`turbo run build failed:\n${build.stdout}\n${build.stderr}`);
    const missing = publishable.filter((m) => !existsSync(join(copy, m.dir, 'dist')));
    if (missing.length > 0) throw new Error(`built, but no dist/ in ${missing.map((m) => m.name).join(', ')}`);
  }

  console.log(`\nwould publish (${publishable.length} packages, nothing was published):`);
  for (const m of publishable.sort((a, b) => a.name.localeCompare(b.name))) {
    const was = before.get(m.name);
    const changelog = existsSync(join(copy, m.dir, 'CHANGELOG.md')) ? 'CHANGELOG.md' : 'no changelog';
    console.log(`  ${m.name}@${m.version}${was !== m.version ? ` (was ${was})` : ' (unchanged)'}  ${relative(copy, join(copy, m.dir))}  ${changelog}`);
  }
} catch (e) {
  console.error(`release:dry failed: ${e instanceof Error ? e.message : String(e)}`);
  status = 1;
} finally {
  if (args.has('--keep')) console.log(`\nkept the copy at ${copy}`);
  else rmSync(copy, { recursive: true, force: true });
}
process.exit(status);
