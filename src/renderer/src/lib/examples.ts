/**
 * The example pictures (assets/examples/*.svg, drawn for matprep and marked 示例 / SAMPLE), by name.
 * Vite emits each as a file of the app (or inlines a small one), so nothing is fetched from elsewhere.
 */
const files = import.meta.glob<string>('../../../../assets/examples/*.svg', {
  eager: true,
  query: '?url',
  import: 'default',
});

const byName: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, url]) => [path.replace(/^.*\/|\.svg$/g, ''), url]),
);

export const EXAMPLE_PICTURES = Object.keys(byName);

/** The picture's URL, or undefined for a name with no picture drawn. */
export function examplePicture(name: string): string | undefined {
  return byName[name];
}
