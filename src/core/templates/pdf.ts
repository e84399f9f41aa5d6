/**
 * The PDF writer of a filled template: A4, the title centred, paragraphs wrapped the Chinese way
 * (src/core/bind/cjk.ts: the bundled font subset to the document's characters), blanks drawn as
 * underlines, tables with ruled cells, the signature and stamp boxes and the date at the end.
 */
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { embedCjkFont, NO_LINE_START, wrapText, type CjkFont } from '../bind/cjk';
import { documentText, type DocBlock, type Run, type TemplateDocument } from './document';

const A4: [number, number] = [595.28, 841.89];
/** Margins after GB/T 9704 (official documents): 37 mm top, 28 mm left and right, 35 mm bottom. */
const MARGIN = { top: 105, side: 79, bottom: 99 };
const WIDTH = A4[0] - 2 * MARGIN.side;
const BODY = 14; // 四号
const LEADING = 26;
const TITLE = 20;
const CELL = 11;
const CELL_LEADING = 16;
const BLANK_ROW = 26;
const INK = rgb(0, 0, 0);
const GREY = rgb(0.45, 0.45, 0.45);
/** A private-use character stands for one character width of blank while a line is wrapped. */
const BLANK = '\uE000';
const INDENT = '\u3000\u3000';
/** The shortest rest of a blank that continues on the next line rather than ending at the line's end. */
const MIN_BLANK_LINE = 8;

/** Runs as one string, blanks as BLANK characters, so the wrapper can break through them. */
function flatten(runs: Run[]): string {
  return runs.map((r) => ('text' in r ? r.text : BLANK.repeat(r.blank))).join('');
}

class Writer {
  readonly doc: PDFDocument;
  readonly font: CjkFont;
  page!: PDFPage;
  y = 0;

  constructor(doc: PDFDocument, font: CjkFont) {
    this.doc = doc;
    this.font = font;
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN.top;
  }

  /** Start a new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  widthOf(text: string, size: number): number {
    const blanks = text.split(BLANK).length - 1;
    return this.font.widthOf(text.replaceAll(BLANK, ''), size) + blanks * size;
  }

  /**
   * Wrapped lines, one at a time: a blank that runs a little past the end of a line ends there (its rest
   * would start the next line as a stub of underline), and what follows it is wrapped afresh.
   */
  wrap(text: string, size: number, width: number): string[] {
    const lines: string[] = [];
    let rest = text;
    for (;;) {
      const wrapped = wrapText(rest, width, (t) => this.widthOf(t, size));
      let first = wrapped[0];
      if (wrapped.length < 2 || !rest.startsWith(first)) return [...lines, ...wrapped];
      // wrapText trims a line's end: skip what it dropped, and the paragraph break after the line.
      let after = rest.slice(first.length).replace(/^[ \t\u3000]*(\r?\n)?/u, '');
      const carried = /^\uE000*/u.exec(after)![0].length;
      // A long blank carried over is a deliberate space to write in (`{_93}`: three lines); keep it.
      if (first.endsWith(BLANK) && carried > 0 && carried < MIN_BLANK_LINE) {
        after = after.slice(carried);
        // Closing punctuation after the blank stays on its line, hanging into the margin (禁则).
        while (after !== '' && NO_LINE_START.includes(after[0])) {
          first += after[0];
          after = after.slice(1);
        }
      }
      lines.push(first);
      if (after === '') return lines;
      rest = after;
    }
  }

  /** One wrapped line at (x, baseline): text drawn, blanks underlined. */
  drawLine(line: string, x: number, baseline: number, size: number): void {
    for (const part of line.split(/(\uE000+)/u)) {
      if (part === '') continue;
      const width = this.widthOf(part, size);
      if (part.startsWith(BLANK)) {
        this.page.drawLine({
          start: { x, y: baseline - 3 },
          end: { x: x + width, y: baseline - 3 },
          thickness: 0.6,
          color: INK,
        });
      } else {
        this.page.drawText(part, { x, y: baseline, size, font: this.font.font, color: INK });
      }
      x += width;
    }
  }

