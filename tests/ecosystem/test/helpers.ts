import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '../../..');

/** Runs a command and returns its stdout; on failure the error carries stdout and stderr. */
export function run(cmd: string, args: readonly string[], options: ExecFileSyncOptions = {}): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options }) as string;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`, { cause: e });
  }
}

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
}

/** The package.json of a workspace package directory under packages/. */
export function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8')) as Manifest;
}

/** The @tensorkit runtime dependency closure of some packages (their directory names). */
export function closure(dirs: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (dir: string): void => {
    if (seen.has(dir)) return;
    seen.add(dir);
    for (const dep of Object.keys(manifest(dir).dependencies ?? {})) {
      if (dep.startsWith('@tensorkit/')) visit(dep.slice('@tensorkit/'.length));
    }
  };
  dirs.forEach(visit);
  return [...seen].sort();
}
