/**
 * The 补正说明 page(s) after the 目录 of a re-submitted packet: the earlier submission (date, 受理号,
 * where), each of the authority's requests with what changed in its subject, then the changes no
 * request asked for. Laid out before the material pages exist, like the 目录, so the packet's page
 * count is known up front.
 */
import { rgb } from 'pdf-lib';
import type { ChangeReport } from '../model/schemas/submissions';
import { concerns } from '../model/submissions/changes';
import { translator, type Locale } from '../../i18n';
import { describeFieldChange, describeMaterialChange, describeSubject, formatIsoDay } from '../../i18n/changes';
import type { CjkFont } from './cjk';
import type { Frame } from './geometry';
import type { PlacedPage } from './place';

export interface ChangeLine {
  text: string;
  kind: 'heading' | 'text' | 'item' | 'answer';
}

const SIZE = 12;
const LINE = 20;
const TITLE_SIZE = 20;
const TITLE_SPACE = 64;
const INDENT: Record<ChangeLine['kind'], number> = { heading: 0, text: 0, item: 12, answer: 36 };
const GAP: Record<ChangeLine['kind'], number> = { heading: 10, text: 0, item: 4, answer: 0 };

/** The page's text, in the packet's language. */
export function changesPageLines(report: ChangeReport, locale: Locale): ChangeLine[] {
  const tr = translator(locale);
  const { since } = report;
  const lines: ChangeLine[] = [
    {
      kind: 'text',
      text: tr('bind.changes.since', {
        date: formatIsoDay(since.date, locale),
        receipt: since.receipt ? tr('bind.changes.receipt', { receipt: since.receipt }) : '',
        where: since.where ? tr('bind.changes.where', { where: since.where }) : '',
      }),
    },
    { kind: 'text', text: tr('bind.changes.intro') },
  ];
  const changes = [
    ...report.fields.map((f) => ({ kind: 'field' as const, id: f.id, text: describeFieldChange(f, locale) })),
    ...report.materials.map((m) => ({ kind: 'material' as const, id: m.id, text: describeMaterialChange(m, locale) })),
  ];
  const unrequested = changes.filter((c) => !report.requests.some((r) => concerns(r.subject, c)));
  if (report.requests.length > 0) {
    lines.push({ kind: 'heading', text: tr('bind.changes.requests') });
    report.requests.forEach((request, i) => {
      lines.push({
        kind: 'item',
        text: tr('bind.changes.request', {
          n: i + 1,
          date: formatIsoDay(request.date, locale),
          subject: describeSubject(request, locale),
          text: request.text,
        }),
      });
      const answers = changes.filter((c) => concerns(request.subject, c));
      if (request.subject.kind === 'whole')
        lines.push({
          kind: 'answer',
          text: tr(
            unrequested.length > 0
              ? 'bind.changes.wholeDone'
              : changes.length > 0
                ? 'bind.changes.wholeAbove'
                : 'bind.changes.notDone',
          ),
        });
      else if (answers.length === 0) lines.push({ kind: 'answer', text: tr('bind.changes.notDone') });
      else for (const c of answers) lines.push({ kind: 'answer', text: tr('bind.changes.done', { what: c.text }) });
    });
  }
  lines.push({
    kind: 'heading',
    text: tr(report.requests.length > 0 ? 'bind.changes.other' : 'bind.changes.otherOnly'),
  });
  if (unrequested.length === 0) lines.push({ kind: 'item', text: tr('bind.changes.nothing') });
  for (const c of unrequested) lines.push({ kind: 'item', text: `· ${c.text}` });
  return lines;
}

export interface PlacedLine {
  text: string;
  indent: number;
  /** Space above, in points. */
  gap: number;
}

/** The lines wrapped and split into pages for `frame`; the first page leaves room for the title. */
export function layoutChangesPage(cjk: CjkFont, lines: ChangeLine[], frame: Frame): PlacedLine[][] {
  const { content } = frame;
  const pages: PlacedLine[][] = [[]];
  let room = content.height - TITLE_SPACE;
  for (const line of lines) {
    const indent = INDENT[line.kind];
    const wrapped = cjk.wrap(line.text, SIZE, content.width - indent);
    wrapped.forEach((text, i) => {
      const gap = i === 0 ? GAP[line.kind] : 0;
      if (room < LINE + gap && pages[pages.length - 1].length > 0) {
        pages.push([]);
        room = content.height;
      }
      pages[pages.length - 1].push({ text, indent: i === 0 ? indent : indent + (line.kind === 'item' ? 18 : 0), gap });
      room -= LINE + gap;
    });
  }
  return pages;
}

export function drawChangesPage(
  page: PlacedPage,
  cjk: CjkFont,
  title: string,
  lines: PlacedLine[],
  first: boolean,
): void {
  const { content } = page.frame;
  let y = content.y + content.height;
  if (first) {
    const width = cjk.widthOf(title, TITLE_SIZE);
    page.page.drawText(title, {
      x: (page.frame.width - width) / 2,
      y: y - TITLE_SIZE,
      size: TITLE_SIZE,
      font: cjk.font,
    });
    y -= TITLE_SPACE - LINE;
  }
  for (const line of lines) {
    y -= LINE + line.gap;
    page.page.drawText(line.text, { x: content.x + line.indent, y, size: SIZE, font: cjk.font, color: rgb(0, 0, 0) });
  }
}
