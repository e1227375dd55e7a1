export * from './types.js';
export * from './schema.js';
export * from './build.js';
