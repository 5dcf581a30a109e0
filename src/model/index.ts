export * from './values.js';
export * from './ids.js';
export * from './records.js';
