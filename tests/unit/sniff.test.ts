/**
 * What the sniffer calls a zip, by its parts: office documents are told apart from archives even
 * when the Word parts are far from the head, and a name decides only when the parts cannot be read.
 */
import { describe, it, expect } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { foreignError, sniff } from '../../src/core/fs/sniff';
import * as bad from '../fixtures/bad-inputs';

const foreign = (type: string) => ({ kind: 'foreign', type });

describe('sniff: zips', () => {
  it('a .docx is office whether its Word parts come first or after a 64 KB thumbnail', () => {
    expect(sniff(bad.wordDocx())).toEqual(foreign('office'));
    const late = bad.wordDocx(64 * 1024);
    // The Word parts are not in the head: only the central directory at the end names them.
    expect(Buffer.from(late.subarray(0, 4096)).toString('latin1')).not.toContain('word/');
    expect(sniff(late)).toEqual(foreign('office'));
  });

  it('an .xlsx and a .pptx by their parts; an OpenDocument text by its mimetype part', () => {
    expect(sniff(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))).toEqual(foreign('office'));
    expect(sniff(zipSync({ 'ppt/presentation.xml': strToU8('<p/>') }))).toEqual(foreign('office'));
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }] });
    expect(sniff(odt)).toEqual(foreign('office'));
  });

  it('an OFD by its OFD.xml; an archive of PDFs stays a zip', async () => {
    expect(sniff(zipSync({ 'OFD.xml': strToU8('<ofd:OFD/>'), 'Doc_0/Document.xml': strToU8('<d/>') }))).toEqual(
      foreign('ofd'),
    );
    expect(sniff(await bad.zipOfPdfs())).toEqual(foreign('zip'));
  });

  it('a cut-off zip is read from its local headers', () => {
    const whole = bad.wordDocx();
    expect(sniff(whole.subarray(0, Math.floor(whole.length / 2)))).toEqual(foreign('office'));
  });

  it('OLE2 (.doc/.xls/.wps) is office', () => {
    expect(sniff(bad.ole2())).toEqual(foreign('office'));
  });
});

describe('foreignError: the name decides only for a zip not recognisable by its parts', () => {
  it.each([
    ['网站建设方案书.docx', 'file.unsupported.office'],
    ['名单.XLSX', 'file.unsupported.office'],
    ['演示.pptx', 'file.unsupported.office'],
    ['文稿.odt', 'file.unsupported.office'],
    ['发票.ofd', 'file.unsupported.ofd'],
    ['材料.zip', 'file.unsupported.zip'],
    ['材料.docx.zip', 'file.unsupported.zip'],
  ])('%s → %s', (name, code) => {
    expect(sniff(bad.zipHeadOnly())).toEqual(foreign('zip'));
    expect(foreignError('zip', name).code).toBe(code);
  });
});
