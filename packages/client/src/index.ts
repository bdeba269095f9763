export * from './operations.js';
export * from './transport.js';
