/**
 * Which source pages of an attached file are bound, in which order and turned how. The original
 * file is never changed: the choice lives on the FileRef (`pageOrder`, `pageRotate`); reading it is
 * in `page-choice.ts` (browser-safe), checking and storing a new choice is here.
 */
import { UserError } from '../errors';
import type { FileRef } from '../model/schemas/project';

export { boundPages, boundPageCount, pageRotation, type PageChoice } from '../model/packet/page-choice';
import type { PageChoice, PageRotations } from '../model/packet/page-choice';

/**
 * Check a page choice against a file with `count` pages: every index in range, none twice, at
 * least one page. Used when the user edits the choice and again when binding, in case the project
 * file was edited by hand.
 */
export function assertPageChoice(file: Pick<FileRef, 'name'>, order: number[], count: number): void {
  if (order.length === 0) throw new UserError('project.pagesEmpty', { file: file.name });
  const seen = new Set<number>();
  for (const index of order) {
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw new UserError('project.pageOutOfRange', { file: file.name, page: index + 1, pages: count });
    }
    if (seen.has(index)) throw new UserError('project.pageTwice', { file: file.name, page: index + 1 });
    seen.add(index);
  }
}

/**
 * The stored form of a page choice, or a UserError naming the file. Normalised so that choosing
 * every page in file order with no rotation stores nothing: a reset leaves the FileRef as imported.
 * Rotations of pages that are not bound are dropped with them.
 */
export function normalisePageChoice(
  file: PageChoice,
  change: { order: number[]; rotate: PageRotations },
): { pageOrder?: number[]; pageRotate?: PageRotations } {
  if (file.mediaType !== 'application/pdf') throw new UserError('project.pagesNotPdf', { file: file.name });
  const count = file.pages;
  if (count === undefined || count < 1) throw new UserError('project.pagesUnknown', { file: file.name });
  assertPageChoice(file, change.order, count);
  const kept = new Set(change.order);
  const pageRotate: PageRotations = {};
  for (const [key, degrees] of Object.entries(change.rotate)) {
    const index = Number(key);
    if (!Number.isSafeInteger(index) || index >= count) {
      throw new UserError('project.pageOutOfRange', { file: file.name, page: index + 1, pages: count });
    }
    if (degrees !== 0 && kept.has(index)) pageRotate[String(index)] = degrees;
  }
  const identity = change.order.length === count && change.order.every((index, i) => index === i);
  return {
    pageOrder: identity ? undefined : [...change.order],
    pageRotate: Object.keys(pageRotate).length > 0 ? pageRotate : undefined,
  };
}
