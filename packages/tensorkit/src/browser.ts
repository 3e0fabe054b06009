/*
 * The browser entry (the `browser` export condition): the same API as `index.ts`, plus the
 * WebGL backend, registered with a higher priority than the CPU one, so `await ready()` starts
 * WebGL (and `await setBackend('cpu')` still picks the CPU). Node never loads this file.
 */
import './register';
import '@tensorkit/backend-webgl/register';

export * from './exports';
