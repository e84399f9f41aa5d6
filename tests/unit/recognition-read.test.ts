/**
 * RUNS OCR (PaddleOCR through ONNX Runtime, ~15–30 s of CPU in all): reading generated documents end
 * to end — a licence photographed with skew and uneven light, the same licence as a PDF, an ID card's
 * photo side scanned upside down and its emblem side with an EXIF rotation — through `readDocument`
 * and `matprep read`, and the CLI's errors. Kept to five documents, made once; the benchmark
 * (`npm run bench:read`) is where the large sample runs.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/core/recognition/read';
import { CERTAIN } from '../../src/core/model/recognition/types';
import { runInProcess } from '../support/cli';
import * as docs from '../support/documents';

const TODAY = '2026-12-07';
const licence = docs.licenceTruth(3);
const front = docs.idFrontTruth(4);
const back = docs.idBackTruth(5);
let dir: string;
const files = {
  licencePhoto: '',
  licencePdf: '',
  frontUpside: '',
  backExif: '',
  backSideways: '',
  notAnImage: '',
  blank: '',
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'matprep-read-'));
  const licencePng = await docs.renderLicence(licence);
  files.licencePhoto = join(dir, '营业执照.jpg');
  await writeFile(files.licencePhoto, await docs.degrade(licencePng, 'photo', 3));
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(licencePng);
  pdf.addPage([841.89, 595.28]).drawImage(image, { x: 0, y: 0, width: 841.89, height: 595.28 });
  files.licencePdf = join(dir, '营业执照.pdf');
  await writeFile(files.licencePdf, await pdf.save());
  files.frontUpside = join(dir, '身份证正面.jpg');
  await writeFile(files.frontUpside, await docs.degrade(await docs.renderIdFront(front), 'upside', 4, 300));
  files.backExif = join(dir, '身份证反面.jpg');
  await writeFile(files.backExif, await docs.degrade(await docs.renderIdBack(back), 'exif', 5, 300));
  // Photographed with the phone on its side and no orientation tag: only the text tells the way up.
  const sharp = (await import('sharp')).default;
  files.backSideways = join(dir, '身份证反面-横.jpg');
  await writeFile(
    files.backSideways,
    await sharp(await docs.renderIdBack(back))
      .rotate(90)
      .jpeg({ quality: 85 })
      .toBuffer(),
  );
  files.notAnImage = join(dir, 'notes.pdf');
  await writeFile(files.notAnImage, '这不是 PDF');
  files.blank = join(dir, 'blank.png');
  await writeFile(
    files.blank,
    await sharp({ create: { width: 600, height: 400, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer(),
  );
});

describe('reading documents (runs OCR)', () => {
  it('reads a photographed licence, the USCC confirmed by its QR code', async () => {
    const result = await readDocument(await readFile(files.licencePhoto), 'x.jpg', 'business-licence', {
      today: TODAY,
    });
    expect(result.fields).toMatchObject({
      uscc: licence.uscc,
      name: licence.name,
      legalRepresentative: licence.legalRepresentative,
      validFrom: licence.validFrom,
      validUntil: licence.validUntil,
    });
    expect(result.qr?.uscc).toBe(licence.uscc);
    expect(result.confidence.uscc).toBe(1);
    expect(result.confidence.name).toBeLessThan(CERTAIN);
  });

  it('matprep read --json: a licence PDF (page rendered first)', async () => {
    const run = await runInProcess('read', files.licencePdf, '--as', 'business-licence', '--json', '--today', TODAY);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.kind).toBe('business-licence');
    expect(out.fields).toMatchObject({ uscc: licence.uscc, name: licence.name, validUntil: licence.validUntil });
    expect(Object.keys(out.confidence)).toContain('uscc');
  });

  it('matprep read: an ID photo side scanned upside down is turned and read', async () => {
    const run = await runInProcess('read', files.frontUpside, '--as', 'id-card-front', '--today', TODAY);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`公民身份号码：${front.idNumber}`);
    expect(run.stdout).toContain(`姓名：${front.name}`);
    expect(run.stdout).toContain('180°');
  });

  it('matprep read --json: an ID emblem side with an EXIF rotation', async () => {
    const run = await runInProcess('read', files.backExif, '--as', 'id-card-back', '--json', '--today', TODAY);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).fields).toMatchObject({ validFrom: back.validFrom, validUntil: back.validUntil });
  });

  it('an ID emblem side lying on its side, without an EXIF tag, is turned by what its text says', async () => {
    const result = await readDocument(await readFile(files.backSideways), 'x.jpg', 'id-card-back', { today: TODAY });
    expect(result.rotated).toBe(270);
    expect(result.fields).toMatchObject({ authority: back.authority, validUntil: back.validUntil });
  });

  it('says in one line when the file is no image or the text is not there (exit 2)', async () => {
    const notImage = await runInProcess('read', files.notAnImage, '--as', 'business-licence');
    expect(notImage.code).toBe(2);
    expect(notImage.stderr.trim().split('\n')).toHaveLength(1);
    expect(notImage.stderr).toContain('notes.pdf');
    const blank = await runInProcess('read', files.blank, '--as', 'id-card-back');
    expect(blank.code).toBe(2);
    expect(blank.stderr).toMatch(/blank\.png.*身份证国徽面/);
    expect(blank.stderr.trim().split('\n')).toHaveLength(1);
    const badKind = await runInProcess('read', files.blank, '--as', 'passport');
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain('passport');
    const missing = await runInProcess('read', join(dir, 'nope.jpg'), '--as', 'id-card-back');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.jpg');
  });
});
