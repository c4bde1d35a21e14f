export { type ContextFiles, readContext } from './context';
export {
  blueprintImages,
  type ImageEntry,
  type ImageInventory,
  type InventoryOptions,
  imageInventory,
  removeUnusedImages,
  type UnusedImage,
  unusedImages,
} from './inventory';
export { BUILD_LABEL, type BuildPlan, type Builds, buildHash, prepareBuilds } from './prepare';
export { provideImage } from './provide';
export {
  type ProvidedImage,
  type ProvideOptions,
  type ProvideReport,
  provideImages,
  provideImagesExclusive,
} from './provide-images';
export { buildFailure, buildImage, splitReference } from './run';
