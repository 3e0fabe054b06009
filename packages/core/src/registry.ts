import { RegistryError } from './errors';
import { globalState, type RegisteredEntry } from './global';
import { KINDS, type Kind, type KindRegistries, type Plugin, type PluginOfKind, type RegisteredName } from './kinds';
import type { KernelConfig } from './kernels';
import { closestName } from './options';
import { pluginExportName, providerOf } from './providers';
import { CORE_VERSION, isCompatibleCoreVersion } from './version';

/**
 * Options of {@link register}.
 *
 * @example
 * ```ts
 * register(myRelu, { override: true });
 * ```
 */
export interface RegisterOptions {
  /** Replace a plugin already registered under the same name instead of throwing. */
  override?: boolean;
}

type AnyPlugin = Plugin & { readonly package?: string; readonly coreVersion?: string };

function kindMap(kind: string): Map<string, RegisteredEntry> {
  const plugins = globalState().plugins;
  let map = plugins.get(kind);
  if (!map) {
    map = new Map();
    plugins.set(kind, map);
  }
  return map;
}

function describe(plugin: AnyPlugin): string {
  if (plugin.kind === 'kernel') return `kernel '${plugin.kernelName}' of backend '${plugin.backendName}'`;
  if (plugin.kind === 'gradient') return `gradient of kernel '${plugin.kernelName}'`;
  return `${plugin.kind} '${plugin.name}'`;
}

function ownerOf(plugin: AnyPlugin): string {
  return plugin.package ?? 'an unnamed package (set `package` on the plugin)';
}

/** The keys a plugin is stored under: its canonical name first, then its aliases. */
function keysOf(plugin: AnyPlugin): string[] {
  if (plugin.kind === 'kernel') return [`${plugin.backendName}/${plugin.kernelName}`];
  if (plugin.kind === 'gradient') return [plugin.kernelName];
  return [plugin.name, ...(plugin.aliases ?? [])];
}

function validate(plugin: unknown): asserts plugin is AnyPlugin {
  const p = plugin as Partial<Record<string, unknown>> | null;
  const bad = (why: string): never => {
    throw new RegistryError('INVALID_PLUGIN', `use: ${why}; a plugin is an object like { kind: 'activation', name: 'myAct', ... }`);
  };
  // A plugin may also be callable (optimizer plugins are factories: `sgd({ lr })`).
  if ((typeof p !== 'object' && typeof p !== 'function') || p === null) bad(`expected a plugin object, got ${String(plugin)}`);
  if (!KINDS.includes(p!.kind as Kind)) bad(`unknown plugin kind ${JSON.stringify(p!.kind)} (kinds: ${KINDS.join(', ')})`);
  if (p!.kind === 'kernel') {
    if (typeof p!.kernelName !== 'string' || typeof p!.backendName !== 'string' || typeof p!.kernelFunc !== 'function') {
      bad('a kernel needs string kernelName and backendName and a kernelFunc function');
    }
  } else if (p!.kind === 'gradient') {
    if (typeof p!.kernelName !== 'string' || typeof p!.gradFunc !== 'function') bad('a gradient needs a kernelName and a gradFunc');
  } else if (typeof p!.name !== 'string' || p!.name === '') {
    bad(`a ${String(p!.kind)} plugin needs a non-empty string name`);
  }
  if (p!.kind === 'backend' && typeof p!.create !== 'function') bad('a backend plugin needs a create() function');
}

function checkVersion(plugin: AnyPlugin): void {
  if (plugin.coreVersion === undefined || isCompatibleCoreVersion(plugin.coreVersion, CORE_VERSION)) return;
  throw new RegistryError(
    'INCOMPATIBLE_VERSION',
    `use: ${describe(plugin)} from ${ownerOf(plugin)} was built for @tensorkit/core ${plugin.coreVersion}, ` +
      `but @tensorkit/core ${CORE_VERSION} is running; install a version of ${ownerOf(plugin)} built for core ${CORE_VERSION.replace(/\.\d+$/, '.x')}`,
  );
}

/** The same plugin loaded twice (ESM and CJS copies of one package) is not a conflict. */
function isSamePlugin(entry: RegisteredEntry, plugin: AnyPlugin): boolean {
  return entry.plugin === plugin || (plugin.package !== undefined && entry.owner === plugin.package);
}

/**
 * Registers one plugin. A name already taken by another package is an error naming both owners,
 * unless `override` is set. Registering the same plugin again (or a second copy of the same
 * package's plugin) is a no-op.
 *
 * @example
 * ```ts
 * import { register } from '@tensorkit/core';
 * register({ kind: 'activation', name: 'myAct', package: 'my-plugin', apply: (x) => x });
 * ```
 */
export function register(plugin: Plugin, options: RegisterOptions = {}): void {
  validate(plugin);
  checkVersion(plugin);
  const map = kindMap(plugin.kind);
  const keys = keysOf(plugin);
  const canonical = keys[0]!;
  if (!options.override) {
    for (const key of keys) {
      const existing = map.get(key);
      if (!existing) continue;
      if (isSamePlugin(existing, plugin)) return;
      throw new RegistryError(
        'ALREADY_REGISTERED',
        `use: ${plugin.kind} '${key}' is already registered by ${existing.owner}; ${ownerOf(plugin)} registers it too. ` +
          `Pick another name, or pass { override: true } to register(plugin, options) to replace it`,
      );
    }
  } else {
    // Overriding replaces the whole old plugin, aliases included, so no stale alias survives.
    for (const key of keys) {
      const existing = map.get(key);
      if (existing) removeEntry(plugin.kind, existing.canonical);
    }
  }
  const entry: RegisteredEntry = { plugin, canonical, owner: ownerOf(plugin) };
  for (const key of keys) map.set(key, entry);
  if (plugin.kind === 'kernel') {
    const kernels = globalState().kernels;
    let byName = kernels.get(plugin.backendName);
    if (!byName) {
      byName = new Map();
      kernels.set(plugin.backendName, byName);
    }
    byName.set(plugin.kernelName, plugin);
  }
}

