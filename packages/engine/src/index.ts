export * from './docker';
export type * from './types';
