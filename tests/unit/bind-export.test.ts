import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { exportMaterials } from '../../src/core/bind/export';
import { renderCorrectionList } from '../../src/core/bind/correction-list';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { testProject, testReport, testRulePack } from '../fixtures/packet';

import { pageTexts } from '../fixtures/pdf-read';
import { corpus, describeCorpus } from '../support/corpus';

const dir = mkdtempSync(path.join(tmpdir(), 'matprep-export-'));

describeCorpus('exportMaterials', () => {
  it('writes one file per material, named by the rule pack, each within its cap', async () => {
    const pack = testRulePack();
    const project = testProject({
      'business-licence': [{ file: corpus('img-exif-landscape-o6.jpg') }],
      'legal-rep-id': [
        { file: corpus('img-exif-landscape-o3.jpg'), part: 'front' },
        { file: corpus('img-exif-portrait-o6.jpg'), part: 'back' },
      ],
      commitment: [{ file: corpus('plain-us_constitution-19p.pdf') }],
    });
    const result = await exportMaterials({
      doc: project.doc,
      rulePack: pack,
      report: testReport(pack, project.doc),
      options: {},
      output: path.join(dir, 'export.zip'),
      loadFile: project.loadFile,
    });
    const files = unzipSync(readFileSync(result.output));
    expect(Object.keys(files).sort()).toEqual(
      ['法人身份证.pdf', '营业执照.jpg', '网站备案信息真实性承诺书.pdf'].sort(),
    );
    expect(result.files.map((f) => f.bytes).sort()).toEqual(
      Object.values(files)
        .map((b) => b.length)
        .sort(),
    );
    // The single photo stays a JPEG, upright (landscape) and within 2048 KB.
    const jpeg = await sharp(files['营业执照.jpg']).metadata();
    expect(jpeg.width!).toBeGreaterThan(jpeg.height!);
    expect(files['营业执照.jpg'].length).toBeLessThanOrEqual(2048 * 1024);
    expect(files['法人身份证.pdf'].length).toBeLessThanOrEqual(1024 * 1024);
    expect((await PDFDocument.load(files['法人身份证.pdf'])).getPageCount()).toBe(2);
    expect((await PDFDocument.load(files['网站备案信息真实性承诺书.pdf'])).getPageCount()).toBe(19);
  });

  it('recompresses until a photo fits a tight cap', async () => {
    const pack: RulePack = testRulePack();
    pack.materials[0] = { ...pack.materials[0], maxFileSizeKB: 120 };
    const project = testProject({ 'business-licence': [{ file: corpus('img-exif-landscape-o1.jpg') }] });
    const result = await exportMaterials({
      doc: project.doc,
      rulePack: pack,
      report: testReport(pack, project.doc),
      options: {},
      output: path.join(dir, 'tight.zip'),
      loadFile: project.loadFile,
    });
    expect(result.files[0].bytes).toBeLessThanOrEqual(120 * 1024);
    expect(result.files[0].bytes).toBeGreaterThan(10 * 1024);
  });

  it('says clearly when a born-digital PDF cannot fit, without claiming it was compressed, and writes nothing', async () => {
    const pack: RulePack = testRulePack();
    pack.materials[0] = { ...pack.materials[0], maxFileSizeKB: 20 };
    const project = testProject({ 'business-licence': [{ file: corpus('plain-us_constitution-19p.pdf') }] });
    const sub = mkdtempSync(path.join(dir, 'nofit-'));
    const error = await exportMaterials({
      doc: project.doc,
      rulePack: pack,
      report: testReport(pack, project.doc),
      options: {},
      output: path.join(sub, 'x.zip'),
      loadFile: project.loadFile,
    }).catch((e) => e);
    // Text pages (one with a picture) are not a scan: kept as they are, so nothing was compressed.
    expect(error.code).toBe('export.tooLargeAsIs');
    const zh = error.format('zh-CN');
    expect(zh).toContain('营业执照副本复印件');
    expect(zh).toContain('20 KB');
    expect(zh).toContain('不是扫描件');
    expect(zh).not.toContain('压缩到');
    expect(error.format('en')).toContain('not a scan');
    expect(error.format('en')).not.toContain('lowest readable quality');
    expect(readdirSync(sub)).toEqual([]);
  });

  it('says it compressed a photo when it did and it still does not fit', async () => {
    const pack: RulePack = testRulePack();
    pack.materials[0] = { ...pack.materials[0], exportAs: 'pdf', maxFileSizeKB: 2 };
    const project = testProject({ 'business-licence': [{ file: corpus('img-exif-landscape-o1.jpg') }] });
    const error = await exportMaterials({
      doc: project.doc,
      rulePack: pack,
      report: testReport(pack, project.doc),
      options: {},
      output: path.join(dir, 'photo-nofit.zip'),
      loadFile: project.loadFile,
    }).catch((e) => e);
    expect(error.code).toBe('export.tooLarge');
    expect(error.format('zh-CN')).toContain('压缩到最低可读质量后仍有');
  });
});

describeCorpus('renderCorrectionList', () => {
  it('lists every missing or invalid item with its problem and hint, numbered pages', async () => {
    const pack = testRulePack();
    const project = testProject({ 'business-licence': [{ file: corpus('v20-simple.pdf') }] });
    const report = testReport(pack, project.doc, { 'business-licence': 'invalid' });
    const result = await renderCorrectionList(report, project.doc, pack, path.join(dir, '补正清单.pdf'), {
      now: new Date('2026-03-15T00:00:00Z'),
    });
    const text = pageTexts(result.output)
      .join('\n')
      .replace(/[ \t]+/g, '');
    expect(result.pages).toBe(1);
    for (const s of [
      '补正清单',
      '北京示例科技有限公司',
      pack.title,
      '统一社会信用代码',
      '营业执照副本复印件',
      '不符合要求',
      '法定代表人身份证复印件',
      '缺少',
      '请上传清晰的彩色扫描件',
      '第1页共1页',
    ]) {
      expect(text, s).toContain(s);
    }
    // Items that are fine or not required are not listed.
    expect(text).not.toContain('前置审批文件');
  });

  it('breaks long lists over pages and numbers them', async () => {
    const pack = testRulePack();
    const project = testProject({});
    const report = testReport(pack, project.doc);
    report.materials = Array.from({ length: 40 }, (_, i) => ({
      id: `m${i}`,
      title: `材料${i + 1}`,
      status: 'missing' as const,
      required: true,
      problems: [
        {
          code: 'material.missing',
          severity: 'error' as const,
          params: { title: `材料${i + 1}` },
          help: '扫描件需清晰完整',
        },
      ],
    }));
    const result = await renderCorrectionList(report, project.doc, pack, path.join(dir, 'long.pdf'));
    expect(result.pages).toBeGreaterThan(1);
    const texts = pageTexts(result.output).map((t) => t.replace(/\s+/g, ''));
    texts.forEach((t, i) => expect(t).toContain(`第${i + 1}页共${result.pages}页`));
    expect(texts.join('')).toContain('材料40');
    expect(texts.join('')).toContain('尚未添加文件');
  });
});
