export * from './compile';
export * from './plan/plan';
export * from './targets/emitter';
export * from './yaml';
