export { type ContextFiles, readContext } from './context';
export { BUILD_LABEL, type BuildPlan, type Builds, buildHash, prepareBuilds } from './prepare';
export { buildFailure, buildImage, splitReference } from './run';
