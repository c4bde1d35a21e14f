// Types for scripts/demo-images.mjs, so TypeScript tests can import it.
import type { ImageResult } from './env-common.mjs';
export declare const DEMO_IMAGE: string;
export declare function ensureDemoImages(socket?: string): Promise<ImageResult>;
