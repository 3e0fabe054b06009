/*
 * Tensors are recognised by a brand under a Symbol.for key, not by instanceof, so that tensors
 * from the ESM and CJS builds (or two installed copies) of this package interoperate.
 */
export const TENSOR_BRAND: unique symbol = Symbol.for('tensorkit.tensor') as never;
export const VARIABLE_BRAND: unique symbol = Symbol.for('tensorkit.variable') as never;
