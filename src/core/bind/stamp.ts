/** What goes on top of every page: footer number, optional header, and the light diagonal watermark. */
import {
  PDFName,
  beginText,
  drawObject,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  rotateAndSkewTextDegreesAndTranslate,
  setFillingGrayscaleColor,
  setFontAndSize,
  setGraphicsState,
  showText,
  type PDFDocument,
  type PDFOperator,
  type PDFRef,
} from 'pdf-lib';
import type { CjkFont } from './cjk';
import type { PlacedPage } from './place';

const FOOTER_SIZE = 9;
const HEADER_SIZE = 8;
/** The watermark's look, shared with the image watermark (`./watermark-image.ts`) so both match. */
export const WATERMARK_SIZE = 22;
export const WATERMARK_ANGLE = 35;
export const WATERMARK_GRAY = 0.5;
export const WATERMARK_OPACITY = 0.3;

export function drawFooter(page: PlacedPage, cjk: CjkFont, text: string): void {
  const width = cjk.widthOf(text, FOOTER_SIZE);
  page.page.drawText(text, {
    x: (page.frame.width - width) / 2,
    y: 18,
    size: FOOTER_SIZE,
    font: cjk.font,
    color: rgb(0.2, 0.2, 0.2),
  });
}

export function drawHeader(page: PlacedPage, cjk: CjkFont, text: string): void {
  const { frame } = page;
  const width = cjk.widthOf(text, HEADER_SIZE);
  const y = frame.height - 30;
  page.page.drawText(text, {
    x: (frame.width - width) / 2,
    y,
    size: HEADER_SIZE,
    font: cjk.font,
    color: rgb(0.4, 0.4, 0.4),
  });
  page.page.drawLine({
    start: { x: frame.content.x, y: y - 5 },
    end: { x: frame.content.x + frame.content.width, y: y - 5 },
    thickness: 0.4,
    color: rgb(0.6, 0.6, 0.6),
  });
}

/**
 * The watermark: the text repeated diagonally across the page, light enough to read through. It is
 * drawn once per page size into a Form XObject that every marked page shows, so a 30-page ID copy
 * costs one drawing, not thirty.
 */
export class Watermarks {
  private readonly forms = new Map<string, PDFRef>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly cjk: CjkFont,
  ) {}

  draw(page: PlacedPage, text: string): void {
    const { width, height } = page.frame;
    const key = `${width}x${height}|${text}`;
    let form = this.forms.get(key);
    if (!form) {
      form = this.doc.context.register(this.build(width, height, text));
      this.forms.set(key, form);
    }
    const name = page.page.node.newXObject('MpWatermark', form);
    page.page.pushOperators(pushGraphicsState(), drawObject(name), popGraphicsState());
  }

  private build(W: number, H: number, text: string) {
    const { context } = this.doc;
    const encoded = this.cjk.font.encodeText(text);
    const textWidth = this.cjk.widthOf(text, WATERMARK_SIZE);
    const operators: PDFOperator[] = [setGraphicsState(PDFName.of('G')), setFillingGrayscaleColor(WATERMARK_GRAY)];
    for (const { x, y } of watermarkOrigins(W, H, textWidth)) {
      operators.push(
        beginText(),
        setFontAndSize(PDFName.of('F'), WATERMARK_SIZE),
        rotateAndSkewTextDegreesAndTranslate(WATERMARK_ANGLE, 0, 0, x, y),
        showText(encoded),
        endText(),
      );
    }
    const alpha = WATERMARK_OPACITY;
    return context.formXObject(operators, {
      BBox: [0, 0, W, H],
      Resources: { Font: { F: this.cjk.font.ref }, ExtGState: { G: { Type: 'ExtGState', ca: alpha, CA: alpha } } },
    });
  }
}

/**
 * Where each copy of the watermark starts (baseline origin, PDF coordinates with y up) on a W×H
 * area, for text `textWidth` long at WATERMARK_SIZE: rows at WATERMARK_ANGLE, tiled over the area.
 */
export function watermarkOrigins(W: number, H: number, textWidth: number): { x: number; y: number }[] {
  const angle = (WATERMARK_ANGLE * Math.PI) / 180;
  const stepU = textWidth + 70;
  const stepV = 130;
  const diag = Math.hypot(W, H);
  const origins: { x: number; y: number }[] = [];
  for (let v = -diag; v <= diag; v += stepV) {
    // Alternate rows are offset by half a step, like a brick wall.
    const offset = (Math.round(v / stepV) % 2) * (stepU / 2);
    for (let u = -diag + offset; u <= diag; u += stepU) {
      const x = W / 2 + u * Math.cos(angle) - v * Math.sin(angle);
      const y = H / 2 + u * Math.sin(angle) + v * Math.cos(angle);
      if (x < -textWidth || x > W || y < -textWidth || y > H) continue;
      origins.push({ x, y });
    }
  }
  return origins;
}
