/** Vite's `?url` imports resolve to the emitted asset's URL (used for the local pdf.js worker). */
declare module '*?url' {
  const url: string;
  export default url;
}
