export * from './docker';
export * from './policy';
export type * from './types';
