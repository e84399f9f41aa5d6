/**
 * Page-level editing of an attached PDF: the stored choice (FileRef.pageOrder / pageRotate), the
 * project:setPages channel, and what the binder, the per-file export and the check make of it.
 * The original (the vault copy) never changes.
 */
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, StandardFonts } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { boundPageCount, boundPages, normalisePageChoice, pageRotation } from '../../src/core/project/pages';
import { setFilePages, vaultPath } from '../../src/core/project/store';
import { bindProject, type WorkspaceContext } from '../../src/core/workspace/workspace';
import { bindPacket } from '../../src/core/bind/index';
import { exportMaterials } from '../../src/core/bind/export';
import { builtInRulesDir } from '../../src/core/rules/loader';
import { UserError } from '../../src/core/errors';
import type { FileRef } from '../../src/core/model/schemas/project';
import type { BindOptions } from '../../src/core/model/schemas/bind-options';
import { testProject, testReport, testRulePack, type TestFile } from '../fixtures/packet';

import { pageTexts, readOutline } from '../fixtures/pdf-read';
import { createTestApp, type TestApp } from '../support/app';
import { corpus, describeCorpus } from '../support/corpus';

const work = mkdtempSync(join(tmpdir(), 'matprep-pages-'));

/** A 5-page portrait Letter PDF whose pages say "SOURCE PAGE n", so each page can be told apart. */
async function fivePages(): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= 5; n++) {
    const page = doc.addPage([612, 792]);
    page.drawText(`SOURCE PAGE ${n}`, { x: 72, y: 700, size: 28, font });
  }
  return new Uint8Array(await doc.save({ useObjectStreams: false }));
}

/** Direction of the first text run on each page, as shown: 'up' reads left to right, 'cw' is turned a quarter clockwise. */
async function textDirections(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 })
    .promise;
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const item = (await page.getTextContent()).items.find((i) => 'str' in i && /SOURCE PAGE/.test(i.str));
    if (!item || !('transform' in item)) {
      out.push('-');
      continue;
    }
    // The page has no /Rotate (the binder bakes turns into the content), so the text matrix is what is shown.
    const [a, b] = item.transform as number[];
    const angle = (Math.round((Math.atan2(-b, a) * 180) / Math.PI / 90) * 90 + 360) % 360;
    out.push(angle === 0 ? 'up' : angle === 90 ? 'cw' : angle === 180 ? 'upside-down' : 'ccw');
  }
  await doc.destroy();
  return out;
}

const pdfFile = (over: Partial<FileRef> = {}): FileRef => ({
  id: 'f',
  sha256: '0'.repeat(64),
  name: '扫描件.pdf',
  size: 1,
  mediaType: 'application/pdf',
  addedAt: '2026-01-01T00:00:00.000Z',
  pages: 5,
  rotate: 0,
  ...over,
});

describe('page choice helpers (src/core/project/pages.ts)', () => {
  it('boundPages: every page in file order unless a choice is stored; an image is one page', () => {
    expect(boundPages(pdfFile())).toEqual([0, 1, 2, 3, 4]);
    expect(boundPages(pdfFile({ pageOrder: [2, 0] }))).toEqual([2, 0]);
    expect(boundPages(pdfFile({ pages: undefined }), 3)).toEqual([0, 1, 2]);
    expect(boundPages(pdfFile({ mediaType: 'image/jpeg', pages: undefined }))).toEqual([0]);
    expect(boundPageCount(pdfFile({ pages: undefined }))).toBeUndefined();
    expect(boundPageCount(pdfFile({ pageOrder: [4] }))).toBe(1);
  });

  it('pageRotation adds the page turn to the file turn, clockwise, modulo a full turn', () => {
    const file = pdfFile({ rotate: 90, pageRotate: { '1': 90, '2': 270 } });
    expect([0, 1, 2].map((i) => pageRotation(file, i))).toEqual([90, 180, 0]);
  });

  it('normalises: identity order and zero turns store nothing; turns of left-out pages go', () => {
    expect(normalisePageChoice(pdfFile(), { order: [0, 1, 2, 3, 4], rotate: { '3': 0 } })).toEqual({
      pageOrder: undefined,
      pageRotate: undefined,
    });
    expect(normalisePageChoice(pdfFile(), { order: [0, 1, 2, 3, 4], rotate: { '03': 180 } })).toEqual({
      pageOrder: undefined,
      pageRotate: { '3': 180 },
    });
    expect(normalisePageChoice(pdfFile(), { order: [2, 0], rotate: { '0': 90, '1': 90, '2': 0 } })).toEqual({
      pageOrder: [2, 0],
      pageRotate: { '0': 90 },
    });
  });

  it.each([
    ['out of range', { order: [0, 5] }, 'project.pageOutOfRange'],
    ['a turn for a page the file lacks', { order: [0], rotate: { '9': 90 } }, 'project.pageOutOfRange'],
    ['twice', { order: [1, 0, 1] }, 'project.pageTwice'],
    ['empty', { order: [] }, 'project.pagesEmpty'],
  ] as const)('refuses a choice with a page %s, naming the file', (_, change, code) => {
    const error = (() => {
      try {
        normalisePageChoice(pdfFile(), {
          order: [...change.order],
          rotate: { ...('rotate' in change ? change.rotate : {}) },
        });
      } catch (e) {
        return e;
      }
    })() as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.code).toBe(code);
    expect(error.format('zh-CN')).toContain('扫描件.pdf');
    expect(error.format('en')).toContain('扫描件.pdf');
  });
});

