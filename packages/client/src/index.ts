export * from './operations.js';
export * from './transport.js';
export * from './safeguarding.js';
export * from './referrals.js';
export * from './self-assessment.js';
export * from './feedback.js';
export * from './all-operations.js';