/**
 * Registers plugins: `use(adam, relu, cpuBackend)`. Arrays are flattened, so a package can export
 * all its plugins as one list.
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * import { cpuBackend, cpuKernels } from '@tensorkit/backend-cpu';
 * use(cpuBackend, cpuKernels);
 * ```
 */
export function use(...plugins: (Plugin | readonly Plugin[])[]): void {
  for (const p of plugins) {
    if (Array.isArray(p)) for (const inner of p as readonly Plugin[]) register(inner);
    else register(p as Plugin);
  }
}

function removeEntry(kind: string, canonical: string): boolean {
  const map = kindMap(kind);
  const entry = map.get(canonical);
  if (!entry) return false;
  for (const [key, value] of map) if (value === entry) map.delete(key);
  const plugin = entry.plugin as AnyPlugin;
  if (plugin.kind === 'kernel') globalState().kernels.get(plugin.backendName)?.delete(plugin.kernelName);
  return true;
}

/**
 * Removes a plugin (and its aliases). Returns whether anything was registered under `name`.
 *
 * @example
 * ```ts
 * unregister('activation', 'myAct'); // true
 * ```
 */
export function unregister(kind: Kind, name: string): boolean {
  const entry = kindMap(kind).get(name);
  return entry ? removeEntry(kind, entry.canonical) : false;
}

/**
 * True if a plugin of `kind` is registered under `name` (or an alias).
 *
 * @example
 * ```ts
 * has('optimizer', 'adam'); // true once @tensorkit/optim/register is imported
 * ```
 */
export function has(kind: Kind, name: string): boolean {
  return kindMap(kind).has(name);
}

/**
 * The canonical names registered for `kind`, sorted.
 *
 * @example
 * ```ts
 * list('backend'); // ['cpu']
 * ```
 */
export function list(kind: Kind): string[] {
  const names = new Set<string>();
  for (const entry of kindMap(kind).values()) names.add(entry.canonical);
  return [...names].sort();
}

/**
 * The error thrown when a lookup misses: it names what was asked for, what is registered, the
 * closest registered name, and the package that provides built-ins of that kind.
 *
 * @example
 * ```ts
 * throw notRegisteredError('optimizer', 'adamw');
 * ```
 */
export function notRegisteredError(kind: Kind, name: string): RegistryError {
  const map = kindMap(kind);
  const registered = list(kind);
  const closest = closestName(name, map.keys());
  const provider = providerOf(kind, name);
  const hint = closest ? ` Did you mean '${closest}'?` : '';
  const importHint =
    kind === 'kernel' || kind === 'backend' || kind === 'gradient'
      ? `it is in ${provider}`
      : `built-in ${kind}s are in ${provider}: import '${provider}/register' or use(${pluginExportName(kind, name)})`;
  return new RegistryError(
    'NOT_REGISTERED',
    `no ${kind} '${name}'; registered: ${registered.length ? registered.join(', ') : '(none)'}; ${importHint}.${hint}`,
  );
}

/**
 * Looks up a registered plugin by name or alias. The name is type-checked against the names
 * packages declare, so a typo is a compile error; use {@link lookup} for names known only at run
 * time (e.g. from a saved model).
 *
 * @example
 * ```ts
 * import { get } from '@tensorkit/core';
 * const adam = get('optimizer', 'adam');
 * ```
 */
export function get<K extends Kind, N extends RegisteredName<K>>(kind: K, name: N): KindRegistries[K][N] {
  return lookup(kind, name) as KindRegistries[K][N];
}

/**
 * Looks up a plugin by a name known only at run time. Throws `NOT_REGISTERED` with the list of
 * registered names if it is missing.
 *
 * @example
 * ```ts
 * const layerPlugin = lookup('layer', json.className);
 * ```
 */
export function lookup<K extends Kind>(kind: K, name: string): PluginOfKind<K> {
  const entry = kindMap(kind).get(name);
  if (!entry) throw notRegisteredError(kind, name);
  return entry.plugin as PluginOfKind<K>;
}

/**
 * The kernel `kernelName` of backend `backendName`, or `undefined`. This is the engine's
 * dispatch fast path.
 *
 * @example
 * ```ts
 * const add = getKernel('cpu', 'Add');
 * ```
 */
export function getKernel(backendName: string, kernelName: string): KernelConfig | undefined {
  return globalState().kernels.get(backendName)?.get(kernelName) as KernelConfig | undefined;
}

/**
 * The names of every kernel registered for a backend, sorted.
 *
 * @example
 * ```ts
 * listKernels('cpu').includes('BatchMatMul'); // true
 * ```
 */
export function listKernels(backendName: string): string[] {
  return [...(globalState().kernels.get(backendName)?.keys() ?? [])].sort();
}

/**
 * The registry as one object, for code that prefers `registry.get(...)`.
 *
 * @example
 * ```ts
 * import { registry } from '@tensorkit/core';
 * registry.list('optimizer');
 * ```
 */
export const registry = { use, register, unregister, get, lookup, has, list, getKernel, listKernels } as const;