const PACK = `
id: pages-test
title: 页面测试备案
version: "2026.1"
effective: "2026-01-01"
authority: 测试管理局
sources: ["测试依据"]
materials:
  - id: licence
    title: 营业执照副本
    accept: [pdf, jpg]
    pages: { max: 2 }
  - id: photo
    title: 现场照片
    required: false
    accept: [pdf, jpg]
`;

describeCorpus('project:setPages through the app', () => {
  let app: TestApp;
  let ctx: WorkspaceContext;
  let dir: string;
  let source: Uint8Array<ArrayBuffer>;
  let pdfId: string;
  let jpgId: string;
  let sha: string;
  const json = () => readFile(join(dir, 'matprep.json'), 'utf8');

  beforeAll(async () => {
    const rules = join(work, 'rules');
    await mkdir(rules, { recursive: true });
    await writeFile(join(rules, 'pages-test.yaml'), PACK);
    ctx = { rulesDirs: { builtIn: builtInRulesDir(), user: rules }, today: '2026-11-23', locale: 'zh-CN' };
    app = await createTestApp({ rulesDirs: ctx.rulesDirs });
    dir = join(await mkdtemp(join(work, 'p-')), '示例科技');
    await app.call('project:create', { dir, ruleId: 'pages-test' });
    source = await fivePages();
    const jpeg = new Uint8Array(readFileSync(corpus('img-jpeg-gray.jpg')));
    const view = await app.call('project:addFiles', {
      dir,
      materialId: 'licence',
      files: [
        { name: '营业执照.pdf', data: source },
        { name: '照片.jpg', data: jpeg },
      ],
    });
    [pdfId, jpgId] = view.doc.materials.licence.files.map((f) => f.id);
    sha = view.doc.materials.licence.files[0].sha256;
  });

  it('stores the choice, and the check counts only the chosen pages (pages.max 2)', async () => {
    const before = await app.call('project:open', { dir });
    const problems = (v: typeof before) =>
      v.report.materials.find((m) => m.id === 'licence')!.problems.map((p) => p.code);
    expect(problems(before)).toContain('material.pages'); // 5 + 1 pages > 2

    const view = await app.call('project:setPages', {
      dir,
      materialId: 'licence',
      fileId: pdfId,
      order: [2],
      rotate: { '2': 90, '4': 180 },
    });
    const file = view.doc.materials.licence.files[0];
    expect(file.pageOrder).toEqual([2]);
    expect(file.pageRotate).toEqual({ '2': 90 });
    expect(problems(view)).not.toContain('material.pages'); // 1 + 1 pages
    expect(JSON.parse(await json()).materials.licence.files[0].pageOrder).toEqual([2]);
  });

  it('refuses bad choices with one line naming the file, leaving matprep.json byte-identical', async () => {
    const saved = await json();
    const cases = [
      { fileId: pdfId, order: [0, 7], code: 'project.pageOutOfRange' },
      { fileId: pdfId, order: [1, 1], code: 'project.pageTwice' },
      { fileId: jpgId, order: [0], code: 'project.pagesNotPdf' },
    ];
    for (const c of cases) {
      const result = await app.raw('project:setPages', {
        dir,
        materialId: 'licence',
        fileId: c.fileId,
        order: c.order,
        rotate: {},
      });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe(c.code);
      expect(result.error.message).toMatch(c.fileId === jpgId ? /照片\.jpg/ : /营业执照\.pdf/);
      expect(await json()).toBe(saved);
    }
    // An empty list never reaches the core from the UI (the contract wants one page); the core says so too.
    expect(
      (await app.raw('project:setPages', { dir, materialId: 'licence', fileId: pdfId, order: [], rotate: {} })).ok,
    ).toBe(false);
    await expect(setFilePages(dir, 'licence', pdfId, { order: [] })).rejects.toMatchObject({
      code: 'project.pagesEmpty',
    });
    expect(await json()).toBe(saved);
  });

  it('binds the chosen pages through the workspace, and the vault copy stays as imported', async () => {
    await app.call('project:setPages', { dir, materialId: 'licence', fileId: pdfId, order: [4, 1], rotate: {} });
    const output = join(work, 'via-app.pdf');
    const outcome = await bindProject(dir, ctx, { output, allowIncomplete: true });
    expect(outcome.kind).toBe('written');
    const texts = pageTexts(output);
    // cover, 目录, source pages 5 and 2, the photo
    expect(texts.length).toBe(5);
    expect(texts[2]).toContain('SOURCE PAGE 5');
    expect(texts[3]).toContain('SOURCE PAGE 2');
    expect(texts.join('\f')).not.toMatch(/SOURCE PAGE [134]/);
    expect(new Uint8Array(await readFile(vaultPath(dir, sha)))).toEqual(source);
  });

  it('a reset returns the FileRef to exactly its imported shape', async () => {
    const imported = (await app.call('project:open', { dir })).doc.materials.licence.files[0];
    const view = await app.call('project:setPages', {
      dir,
      materialId: 'licence',
      fileId: pdfId,
      order: [0, 1, 2, 3, 4],
      rotate: { '0': 0 },
    });
    const { pageOrder: _o, pageRotate: _r, ...rest } = imported;
    expect(view.doc.materials.licence.files[0]).toEqual(rest);
    const stored = JSON.parse(await json()).materials.licence.files[0];
    expect(Object.keys(stored)).not.toContain('pageOrder');
    expect(Object.keys(stored)).not.toContain('pageRotate');
    expect(new Uint8Array(await readFile(vaultPath(dir, sha)))).toEqual(source);
  });
});

