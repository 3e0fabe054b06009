export * from './binary';
export * from './unary';
