/**
 * The page-number text the binder stamps in each footer. Pure and browser-safe (like `select.ts`,
 * whose `fillWatermark` fills the watermark), so the bind screen previews exactly what is printed.
 */

/** A page's footer: `{page}` and `{total}` filled in. */
export function footerText(format: string, page: number, total: number): string {
  return format.replace(/\{page\}/g, String(page)).replace(/\{total\}/g, String(total));
}
