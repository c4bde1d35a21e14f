export * from './docker';
export type * from './types';
export * from './policy';
