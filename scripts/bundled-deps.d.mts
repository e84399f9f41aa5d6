// Types for ./bundled-deps.mjs (read by electron.vite.config.ts and bench/run.ts).
export declare const BUNDLED_DEPENDENCIES: string[];
export declare function externalDependencies(packageJsonPath: string): string[];
