/**
 * The generated pages: cover, 目录 (laid out before the material pages exist, so the packet's
 * page count is known up front), divider pages and duplex blanks.
 */
import { PDFDocument, PDFName, PDFNull, PDFNumber, PDFRef, rgb } from 'pdf-lib';
import type { MessageKey, Translate } from '../../i18n';
import type { CjkFont } from './cjk';
import type { Frame } from './geometry';
import type { PlacedPage } from './place';

const BLACK = rgb(0, 0, 0);
const GRAY = rgb(0.35, 0.35, 0.35);

export interface CoverInfo {
  applicant: string;
  matter: string;
  contact?: string;
  date: Date;
}

/** Every string the generated pages may draw, so the font subset covers them. */
export function frontMatterText(tr: Translate, cover: CoverInfo, titles: string[]): string {
  const keys: MessageKey[] = [
    'bind.cover.heading',
    'bind.cover.applicant',
    'bind.cover.matter',
    'bind.cover.contact',
    'bind.cover.date',
    'bind.cover.dateValue',
    'bind.toc.title',
    'bind.blank',
    'bind.divider.number',
    'bind.appendix.label',
  ];
  return [...keys.map((k) => tr(k)), cover.applicant, cover.matter, cover.contact ?? '', ...titles].join('');
}

export function formatDate(tr: Translate, date: Date): string {
  return tr('bind.cover.dateValue', { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });
}

function centred(page: PlacedPage, cjk: CjkFont, text: string, size: number, y: number, color = BLACK): void {
  const width = cjk.widthOf(text, size);
  page.page.drawText(text, { x: (page.frame.width - width) / 2, y, size, font: cjk.font, color });
}

export function drawCover(
  out: PDFDocument,
  frame: Frame,
  cjk: CjkFont,
  tr: Translate,
  cover: CoverInfo,
  index = 0,
): PlacedPage {
  const page: PlacedPage = { page: out.insertPage(index, [frame.width, frame.height]), frame };
  const { content } = frame;
  let y = content.y + content.height * 0.78;
  for (const line of cjk.wrap(cover.matter, 22, content.width - 40)) {
    centred(page, cjk, line, 22, y);
    y -= 34;
  }
  centred(page, cjk, tr('bind.cover.heading'), 30, y - 40);

  const rows: [string, string][] = [
    [tr('bind.cover.applicant'), cover.applicant],
    [tr('bind.cover.matter'), cover.matter],
    ...(cover.contact ? [[tr('bind.cover.contact'), cover.contact] as [string, string]] : []),
    [tr('bind.cover.date'), formatDate(tr, cover.date)],
  ];
  const size = 14;
  const labelWidth = Math.max(...rows.map(([label]) => cjk.widthOf(`${label}：`, size)));
  const left = content.x + content.width * 0.14;
  const valueWidth = content.x + content.width - left - labelWidth - 20;
  y = content.y + content.height * 0.34;
  for (const [label, value] of rows) {
    page.page.drawText(`${label}：`, { x: left, y, size, font: cjk.font, color: BLACK });
    const lines = cjk.wrap(value, size, valueWidth);
    for (const line of lines) {
      page.page.drawText(line, { x: left + labelWidth, y, size, font: cjk.font, color: BLACK });
      page.page.drawLine({
        start: { x: left + labelWidth, y: y - 4 },
        end: { x: left + labelWidth + valueWidth, y: y - 4 },
        thickness: 0.5,
        color: GRAY,
      });
      y -= 26;
    }
    y -= 8;
  }
  return page;
}

const TOC_SIZE = 12;
const TOC_LINE = 22;
const TOC_TITLE_SIZE = 20;
const TOC_TITLE_SPACE = 64;

export interface TocLine {
  entry: number;
  text: string;
  /** The entry's last line carries the leader and the page numbers. */
  last: boolean;
}

/** 目录 lines split into pages for `frame`; depends only on the labels, never on page numbers. */
export function layoutToc(cjk: CjkFont, labels: string[], frame: Frame): TocLine[][] {
  const numberWidth = cjk.widthOf('8888–8888', TOC_SIZE) + 24;
  const textWidth = frame.content.width - numberWidth;
  const perPage = Math.max(1, Math.floor((frame.content.height - TOC_TITLE_SPACE) / TOC_LINE));
  const pages: TocLine[][] = [[]];
  labels.forEach((label, entry) => {
    const lines = cjk.wrap(label, TOC_SIZE, textWidth);
    // Keep an entry on one page.
    if (pages[pages.length - 1].length + lines.length > perPage && pages[pages.length - 1].length > 0) pages.push([]);
    lines.forEach((text, i) => pages[pages.length - 1].push({ entry, text, last: i === lines.length - 1 }));
  });
  return pages;
}

export interface TocTarget {
  firstPage: number;
  lastPage: number;
  page: PDFRef;
  pageHeight: number;
}

/** Draw one 目录 page; each entry is a link to its section. */
export function drawTocPage(
  page: PlacedPage,
  cjk: CjkFont,
  tr: Translate,
  lines: TocLine[],
  targets: TocTarget[],
): void {
  const { content } = page.frame;
  const top = content.y + content.height;
  centred(page, cjk, tr('bind.toc.title'), TOC_TITLE_SIZE, top - TOC_TITLE_SIZE);
  const right = content.x + content.width;
  const dot = cjk.widthOf('.', TOC_SIZE);
  const { context } = page.page.doc;
  let y = top - TOC_TITLE_SPACE;
  let entryTop = y + TOC_LINE - 6;
  for (const line of lines) {
    page.page.drawText(line.text, { x: content.x, y, size: TOC_SIZE, font: cjk.font, color: BLACK });
    if (line.last) {
      const target = targets[line.entry];
      const numbers =
        target.firstPage === target.lastPage ? `${target.firstPage}` : `${target.firstPage}–${target.lastPage}`;
      const numberWidth = cjk.widthOf(numbers, TOC_SIZE);
      page.page.drawText(numbers, { x: right - numberWidth, y, size: TOC_SIZE, font: cjk.font, color: BLACK });
      const from = content.x + cjk.widthOf(line.text, TOC_SIZE) + 6;
      const to = right - numberWidth - 6;
      const count = Math.floor((to - from) / dot);
      if (count > 1)
        page.page.drawText('.'.repeat(count), { x: to - count * dot, y, size: TOC_SIZE, font: cjk.font, color: GRAY });
      const link = context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [content.x, y - 6, right, entryTop],
        Border: [0, 0, 0],
        Dest: [target.page, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(target.pageHeight), PDFNull],
      });
      page.page.node.addAnnot(context.register(link));
      entryTop = y - 6;
    }
    y -= TOC_LINE;
  }
}

export function drawDivider(out: PDFDocument, frame: Frame, cjk: CjkFont, caption: string, title: string): PlacedPage {
  const page: PlacedPage = { page: out.addPage([frame.width, frame.height]), frame };
  const { content } = frame;
  let y = content.y + content.height * 0.6;
  centred(page, cjk, caption, 16, y + 50, GRAY);
  for (const line of cjk.wrap(title, 26, content.width - 40)) {
    centred(page, cjk, line, 26, y);
    y -= 40;
  }
  return page;
}

export function drawBlank(out: PDFDocument, frame: Frame, cjk: CjkFont, tr: Translate, index?: number): PlacedPage {
  const size: [number, number] = [frame.width, frame.height];
  const page: PlacedPage = { page: index === undefined ? out.addPage(size) : out.insertPage(index, size), frame };
  centred(page, cjk, tr('bind.blank'), 12, frame.content.y + frame.content.height / 2, GRAY);
  return page;
}
