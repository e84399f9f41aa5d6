/**
 * Reading a page choice (FileRef `pageOrder` / `pageRotate`): which source pages of an attached file
 * are bound, in which order, turned how. Pure and browser-safe, so the binder, the check and the
 * renderer's page editor and previews all read a choice through these same functions.
 */
import type { FileRef } from '../schemas/project';

export type Quarter = 0 | 90 | 180 | 270;
export type PageRotations = Record<string, Quarter>;

export type PageChoice = Pick<FileRef, 'name' | 'mediaType' | 'pages' | 'rotate' | 'pageOrder' | 'pageRotate'>;

/** How many pages the file has: an image is one page; a PDF's count is known once it was read. */
function sourceCount(file: Pick<FileRef, 'mediaType' | 'pages'>): number | undefined {
  return file.mediaType === 'application/pdf' ? file.pages : 1;
}

/**
 * The 0-based source pages to bind, in order. `count` is the file's real page count where the
 * caller has read the file (the binder); otherwise the count recorded on import is used.
 */
export function boundPages(file: Pick<FileRef, 'mediaType' | 'pages' | 'pageOrder'>, count?: number): number[] {
  if (file.pageOrder) return [...file.pageOrder];
  return Array.from({ length: count ?? sourceCount(file) ?? 0 }, (_, i) => i);
}

/** The number of pages the file contributes to the packet, or undefined while a PDF's count is unknown. */
export function boundPageCount(file: Pick<FileRef, 'mediaType' | 'pages' | 'pageOrder'>): number | undefined {
  if (!file.pageOrder && sourceCount(file) === undefined) return undefined;
  return boundPages(file).length;
}

/** Clockwise rotation of source page `index` as bound: the file's rotation plus the page's own. */
export function pageRotation(file: Pick<FileRef, 'rotate' | 'pageRotate'>, index: number): Quarter {
  const extra = file.pageRotate?.[String(index)] ?? 0;
  return (((file.rotate ?? 0) + extra) % 360) as Quarter;
}
