// Types for scripts/demo-images.mjs, so TypeScript tests can import it.
export declare const DEMO_IMAGE: string;
export declare function ensureDemoImages(socket?: string): Promise<{ built: boolean; image: string }>;
