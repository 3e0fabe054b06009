/*
 * A consumer that only imports the `./register` entries must still get the registry's name
 * types: `get('loss', 'meanSquaredError')` type-checks and a typo does not.
 */
import '@tensorkit/backend-cpu/register';
import '@tensorkit/losses/register';
import '@tensorkit/layers/register';
import { get, type RegisteredName } from '@tensorkit/core';
import { tensor } from '@tensorkit/tensor';
import { describe, expect, expectTypeOf, it } from 'vitest';

describe('./register entries carry the name types', () => {
  it('loss and layer names type-check after a register import alone', async () => {
    const mse = get('loss', 'meanSquaredError');
    expect(await mse.compute(tensor([1, 2]), tensor([1, 4])).data()).toEqual(new Float32Array([2]));
    expectTypeOf<'mse'>().toMatchTypeOf<RegisteredName<'loss'>>();
    expectTypeOf<'dense'>().toMatchTypeOf<RegisteredName<'layer'>>();
    // @ts-expect-error a typo is a compile error
    expectTypeOf<'meanSquaredEror'>().toMatchTypeOf<RegisteredName<'loss'>>();
  });
});
