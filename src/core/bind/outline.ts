/**
 * Writing the packet's bookmarks (/Outlines). pdf-lib's copyPages carries no outline, so the tree
 * is built by hand: /First /Last /Next /Prev /Parent /Count and an explicit /Dest per item.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef } from 'pdf-lib';

export interface OutlineNode {
  title: string;
  page: PDFRef;
  /** The page's height, so the destination is the top of the page. */
  top: number;
  children: OutlineNode[];
  /** Show the children expanded. */
  open?: boolean;
}

export function writeOutline(doc: PDFDocument, nodes: OutlineNode[]): void {
  if (nodes.length === 0) return;
  const { context } = doc;
  const rootRef = context.nextRef();
  const visible = writeLevel(doc, nodes, rootRef);
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: visible.first, Last: visible.last, Count: visible.count }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function writeLevel(
  doc: PDFDocument,
  nodes: OutlineNode[],
  parent: PDFRef,
): { first: PDFRef; last: PDFRef; count: number } {
  const { context } = doc;
  const refs = nodes.map(() => context.nextRef());
  let count = 0;
  nodes.forEach((node, i) => {
    const item: PDFDict = context.obj({
      Title: PDFHexString.fromText(node.title),
      Parent: parent,
      Dest: [node.page, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(node.top), PDFNull],
    });
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]);
    if (i < nodes.length - 1) item.set(PDFName.of('Next'), refs[i + 1]);
    count += 1;
    if (node.children.length > 0) {
      const sub = writeLevel(doc, node.children, refs[i]);
      item.set(PDFName.of('First'), sub.first);
      item.set(PDFName.of('Last'), sub.last);
      // Negative /Count means closed.
      item.set(PDFName.of('Count'), PDFNumber.of(node.open ? sub.count : -sub.count));
      if (node.open) count += sub.count;
    }
    context.assign(refs[i], item);
  });
  return { first: refs[0], last: refs[refs.length - 1], count };
}
