// vite.config.ts (plugin blaupause-seed-document): the seed template as a document, read at build time.
declare module 'virtual:seed-document' {
  import type { Blueprint } from '@blaupause/model';

  const seed: Blueprint;
  export default seed;
}
