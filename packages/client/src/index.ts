export * from './operations.js';
export * from './transport.js';
export * from './safeguarding.js';
