/**
 * The version of `@tensorkit/core` that is running. Plugins declare the core version they were
 * built against, and the registry refuses incompatible ones.
 *
 * @example
 * ```ts
 * import { CORE_VERSION } from '@tensorkit/core';
 * console.log(CORE_VERSION); // '0.1.0'
 * ```
 */
export const CORE_VERSION = '0.1.0';

function majorMinor(version: string): [number, number] | undefined {
  const m = /^\s*[\^~]?(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/**
 * Whether a plugin built against `pluginCoreVersion` can run with `coreVersion`. The major
 * version decides compatibility, or the minor version while core is 0.x (semver's caret rule).
 *
 * @example
 * ```ts
 * isCompatibleCoreVersion('0.1.3', '0.1.0'); // true
 * isCompatibleCoreVersion('0.2.0', '0.1.0'); // false
 * ```
 */
export function isCompatibleCoreVersion(pluginCoreVersion: string, coreVersion: string = CORE_VERSION): boolean {
  const want = majorMinor(pluginCoreVersion);
  const have = majorMinor(coreVersion);
  if (!want || !have) return false;
  if (want[0] !== have[0]) return false;
  return want[0] !== 0 || want[1] === have[1];
}
