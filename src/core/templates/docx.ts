/**
 * The Word writer of a filled template (the `docx` package): the same blocks as the PDF, as an
 * editable .docx — A4, 宋体 四号, the title centred, paragraphs indented two characters, blanks as
 * underlined spaces the applicant can type over, tables, the signature and stamp boxes, the date.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  type ITableCellBorders,
} from 'docx';
import type { DocBlock, Run, TemplateDocument } from './document';

/** Sizes in half-points (docx), the same as the PDF's: 四号 body, 二号-ish title. */
const BODY = 28;
const TITLE = 40;
const CELL = 22;
/** A4 and the PDF's margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, top: 2098, side: 1587, bottom: 1984 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.side;
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const IDEOGRAPHIC_SPACE = '\u3000';

function textRuns(runs: Run[], size = BODY): TextRun[] {
  return runs.map((run) =>
    'text' in run
      ? new TextRun({ text: run.text, size })
      : new TextRun({ text: IDEOGRAPHIC_SPACE.repeat(run.blank), size, underline: { type: UnderlineType.SINGLE } }),
  );
}

const line = (size: number) => ({ line: Math.round(size * 10 * 1.8), after: 0 });

function cellBorders(style: (typeof BorderStyle)[keyof typeof BorderStyle], color: string): ITableCellBorders {
  const border = { style, size: 6, color };
  return { top: border, bottom: border, left: border, right: border };
}

function table(columns: string[], rows: Run[][][]): Table {
  const width = Math.floor(CONTENT_WIDTH / columns.length);
  const cell = (runs: Run[], shaded: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: cellBorders(BorderStyle.SINGLE, '000000'),
      shading: shaded ? { fill: 'EDEDED' } : undefined,
      children: [new Paragraph({ children: textRuns(runs, CELL) })],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width * columns.length, type: WidthType.DXA },
    columnWidths: columns.map(() => width),
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell([{ text: c }], true)) }),
      ...rows.map(
        (cells) =>
          new TableRow({
            height: { value: 520, rule: HeightRule.ATLEAST },
            children: cells.map((c) => cell(c, false)),
          }),
      ),
    ],
  });
}

function signatures(boxes: { label: string; kind: 'stamp' | 'sign' }[]): Table {
  const width = Math.min(3000, Math.floor(CONTENT_WIDTH / boxes.length));
  const height = boxes.some((b) => b.kind === 'stamp') ? 2500 : 1600;
  return new Table({
    alignment: AlignmentType.RIGHT,
    layout: TableLayoutType.FIXED,
    width: { size: width * boxes.length, type: WidthType.DXA },
    columnWidths: boxes.map(() => width),
    rows: [
      new TableRow({
        height: { value: height, rule: HeightRule.EXACT },
        cantSplit: true,
        children: boxes.map(
          (box) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              borders: cellBorders(BorderStyle.DASHED, '777777'),
              children: [new Paragraph({ children: [new TextRun({ text: box.label, size: CELL })] })],
            }),
        ),
      }),
    ],
  });
}

function block(b: DocBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ spacing: { ...line(BODY), before: 120 }, children: textRuns(b.runs, 30) })];
    case 'paragraph':
      return [new Paragraph({ spacing: line(BODY), indent: { firstLine: BODY * 20 }, children: textRuns(b.runs) })];
    case 'line':
      return [new Paragraph({ spacing: line(BODY), children: textRuns(b.runs) })];
    case 'table':
      return [new Paragraph({}), table(b.columns, b.rows), new Paragraph({})];
    case 'signatures':
      return [new Paragraph({ spacing: { before: 360 } }), signatures(b.boxes)];
    case 'date':
      return [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: { ...line(BODY), before: 240 },
          children: textRuns(b.runs),
        }),
      ];
  }
}

/** The document as a .docx file. */
export async function templateDocx(document: TemplateDocument): Promise<Uint8Array> {
  const doc = new Document({
    title: document.title,
    creator: 'matprep',
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 360 },
            children: [new TextRun({ text: document.title, size: TITLE })],
          }),
          ...document.blocks.flatMap(block),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
