export * from './process.js';
export * from './doorstep.js';
