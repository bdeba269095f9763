export * from './enums.js';
export * from './concern.js';
export * from './validation.js';
export * from './public-concern.js';
