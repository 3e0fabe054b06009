/* Seeded datasets shared by the experiments, and the MNIST digits of the demo. */
export { type Dataset, toTensors, split } from './dataset';
export { rng, gaussian, permutation } from './random';
export { truthTable, xor, and, or, circles, moons, spirals, teacherStudent } from './toy';
export { loadMnist, selectMnist, mnistSplit, asciiDigit, MNIST_SIZE, type MnistData } from './mnist';
