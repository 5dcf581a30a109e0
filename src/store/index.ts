export * from './db.js';
export * from './bulk.js';
export type { Database } from './schema.js';
export * from './repositories/records.js';
