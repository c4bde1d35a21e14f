export * from './manifest';
export { type PackFs, type PackInput, type PackResult, packBundle } from './pack';
export { type FileReference, fileReferences } from './refs';
export { readTar, type TarEntry, type TarFile, writeTar } from './tar';
export { type UnpackedFile, type UnpackResult, unpackBundle } from './unpack';
