export * from './blueprint-yaml';
export * from './compile';
export * from './import';
export * from './plan/plan';
export * from './targets/emitter';
export * from './yaml';
