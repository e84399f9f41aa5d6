/** Every class of the real-world corpus: bound with all its pages, or refused with a clear error naming the file. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { bindPacket } from '../../src/core/bind/index';
import { testProject, testReport, testRulePack } from '../fixtures/packet';

import { pageTexts } from '../fixtures/pdf-read';
import { CORPUS, corpus, describeCorpus } from '../support/corpus';

const dir = mkdtempSync(path.join(tmpdir(), 'matprep-corpus-'));
const pack = testRulePack();

/** Pages each bindable file must contribute (from pdfinfo / qpdf, see baseline-qpdf.tsv). */
const BINDABLE: Record<string, number> = {
  'annots-pdflib-with_annots.pdf': 2,
  'broken-xref-bad-entry.pdf': 1,
  'broken-xref-prev-loop-30p.pdf': 30,
  'broken-missing-trailer-pdf20.pdf': 1,
  'broken-invalid-root-ref.pdf': 1,
  'cjk-ja-embedded-cid.pdf': 1,
  'cjk-ja-nonembedded-font.pdf': 1,
  'cjk-ja-vertical.pdf': 1,
  'enc-owner-aes256-r6-30p.pdf': 30,
  'enc-owner-rc4-128-lin-30p.pdf': 30,
  'forms-pdflib-fancy_fields.pdf': 1,
  'forms-pdflib-sample_form.pdf': 1,
  'forms-xfa-pdflib.pdf': 2,
  'incr-update-sections-xrefstm.pdf': 1,
  'linearized-objstm-4p.pdf': 4,
  'links-internal-4p.pdf': 4,
  'objstm-xrefstm-30p.pdf': 30,
  'outlines-nested-9p.pdf': 9,
  'plain-us_constitution-19p.pdf': 19,
  'rotated-270-a5-landscape.pdf': 1,
  'rotated-90-5p.pdf': 5,
  'rotated-inherited.pdf': 1,
  'size-huge-a0-rotated-form.pdf': 1,
  'size-mixed-3p.pdf': 3,
  'size-userunit-pdf20.pdf': 1,
  'v20-simple.pdf': 1,
  'v20-utf8-strings-annot.pdf': 1,
};

const REFUSED: Record<string, string> = {
  'enc-user-aes256-r6-pw-view.pdf': 'pdf.passwordRequired',
  'enc-user-rc4-128-pw-view.pdf': 'pdf.passwordRequired',
  'enc-user-pdflib-encrypted_new.pdf': 'pdf.passwordRequired',
  'notpdf-text.pdf': 'pdf.notPdf',
  'zeropage-empty.pdf': 'pdf.noPages',
  'broken-pagetree-loop.pdf': 'pdf.damaged',
  'truncated-trailer-cut.pdf': 'pdf.damaged',
  'img-jpeg-truncated.jpg': 'image.damaged',
  'img-png-truncated.png': 'image.damaged',
};

describeCorpus('binding the corpus', () => {
  it('every corpus file is classified by this test', () => {
    const files = readdirSync(CORPUS).filter((f) => /\.(pdf|jpg|png)$/.test(f));
    for (const f of files) expect(f in BINDABLE || f in REFUSED || f.startsWith('img-'), f).toBe(true);
  });

  it('binds all bindable PDFs and images with all their pages', async () => {
    const images = readdirSync(CORPUS).filter((f) => f.startsWith('img-') && !(f in REFUSED));
    const project = testProject({
      other: Object.keys(BINDABLE).map((f) => ({ file: corpus(f) })),
      'site-owner-id': images.map((f) => ({ file: corpus(f) })),
    });
    const result = await bindPacket({
      doc: project.doc,
      rulePack: pack,
      report: testReport(pack, project.doc),
      options: {},
      output: path.join(dir, 'all.pdf'),
      loadFile: project.loadFile,
    });
    const pdfPages = Object.values(BINDABLE).reduce((a, b) => a + b, 0);
    expect(result.sections.map((s) => [s.materialId, s.lastPage - s.firstPage + 1])).toEqual([
      ['site-owner-id', images.length],
      ['other', pdfPages],
    ]);
    const texts = pageTexts(result.output);
    expect(texts.length).toBe(result.pages);
    // The US constitution's text survives (not blanked, not garbled), as do the decrypted files' pages.
    expect(texts.join('\n')).toContain('We the People');
  });

  it.each(Object.entries(REFUSED))('%s is refused with %s naming the file', async (file, code) => {
    const project = testProject({ 'business-licence': [{ file: corpus(file) }] });
    const error = await bindPacket({
      doc: project.doc,
      rulePack: pack,
      report: testReport(pack, project.doc),
      options: {},
      output: path.join(dir, `${file}.pdf`),
      loadFile: project.loadFile,
    }).catch((e) => e);
    expect(error.code).toBe(code);
    expect(error.format('zh-CN')).toContain(file);
    expect(readdirSync(dir).filter((f) => f.startsWith(file) || f.startsWith(`.${file}`))).toEqual([]);
  });
});