  text(text: string, opts: { size?: number; align?: 'left' | 'center' | 'right'; before?: number } = {}): void {
    const size = opts.size ?? BODY;
    const leading = size === BODY ? LEADING : size * 1.8;
    this.y -= opts.before ?? 0;
    for (const line of this.wrap(text, size, WIDTH)) {
      this.ensure(leading);
      this.y -= leading;
      const width = this.widthOf(line, size);
      const x =
        opts.align === 'center'
          ? MARGIN.side + (WIDTH - width) / 2
          : opts.align === 'right'
            ? MARGIN.side + WIDTH - width
            : MARGIN.side;
      this.drawLine(line, x, this.y + (leading - size) / 2, size);
    }
  }

  table(columns: string[], rows: Run[][][]): void {
    const colWidth = WIDTH / columns.length;
    const rowOf = (cells: string[], minHeight: number) => {
      const lines = cells.map((c) => this.wrap(c, CELL, colWidth - 8));
      const height = Math.max(minHeight, Math.max(...lines.map((l) => l.length)) * CELL_LEADING + 8);
      return { lines, height };
    };
    const header = rowOf(columns, CELL_LEADING + 8);
    const draw = (row: { lines: string[][]; height: number }, shaded: boolean) => {
      const top = this.y;
      row.lines.forEach((cellLines, i) => {
        const x = MARGIN.side + i * colWidth;
        this.page.drawRectangle({
          x,
          y: top - row.height,
          width: colWidth,
          height: row.height,
          borderColor: INK,
          borderWidth: 0.6,
          color: shaded ? rgb(0.93, 0.93, 0.93) : undefined,
        });
        cellLines.forEach((line, n) => this.drawLine(line, x + 4, top - 4 - (n + 1) * CELL_LEADING + 4, CELL));
      });
      this.y -= row.height;
    };
    this.y -= 8;
    this.ensure(header.height + BLANK_ROW);
    draw(header, true);
    for (const cells of rows) {
      const row = rowOf(cells.map(flatten), BLANK_ROW);
      if (this.y - row.height < MARGIN.bottom) {
        // A table that runs on repeats its header on the next page.
        this.newPage();
        draw(header, true);
      }
      draw(row, false);
    }
    this.y -= 8;
  }

  /** The boxes side by side at the right; a stamp box is taller, for a 4 cm round seal. */
  signatures(boxes: { label: string; kind: 'stamp' | 'sign' }[]): void {
    const gap = 14;
    const width = Math.min(150, (WIDTH - gap * (boxes.length - 1)) / boxes.length);
    const height = boxes.some((b) => b.kind === 'stamp') ? 125 : 80;
    this.ensure(height + 24 + LEADING);
    this.y -= 24;
    let x = MARGIN.side + WIDTH - boxes.length * width - (boxes.length - 1) * gap;
    for (const box of boxes) {
      this.page.drawRectangle({
        x,
        y: this.y - height,
        width,
        height,
        borderColor: GREY,
        borderWidth: 0.8,
        borderDashArray: [4, 3],
      });
      this.wrap(box.label, CELL, width - 10).forEach((line, n) =>
        this.drawLine(line, x + 5, this.y - 4 - (n + 1) * CELL_LEADING + 4, CELL),
      );
      x += width + gap;
    }
    this.y -= height;
  }

  block(block: DocBlock): void {
    switch (block.kind) {
      case 'heading':
        return this.text(flatten(block.runs), { size: 15, before: 6 });
      case 'paragraph':
        return this.text(INDENT + flatten(block.runs));
      case 'line':
        return this.text(flatten(block.runs));
      case 'table':
        return this.table(block.columns, block.rows);
      case 'signatures':
        return this.signatures(block.boxes);
      case 'date':
        return this.text(flatten(block.runs), { align: 'right', before: 12 });
    }
  }
}

/** The document as a PDF. */
export async function templatePdf(
  document: TemplateDocument,
  options: { fontFile?: string } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(document.title, { showInWindowTitleBar: true });
  doc.setLanguage('zh-CN');
  doc.setCreator('matprep');
  const font = await embedCjkFont(doc, documentText(document) + INDENT, options);
  const writer = new Writer(doc, font);
  writer.text(document.title, { size: TITLE, align: 'center' });
  writer.y -= 14;
  for (const block of document.blocks) writer.block(block);
  const pages = doc.getPages();
  if (pages.length > 1) {
    pages.forEach((page, i) => {
      const label = `— ${i + 1} / ${pages.length} —`;
      const width = font.widthOf(label, 10);
      page.drawText(label, { x: (A4[0] - width) / 2, y: MARGIN.bottom / 2, size: 10, font: font.font, color: GREY });
    });
  }
  return doc.save();
}
