/**
 * Export renders pages as the packet shows them: the binder flattens only annotations marked for
 * printing, so a screen-only annotation (no Print flag) must not appear in an exported image either.
 */
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName } from 'pdf-lib';
import { openForRendering } from '../../src/core/pdf/render';

/** A blank A4 page with one annotation: a black square drawn by its appearance stream. */
async function pdfWithSquare(printable: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const { context } = doc;
  const appearance = context.register(
    context.stream('0 0 0 rg 0 0 200 200 re f', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 200, 200] }),
  );
  const annot = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Square',
      Rect: [100, 500, 300, 700],
      F: printable ? 4 : 0,
      AP: { N: appearance },
    }),
  );
  page.node.set(PDFName.of('Annots'), context.obj([annot]));
  return doc.save();
}

/** Share of dark pixels in the rendered page. */
async function darkShare(bytes: Uint8Array): Promise<number> {
  const pdf = await openForRendering(bytes, 'annot.pdf');
  try {
    const { pixels } = await pdf.renderPage(0, { dpi: 50 });
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 64) dark++;
    return dark / (pixels.length / 4);
  } finally {
    await pdf.close();
  }
}

describe('rendering for export', () => {
  it('shows a printable annotation and leaves out a screen-only one, as the packet does', async () => {
    // The square covers 200×200 of 595×842 points: about 8 % of the page.
    expect(await darkShare(await pdfWithSquare(true))).toBeGreaterThan(0.05);
    expect(await darkShare(await pdfWithSquare(false))).toBeLessThan(0.001);
  });
});
