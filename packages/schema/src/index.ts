export * from './enums.js';
export * from './text.js';
export * from './concern.js';
export * from './public-concern.js';
export * from './validation.js';
export * from './audit.js';
export * from './access.js';
