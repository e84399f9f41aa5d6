/** What goes on top of every page: footer number, optional header, and the light diagonal watermark. */
import { degrees, rgb } from 'pdf-lib';
import type { CjkFont } from './cjk';
import type { PlacedPage } from './place';

const FOOTER_SIZE = 9;
const HEADER_SIZE = 8;
const WATERMARK_SIZE = 22;
const WATERMARK_ANGLE = 35;

export function footerText(format: string, page: number, total: number): string {
  return format.replace(/\{page\}/g, String(page)).replace(/\{total\}/g, String(total));
}

export function drawFooter(page: PlacedPage, cjk: CjkFont, text: string): void {
  const width = cjk.widthOf(text, FOOTER_SIZE);
  page.page.drawText(text, { x: (page.frame.width - width) / 2, y: 18, size: FOOTER_SIZE, font: cjk.font, color: rgb(0.2, 0.2, 0.2) });
}

export function drawHeader(page: PlacedPage, cjk: CjkFont, text: string): void {
  const { frame } = page;
  const width = cjk.widthOf(text, HEADER_SIZE);
  const y = frame.height - 30;
  page.page.drawText(text, { x: (frame.width - width) / 2, y, size: HEADER_SIZE, font: cjk.font, color: rgb(0.4, 0.4, 0.4) });
  page.page.drawLine({
    start: { x: frame.content.x, y: y - 5 },
    end: { x: frame.content.x + frame.content.width, y: y - 5 },
    thickness: 0.4,
    color: rgb(0.6, 0.6, 0.6),
  });
}

/** The watermark text repeated diagonally across the page, light enough to read through. */
export function drawWatermark(page: PlacedPage, cjk: CjkFont, text: string): void {
  const { width: W, height: H } = page.frame;
  const textWidth = cjk.widthOf(text, WATERMARK_SIZE);
  const angle = (WATERMARK_ANGLE * Math.PI) / 180;
  const stepU = textWidth + 70;
  const stepV = 130;
  const diag = Math.hypot(W, H);
  for (let v = -diag; v <= diag; v += stepV) {
    // Alternate rows are offset by half a step, like a brick wall.
    const offset = (Math.round(v / stepV) % 2) * (stepU / 2);
    for (let u = -diag + offset; u <= diag; u += stepU) {
      const x = W / 2 + u * Math.cos(angle) - v * Math.sin(angle);
      const y = H / 2 + u * Math.sin(angle) + v * Math.cos(angle);
      if (x < -textWidth || x > W || y < -textWidth || y > H) continue;
      page.page.drawText(text, { x, y, size: WATERMARK_SIZE, font: cjk.font, color: rgb(0.5, 0.5, 0.5), opacity: 0.3, rotate: degrees(WATERMARK_ANGLE) });
    }
  }
}