describeCorpus('binding and exporting a page choice', () => {
  const pack = testRulePack();
  let five: string;

  beforeAll(async () => {
    five = join(work, 'five.pdf');
    writeFileSync(five, await fivePages());
  });

  async function bind(
    name: string,
    files: Record<string, TestFile[]>,
    choice: Partial<FileRef>[],
    options: Partial<BindOptions> = {},
  ) {
    const project = testProject(files);
    const refs = Object.values(project.doc.materials).flatMap((m) => m.files);
    choice.forEach((c, i) => Object.assign(refs[i], c));
    const result = await bindPacket({
      doc: project.doc,
      rulePack: pack,
      report: testReport(pack, project.doc),
      options,
      output: join(work, name),
      loadFile: project.loadFile,
    });
    return { result, bytes: new Uint8Array(readFileSync(result.output)), project };
  }

  it('order [2,0] with page 0 turned 90°: exactly those two pages, in that order, the second turned', async () => {
    const { result, bytes } = await bind('two.pdf', { other: [{ file: five }] }, [
      { pageOrder: [2, 0], pageRotate: { '0': 90 } },
    ]);
    const texts = pageTexts(result.output);
    expect(result.pages).toBe(4); // cover, 目录, two pages
    expect(texts[2]).toContain('SOURCE PAGE 3');
    expect(texts[3]).toContain('SOURCE PAGE 1');
    expect(texts.join('\f')).not.toMatch(/SOURCE PAGE [245]/);
    expect(await textDirections(bytes)).toEqual(['-', '-', 'up', 'cw']);
    // Turned a quarter, the portrait page is shown landscape, and its A4 page is landscape too.
    const doc = await PDFDocument.load(bytes);
    const [p3, p4] = [doc.getPage(2).getSize(), doc.getPage(3).getSize()];
    expect(p3.height).toBeGreaterThan(p3.width);
    expect(p4.width).toBeGreaterThan(p4.height);
    expect(doc.getPage(3).getRotation().angle).toBe(0);
    // Footers, 目录 and sections count the bound pages only.
    expect(texts[2].replace(/\s+/g, '')).toContain('第3页共4页');
    expect(texts[3].replace(/\s+/g, '')).toContain('第4页共4页');
    expect(result.sections).toEqual([expect.objectContaining({ materialId: 'other', firstPage: 3, lastPage: 4 })]);
    expect(texts[1].replace(/[ \t]+/g, '')).toMatch(/1\.其他材料\.*3/);
  });

  it('the file turn and the page turn add up on a page that already has /Rotate 90', async () => {
    const { bytes } = await bind('turns.pdf', { other: [{ file: corpus('rotated-90-5p.pdf'), rotate: 90 }] }, [
      { pageOrder: [0, 1], pageRotate: { '1': 90 } },
    ]);
    const doc = await PDFDocument.load(bytes);
    // /Rotate 90 + file 90 = 180: portrait stays portrait; + page 90 = 270: landscape.
    const [a, b] = [doc.getPage(2).getSize(), doc.getPage(3).getSize()];
    expect(a.height).toBeGreaterThan(a.width);
    expect(b.width).toBeGreaterThan(b.height);
  });

  it('kept source bookmarks point only at bound pages, each at where its page now is', async () => {
    // outlines-nested-9p: page n is the n-th bookmark in reading order (1. Introduction, 1.1 Background, …).
    const { result, bytes } = await bind('outline.pdf', { other: [{ file: corpus('outlines-nested-9p.pdf') }] }, [
      { pageOrder: [4, 0, 1, 8] },
    ]);
    expect(result.pages).toBe(6);
    const outline = await readOutline(bytes);
    const material = outline.find((e) => e.title === '其他材料')!;
    const flat = (entries: typeof outline): { title: string; page: number }[] =>
      entries.flatMap((e) => [{ title: e.title, page: e.page }, ...flat(e.children)]);
    expect(flat(material.children)).toEqual([
      { title: '1. Introduction', page: 4 },
      { title: '1.1 Background', page: 5 },
      { title: '2.1 First Topic', page: 3 },
      { title: '3.2 Future Work', page: 6 },
    ]);
    for (const { page } of flat(outline)) expect(page).toBeGreaterThanOrEqual(1);
    const texts = pageTexts(result.output);
    expect(texts[2]).toContain('First Topic');
    expect(texts[5]).toContain('Future Work');
  });

  it('internal links to a left-out page are dropped; the rest lead to where their page now is', async () => {
    // links-internal-4p: every page links to pages 1–4. Bind source pages 4 and 2 only.
    const { bytes, result } = await bind('links.pdf', { other: [{ file: corpus('links-internal-4p.pdf') }] }, [
      { pageOrder: [3, 1] },
    ]);
    const doc = await PDFDocument.load(bytes);
    const index = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
    const targets = [2, 3].map((n) =>
      (doc.getPage(n).node.Annots()?.asArray() ?? [])
        .map((a) => doc.context.lookup(a, PDFDict))
        .filter((a) => a.get(PDFName.of('Subtype')) === PDFName.of('Link'))
        .map((a) => {
          const dest = a.lookup(PDFName.of('Dest'));
          const page = dest instanceof PDFArray ? dest.get(0) : undefined;
          return page instanceof PDFRef ? (index.get(page.toString()) ?? -1) : -1;
        })
        .sort(),
    );
    // Source page 4 is packet page 3, source page 2 is packet page 4; links to source 1 and 3 are gone.
    expect(targets).toEqual([
      [3, 4],
      [3, 4],
    ]);
    expect(result.pages).toBe(4);
  });

  it('the per-file export of the material uses the same choice', async () => {
    const project = testProject({ other: [{ file: five }] });
    Object.assign(project.doc.materials.other.files[0], { pageOrder: [3, 1] });
    const output = join(work, 'export.zip');
    await exportMaterials({
      doc: project.doc,
      rulePack: pack,
      report: testReport(pack, project.doc),
      options: {},
      output,
      loadFile: project.loadFile,
    });
    const entries = unzipSync(new Uint8Array(readFileSync(output)));
    const [name] = Object.keys(entries);
    const file = join(work, 'export-other.pdf');
    writeFileSync(file, entries[name]);
    const texts = pageTexts(file);
    expect(texts.length).toBe(2);
    expect(texts[0]).toContain('SOURCE PAGE 4');
    expect(texts[1]).toContain('SOURCE PAGE 2');
  });

  it('a hand-edited choice past the end of the file is refused at bind time, naming the file', async () => {
    await expect(
      bind('bad.pdf', { other: [{ file: five, name: '手改.pdf' }] }, [{ pageOrder: [0, 9] }]),
    ).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof UserError && e.code === 'project.pageOutOfRange' && e.format('zh-CN').includes('手改.pdf'),
    );
  });
});
