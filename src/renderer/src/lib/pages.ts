/**
 * The page editor's working copy of one PDF's page choice (FileRef.pageOrder / pageRotate) and the
 * steps the user takes on it. Pages are 0-based source indices, as in the project file; the UI adds
 * 1 when it shows them. A saved choice is read with the same functions the binder uses.
 */
import type { FileRef } from '../../../core/model/schemas/project';
import { boundPages, pageRotation, type Quarter } from '../../../core/model/packet/page-choice';

export { boundPages, pageRotation };
export type Rotation = Quarter;
export interface PageEdit {
  /** Source pages bound, in order. */
  readonly order: readonly number[];
  /** Extra clockwise rotation per source page (key: its index); pages not listed are not rotated. */
  readonly rotate: Readonly<Record<string, Rotation>>;
}

export function allPages(total: number): number[] {
  return Array.from({ length: total }, (_, i) => i);
}

/** The edit a file carries now; pages past `total` (a stale order) are dropped. */
export function editOf(
  file: Pick<FileRef, 'mediaType' | 'pages' | 'pageOrder' | 'pageRotate'>,
  total: number,
): PageEdit {
  const order = boundPages(file, total).filter((i) => i < total);
  return { order: order.length > 0 ? order : allPages(total), rotate: { ...file.pageRotate } };
}

/** The page's own extra rotation in the edit. */
export function rotationOf(edit: PageEdit, page: number): Rotation {
  return pageRotation({ rotate: 0, pageRotate: edit.rotate }, page);
}

/** Rotation as drawn: the file's rotation plus the page's own in the edit. */
export function drawnRotation(file: Pick<FileRef, 'rotate'>, edit: PageEdit, page: number): Rotation {
  return pageRotation({ rotate: file.rotate, pageRotate: edit.rotate }, page);
}

/** Move `page` one place earlier (-1) or later (+1); at either end nothing changes. */
export function movePage(edit: PageEdit, page: number, delta: -1 | 1): PageEdit {
  const from = edit.order.indexOf(page);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= edit.order.length) return edit;
  const order = [...edit.order];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return { ...edit, order };
}

/** Move a page to a position in the binding order (dragged there), the others keeping their order. */
export function movePageTo(edit: PageEdit, page: number, position: number): PageEdit {
  const from = edit.order.indexOf(page);
  if (from < 0 || position < 0 || position >= edit.order.length || from === position) return edit;
  const order = edit.order.filter((p) => p !== page);
  order.splice(position, 0, page);
  return { ...edit, order };
}

/** A quarter turn clockwise. */
export function rotatePage(edit: PageEdit, page: number): PageEdit {
  return { ...edit, rotate: { ...edit.rotate, [page]: ((rotationOf(edit, page) + 90) % 360) as Rotation } };
}

/** Drop a page from the binding; the last page stays (remove the file instead). */
export function removePage(edit: PageEdit, page: number): PageEdit {
  if (edit.order.length <= 1) return edit;
  return { ...edit, order: edit.order.filter((i) => i !== page) };
}

/** Bring a removed page back where it sits in the file: before the first kept page that comes after it. */
export function restorePage(edit: PageEdit, page: number): PageEdit {
  if (edit.order.includes(page)) return edit;
  const at = edit.order.findIndex((i) => i > page);
  const order = [...edit.order];
  order.splice(at < 0 ? order.length : at, 0, page);
  return { ...edit, order };
}

/** Source pages not bound, in file order. */
export function removedPages(edit: PageEdit, total: number): number[] {
  const kept = new Set(edit.order);
  return allPages(total).filter((i) => !kept.has(i));
}

/** True when the edit binds every page as in the file, unrotated (what "reset all" gives). */
export function isIdentity(edit: PageEdit, total: number): boolean {
  return (
    edit.order.length === total &&
    edit.order.every((page, i) => page === i) &&
    edit.order.every((page) => rotationOf(edit, page) === 0)
  );
}

export function sameEdit(a: PageEdit, b: PageEdit): boolean {
  return (
    a.order.length === b.order.length &&
    a.order.every((page, i) => page === b.order[i] && rotationOf(a, page) === rotationOf(b, page))
  );
}

/** The `project:setPages` payload: the order, and rotations of bound pages only (0 left out). */
export function toRequest(edit: PageEdit): { order: number[]; rotate: Record<string, Rotation> } {
  const rotate: Record<string, Rotation> = {};
  for (const page of edit.order) if (rotationOf(edit, page)) rotate[String(page)] = rotationOf(edit, page);
  return { order: [...edit.order], rotate };
}

/** Pages a file binds, as the file list sums them up. */
export function pageSummary(
  file: Pick<FileRef, 'mediaType' | 'pages' | 'pageOrder' | 'pageRotate'>,
): { total: number; kept: number; removed: number; reordered: boolean; rotated: number } | null {
  if (file.pages === undefined) return null;
  const edit = editOf(file, file.pages);
  return {
    total: file.pages,
    kept: edit.order.length,
    removed: file.pages - edit.order.length,
    reordered: edit.order.some((page, i) => i > 0 && page < edit.order[i - 1]!),
    rotated: edit.order.filter((page) => rotationOf(edit, page) !== 0).length,
  };
}
