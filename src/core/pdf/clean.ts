/**
 * The last pass over every PDF matprep writes: nothing active or hidden leaves the app. pdf-lib saves
 * every object in its context, so JavaScript, Launch actions, embedded files or XFA that no page
 * shows still ride along, and a kept form field's /Kids can reach a widget with JavaScript. This walks
 * the document from the trailer, removing on the way everything that can act or hide a payload, and
 * then drops every object the walk did not reach.
 */
import { PDFArray, PDFDict, PDFName, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';
import { textOf } from './actions';

/** Keys that hold actions, scripts, attachments or XFA forms, wherever they appear. */
const DROPPED_KEYS = [
  'AA', // additional actions (page open, field keystroke, document close …)
  'OpenAction',
  'JS',
  'JavaScript', // /Names /JavaScript
  'EmbeddedFiles', // /Names /EmbeddedFiles
  'EF', // a file specification's embedded file streams
  'XFA',
  'RichMediaContent',
  'RichMediaSettings',
].map((k) => PDFName.of(k));

/** Annotations that play, attach or run something: dropped from every /Annots. */
const ACTIVE_ANNOTS = new Set(['RichMedia', 'Screen', 'Movie', 'Sound', 'FileAttachment', '3D'].map(PDFName.of));

/** Actions that only move within the document or open a web or mail address. */
function isSafeAction(action: PDFObject | undefined): boolean {
  if (!(action instanceof PDFDict)) return false;
  const type = action.get(PDFName.of('S'));
  if (type === PDFName.of('GoTo')) return true;
  return type === PDFName.of('URI') && /^(https?|mailto):/i.test(textOf(action.lookup(PDFName.of('URI'))) ?? '');
}

/** Action types (ISO 32000 12.6.4); a dict with one of these as /S is an action unless it is a safe one. */
const ACTION_TYPES = new Set(
  [
    'GoTo',
    'GoToR',
    'GoToE',
    'GoTo3DView',
    'Launch',
    'Thread',
    'URI',
    'Sound',
    'Movie',
    'Hide',
    'Named',
    'SubmitForm',
    'ResetForm',
    'ImportData',
    'JavaScript',
    'SetOCGState',
    'Rendition',
    'Trans',
    'RichMediaExecute',
  ].map(PDFName.of),
);

function cleanDict(dict: PDFDict): void {
  for (const key of DROPPED_KEYS) dict.delete(key);
  if (dict.has(PDFName.of('A')) && !isSafeAction(dict.lookup(PDFName.of('A')))) dict.delete(PDFName.of('A'));
  // An action object reached some other way (a name tree, a stray key) is emptied.
  const type = dict.get(PDFName.of('S'));
  if (type instanceof PDFName && ACTION_TYPES.has(type)) {
    if (isSafeAction(dict))
      dict.delete(PDFName.of('Next')); // an action's follow-ups (outline items' /Next stays)
    else for (const key of dict.keys()) dict.delete(key);
  }
  const annots = dict.lookup(PDFName.of('Annots'));
  if (annots instanceof PDFArray) {
    const kept = annots.asArray().filter((item) => {
      const annot = dict.context.lookup(item);
      return !(annot instanceof PDFDict && ACTIVE_ANNOTS.has(annot.get(PDFName.of('Subtype')) as PDFName));
    });
    dict.set(PDFName.of('Annots'), dict.context.obj(kept));
  }
}

/** Remove active content from `doc` and every object not reachable from its trailer. Call after `flush()`. */
export function removeActiveAndUnreachable(doc: PDFDocument): { dropped: number } {
  const { context } = doc;
  const reached = new Set<string>();
  const stack: PDFObject[] = [];
  const roots = [context.trailerInfo.Root, context.trailerInfo.Info];
  for (const root of roots) if (root) stack.push(root);
  while (stack.length > 0) {
    const object = stack.pop()!;
    if (object instanceof PDFRef) {
      const key = object.toString();
      if (reached.has(key)) continue;
      reached.add(key);
      const target = context.lookup(object);
      if (target) stack.push(target);
    } else if (object instanceof PDFStream) {
      cleanDict(object.dict);
      stack.push(object.dict);
    } else if (object instanceof PDFDict) {
      cleanDict(object);
      for (const [, value] of object.entries()) stack.push(value);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) stack.push(value);
    }
  }
  let dropped = 0;
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reached.has(ref.toString())) {
      context.delete(ref);
      dropped++;
    }
  }
  return { dropped };
}
