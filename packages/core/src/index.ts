/**
 * `@tensorkit/core`: the registry, the plugin and backend contracts, the primitive kernel
 * declarations, shape utilities and errors. It imports nothing else of tensorkit.
 *
 * @packageDocumentation
 */
export * from './errors';
export * from './version';
export * from './dtype';
export * from './backend';
export * from './kernels';
export * from './shape';
export * from './conv';
export * from './views';
export * from './kinds';
export * from './global';
export * from './providers';
export * from './registry';
export * from './options';
