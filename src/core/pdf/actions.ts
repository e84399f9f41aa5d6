/**
 * Resolving destinations in a source PDF (explicit arrays, named destinations in /Dests or the
 * /Names tree, GoTo actions) to page objects, and telling safe actions from those that must never
 * reach a packet (JavaScript, Launch, remote GoTo, form submission...).
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

const MAX_NAME_TREE_NODES = 10_000;

export function textOf(object: PDFObject | undefined): string | undefined {
  if (object instanceof PDFString || object instanceof PDFHexString) return object.decodeText();
  if (object instanceof PDFName) return object.decodeText();
  return undefined;
}

/** Look `name` up in the catalog's /Dests dictionary or /Names /Dests tree. */
export function lookupNamedDest(doc: PDFDocument, name: string): PDFObject | undefined {
  const { context, catalog } = doc;
  const dests = catalog.lookup(PDFName.of('Dests'));
  if (dests instanceof PDFDict) {
    const hit = dests.get(PDFName.of(name));
    if (hit) return context.lookup(hit);
  }
  const names = catalog.lookup(PDFName.of('Names'));
  if (!(names instanceof PDFDict)) return undefined;
  const root = names.lookup(PDFName.of('Dests'));
  if (!(root instanceof PDFDict)) return undefined;
  // Walk the name tree without recursion; malformed trees may loop.
  const seen = new Set<PDFObject>();
  const stack: PDFDict[] = [root];
  while (stack.length > 0 && seen.size < MAX_NAME_TREE_NODES) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    const pairs = node.lookup(PDFName.of('Names'));
    if (pairs instanceof PDFArray) {
      for (let i = 0; i + 1 < pairs.size(); i += 2) {
        if (textOf(pairs.lookup(i)) === name) return context.lookup(pairs.get(i + 1));
      }
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) {
      for (let i = 0; i < kids.size(); i++) {
        const kid = kids.lookup(i);
        if (kid instanceof PDFDict) stack.push(kid);
      }
    }
  }
  return undefined;
}

/** The page object a destination (array, name, or dict with /D) points at, if any. */
export function destPage(doc: PDFDocument, dest: PDFObject | undefined): PDFRef | undefined {
  let value = dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
  const name = textOf(value);
  if (name !== undefined) value = lookupNamedDest(doc, name);
  if (value instanceof PDFDict) value = value.lookup(PDFName.of('D'));
  if (value instanceof PDFArray && value.size() > 0) {
    const page = value.get(0);
    if (page instanceof PDFRef) return page;
  }
  return undefined;
}

/** Where a link or outline item goes: a page in this document, a URI, or nowhere (unsafe or unknown). */
export type Target = { kind: 'page'; page: PDFRef } | { kind: 'uri'; uri: PDFObject } | { kind: 'none' };

export function targetOf(doc: PDFDocument, item: PDFDict): Target {
  const dest = item.get(PDFName.of('Dest'));
  if (dest) {
    const page = destPage(doc, dest);
    return page ? { kind: 'page', page } : { kind: 'none' };
  }
  const action = item.lookup(PDFName.of('A'));
  if (!(action instanceof PDFDict)) return { kind: 'none' };
  const type = action.get(PDFName.of('S'));
  if (type === PDFName.of('GoTo')) {
    const page = destPage(doc, action.get(PDFName.of('D')));
    return page ? { kind: 'page', page } : { kind: 'none' };
  }
  if (type === PDFName.of('URI')) {
    const uri = action.get(PDFName.of('URI'));
    const text = textOf(uri) ?? '';
    // javascript: and file: URIs are launch actions in disguise.
    if (uri && /^(https?|mailto):/i.test(text)) return { kind: 'uri', uri };
  }
  return { kind: 'none' };
}
