/*
 * Registers every plugin of every tensorkit package and the CPU backend. Imported first by both
 * entries, so a model built right after `import * as tk from 'tensorkit'` finds its plugins.
 */
import '@tensorkit/backend-cpu/register';
import '@tensorkit/activations/register';
import '@tensorkit/losses/register';
import '@tensorkit/init/register';
import '@tensorkit/optim/register';
import '@tensorkit/layers/register';
