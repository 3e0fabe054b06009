/**
 * `@tensorkit/conformance` (private): the backend conformance suite. A leaf test package calls
 * {@link defineConformanceSuite} with a backend name and a setup function, and vitest runs every
 * case of the PyTorch oracle fixtures against that backend.
 *
 * @packageDocumentation
 */
export * from './oracle';
export * from './from-torch';
export * from './compare';
export * from './tolerance';
export * from './runner';
export * from './kernels';
export { tensorOpsTable } from './cases/tensor-ops';
export { layersTable, layersExcluded } from './cases/layers';
export { higherOrderTable } from './cases/higher-order';
export { defineConformanceSuite, conformanceCoverage, type ConformanceOptions, type FileCoverage } from './suite';
