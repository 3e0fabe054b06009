/**
 * `tensorkit`: every tensorkit package under one import, with every plugin and the CPU backend
 * registered. In browsers (the `browser` export condition) the WebGL backend is registered too
 * and becomes the default: `await ready()` starts it.
 *
 * Where two packages export the same name the tensor op wins (`relu`, `conv2d`, `zeros`, `add`);
 * the other is reachable through its package's namespace (`layers.conv2d`, `init.zeros`).
 *
 * @example
 * ```ts
 * import * as tk from 'tensorkit';
 * const model = new tk.Sequential([tk.dense({ units: 8, activation: 'relu', inputShape: [2] }), tk.dense({ units: 1 })]);
 * model.compile({ optimizer: 'adam', loss: 'mse' });
 * ```
 *
 * @packageDocumentation
 */
import './register';

export * from './exports';
