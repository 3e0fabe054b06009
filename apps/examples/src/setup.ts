/*
 * Registers what the examples use, as an app would: the CPU backend and every plugin package
 * (layers, losses, optimizers, activations and initializers by name). Imported for its side
 * effects by the CLI, the demo and every experiment.
 */
import '@tensorkit/backend-cpu/register';
import '@tensorkit/activations/register';
import '@tensorkit/init/register';
import '@tensorkit/losses/register';
import '@tensorkit/optim/register';
import '@tensorkit/layers/register';
