/** Vite's `?url` imports resolve to the emitted asset's URL (used for the local pdf.js worker). */
declare module '*?url' {
  const url: string;
  export default url;
}

/** Vite's `import.meta.glob`, as used for the example pictures (src/renderer/src/lib/examples.ts). */
interface ImportMeta {
  glob<T>(pattern: string, options: { eager: true; query: string; import: 'default' }): Record<string, T>;
}
