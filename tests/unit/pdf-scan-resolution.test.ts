/**
 * `scanResolution`: the resolution of a page that is one full-page image (a scan), read from what
 * its content stream paints; undefined for any page that paints more than images, or too little.
 */
import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { operations } from '../../src/core/pdf/content';
import { loadPdf } from '../../src/core/pdf/load';
import { scanResolution } from '../../src/core/pdf/scanned';
import { corpus, describeCorpus } from '../support/corpus';

const A4 = { width: 595.28, height: 841.89 };

interface PageSpec {
  /** The page's content stream; the image is /Im0, the form (if any) /Fm0. */
  content: string;
  /** Image pixel size. */
  image?: { width: number; height: number };
  /** A form XObject drawing /Im0 in its own space, with this /Matrix. */
  form?: { content: string; matrix: number[] };
  annotation?: 'Link' | 'Square';
}

/** One page built from raw operators, loaded back as the binder loads inputs. */
async function resolutionOf(spec: PageSpec): Promise<number | undefined> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([A4.width, A4.height]);
  const { width, height } = spec.image ?? { width: 1240, height: 1754 };
  const jpeg = await sharp({ create: { width, height, channels: 3, background: '#dddddd' } })
    .jpeg()
    .toBuffer();
  const image = await doc.embedJpg(jpeg);
  page.node.setXObject(PDFName.of('Im0'), image.ref);
  if (spec.form) {
    const resources = doc.context.obj({ XObject: { Im0: image.ref } });
    const form = doc.context.stream(spec.form.content, {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, 1, 1],
      Matrix: spec.form.matrix,
      Resources: resources,
    });
    page.node.setXObject(PDFName.of('Fm0'), doc.context.register(form));
  }
  if (spec.annotation) {
    const annot = doc.context.obj({ Type: 'Annot', Subtype: spec.annotation, Rect: [10, 10, 100, 100] });
    page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(annot)]));
  }
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(spec.content)));
  const loaded = await loadPdf(await doc.save(), 'page.pdf');
  return scanResolution(loaded, 0);
}

const FULL = `q ${A4.width} 0 0 ${A4.height} 0 0 cm /Im0 Do Q`;

describeCorpus('scanResolution', () => {
  it('reads the resolution of an image that fills the page', async () => {
    expect(await resolutionOf({ content: FULL })).toBeCloseTo(150, 1);
    expect(await resolutionOf({ content: FULL, image: { width: 2480, height: 3508 } })).toBeCloseTo(300, 0);
  });

  it('follows the transformation: a sideways image, and one inside a form', async () => {
    // Stored landscape (1754 × 1240 px), drawn turned a quarter to fill the portrait page.
    const turned = `q 0 ${A4.height} ${-A4.width} 0 ${A4.width} 0 cm /Im0 Do Q`;
    expect(await resolutionOf({ content: turned, image: { width: 1754, height: 1240 } })).toBeCloseTo(150, 1);
    const form = { content: '/Im0 Do', matrix: [A4.width, 0, 0, A4.height, 0, 0] };
    expect(await resolutionOf({ content: 'q /Fm0 Do Q', form })).toBeCloseTo(150, 1);
  });

  it('accepts an OCR layer (invisible text) and links over the scan', async () => {
    const ocr = `${FULL} BT 3 Tr /F1 12 Tf 72 700 Td (Business licence) Tj [(a) 10 (b)] TJ ET`;
    expect(await resolutionOf({ content: ocr })).toBeCloseTo(150, 1);
    expect(await resolutionOf({ content: FULL, annotation: 'Link' })).toBeCloseTo(150, 1);
  });

  it('is undefined for a page that paints more than its image', async () => {
    expect(await resolutionOf({ content: `${FULL} BT /F1 12 Tf 72 700 Td (Typed) Tj ET` })).toBeUndefined();
    expect(await resolutionOf({ content: `0 0 1 rg 10 10 100 100 re f ${FULL}` })).toBeUndefined();
    expect(await resolutionOf({ content: FULL, annotation: 'Square' })).toBeUndefined();
    expect(await resolutionOf({ content: `${FULL} BI /W 1 /H 1 /BPC 8 /CS /G ID x EI` })).toBeUndefined();
  });

  it('is undefined when the image does not fill the page, or is no scan of it', async () => {
    const half = `q ${A4.width / 2} 0 0 ${A4.height / 2} 0 0 cm /Im0 Do Q`;
    expect(await resolutionOf({ content: half })).toBeUndefined();
    // One pixel stretched over the page is a background colour, not a 0.1-dpi scan.
    expect(await resolutionOf({ content: FULL, image: { width: 1, height: 1 } })).toBeUndefined();
    expect(await resolutionOf({ content: '' })).toBeUndefined();
  });

  it('tells scans in the corpus from born-digital pages', async () => {
    const first = async (name: string) => {
      const pdf = await loadPdf(new Uint8Array(readFileSync(corpus(name))), name);
      return scanResolution(pdf, 0);
    };
    // A 1-bit CCITT scan from pdf.js's test files, 300 dpi.
    expect(await first('rotated-270-a5-landscape.pdf')).toBeCloseTo(300, 0);
    expect(await first('plain-us_constitution-19p.pdf')).toBeUndefined();
    expect(await first('cjk-ja-embedded-cid.pdf')).toBeUndefined();
  });
});

describe('operations', () => {
  const read = (text: string) => [...operations(new TextEncoder().encode(text))];

  it('reads operators with their number and name operands, past strings, arrays and dictionaries', () => {
    const ops = read(
      'q 1 0 0 1 -2.5 .5 cm % a comment (not a string\n/Im#200 Do (a (nested) \\) string) Tj <414243> Tj',
    );
    expect(ops.map((o) => o.operator)).toEqual(['q', 'cm', 'Do', 'Tj', 'Tj']);
    expect(ops[1].operands).toEqual([1, 0, 0, 1, -2.5, 0.5]);
    expect(ops[2].operands).toEqual([{ name: 'Im#200' }]);
    const marked = read('/Span << /ActualText (x) /MCID 3 >> BDC [(a) -20 (b)] TJ EMC');
    expect(marked.map((o) => o.operator)).toEqual(['BDC', 'TJ', 'EMC']);
  });

  it('stops at an inline image, whose data it cannot read past', () => {
    expect(read('BI /W 1 /H 1 ID \x00\xff EI Q').map((o) => o.operator)).toEqual(['BI']);
  });
});
