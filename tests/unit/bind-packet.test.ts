import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, expect, it } from 'vitest';
import { bindPacket, type BindInput } from '../../src/core/bind/index';
import type { BindResult } from '../../src/core/model/schemas/bind-options';
import { testProject, testReport, testRulePack, type TestFile } from '../fixtures/packet';

import { pageImages, pageTexts, pdfinfoPages, qdfText, readOutline } from '../fixtures/pdf-read';
import { corpus, describeCorpus } from '../support/corpus';

const dir = mkdtempSync(path.join(tmpdir(), 'matprep-bind-'));
const pack = testRulePack();

const materials: Record<string, TestFile[]> = {
  'business-licence': [{ file: corpus('size-mixed-3p.pdf') }, { file: corpus('rotated-90-5p.pdf') }],
  'legal-rep-id': [
    { file: corpus('img-exif-landscape-o6.jpg'), part: 'front' },
    { file: corpus('img-exif-portrait-o6.jpg'), part: 'back' },
  ],
  'site-owner-id': [{ file: corpus('enc-owner-aes256-r6-30p.pdf') }],
  commitment: [
    { file: corpus('forms-pdflib-sample_form.pdf') },
    { file: corpus('enc-user-rc4-128-pw-view.pdf'), password: 'view' },
  ],
  other: [
    { file: corpus('outlines-nested-9p.pdf') },
    { file: corpus('links-internal-4p.pdf') },
    { file: corpus('img-png-rgba-alpha.png') },
  ],
};
// 3+5 | 1+1 | 30 | 1+30 | 9+4+1
const MATERIAL_PAGES = [8, 2, 30, 31, 14];

function input(output: string, options: BindInput['options'] = {}, files = materials): BindInput {
  const project = testProject(files);
  return {
    doc: project.doc,
    rulePack: pack,
    report: testReport(pack, project.doc),
    options,
    output: path.join(dir, output),
    loadFile: project.loadFile,
  };
}

describeCorpus('bindPacket: a packet from real inputs', () => {
  let result: BindResult;
  let bytes: Uint8Array;
  let texts: string[];

  beforeAll(async () => {
    result = await bindPacket(input('packet.pdf'));
    bytes = new Uint8Array(readFileSync(result.output));
    texts = pageTexts(result.output);
  });

  it('has cover + 目录 + every page of every material, in rule order', () => {
    expect(result.pages).toBe(2 + MATERIAL_PAGES.reduce((a, b) => a + b, 0));
    expect(pdfinfoPages(result.output)).toBe(result.pages);
    expect(result.sections.map((s) => s.materialId)).toEqual([
      'business-licence',
      'legal-rep-id',
      'site-owner-id',
      'commitment',
      'other',
    ]);
    let first = 3;
    result.sections.forEach((s, i) => {
      expect(s.firstPage).toBe(first);
      expect(s.lastPage).toBe(first + MATERIAL_PAGES[i] - 1);
      first = s.lastPage + 1;
    });
  });

  it('prints 第 X 页 共 Y 页 on every page, equal to its position', () => {
    texts.forEach((text, i) => expect(text).toContain(`第 ${i + 1} 页 共 ${result.pages} 页`));
  });

  it('embeds the Chinese font as a tagged subset (ABCDEF+Name), which poppler reports as a subset', () => {
    const fonts = execFileSync('pdffonts', [result.output], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const ours = fonts.filter((line) => /LXGW|WenKai/i.test(line));
    expect(ours.length).toBeGreaterThan(0);
    // name, type, encoding, emb, sub, uni, object: the subset column is "yes" only for a tagged name.
    for (const line of ours) expect(line).toMatch(/^[A-Z]{6}\+\S+\s.*\byes\s+yes\s+yes\b/);
  });

  it('has a cover with applicant, matter, contact and date', () => {
    const cover = texts[0].replace(/\s+/g, '');
    for (const s of ['申请单位：北京示例科技有限公司', `申请事项：${pack.title}`, '王小明', '13800138000', '日期：'])
      expect(cover).toContain(s);
  });

  it('lists each material in the 目录 with the page range of its section', () => {
    const toc = texts[1];
    for (const s of result.sections) {
      const line = toc.split('\n').find((l) => l.includes(s.title));
      expect(line, s.title).toBeDefined();
      expect(line!.trim().endsWith(`${s.firstPage}–${s.lastPage}`) || line!.trim().endsWith(`${s.firstPage}`)).toBe(
        true,
      );
    }
  });

  it('has one bookmark per material pointing at its first page, with parts and source bookmarks below', async () => {
    const outline = await readOutline(bytes);
    const byTitle = new Map(outline.map((o) => [o.title, o]));
    expect(byTitle.get('目录')?.page).toBe(2);
    for (const s of result.sections) expect(byTitle.get(s.title)?.page).toBe(s.firstPage);
    const id = byTitle.get('法定代表人身份证复印件')!;
    expect(id.children.map((c) => [c.title, c.page])).toEqual([
      ['正面', 11],
      ['反面', 12],
    ]);
    const other = byTitle.get('其他材料')!;
    // outlines-nested-9p keeps its own tree, pointing into its own pages only.
    const pages = (entries: typeof outline): number[] => entries.flatMap((e) => [e.page, ...pages(e.children)]);
    expect(other.children.length).toBeGreaterThan(0);
    for (const p of pages(other.children)) expect(p).toBeGreaterThanOrEqual(other.page);
    for (const p of pages(other.children)) expect(p).toBeLessThan(other.page + 9);
  });

  it('places photos upright: the landscape photo landscape, the portrait one portrait', async () => {
    const [front] = await pageImages(bytes, 11);
    const [back] = await pageImages(bytes, 12);
    expect(front.width).toBeGreaterThan(front.height);
    expect(back.height).toBeGreaterThan(back.width);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPage(10).getWidth()).toBeGreaterThan(doc.getPage(10).getHeight());
    // Downscaled to the DPI target, not the camera's full size.
    expect(Math.max(front.width, front.height)).toBeLessThanOrEqual(Math.ceil(((841.89 - 72) / 72) * 200));
  });

  it('normalises every page to A4, portrait or landscape', async () => {
    const doc = await PDFDocument.load(bytes);
    for (const page of doc.getPages()) {
      const { width, height } = page.getSize();
      expect([Math.round(Math.min(width, height)), Math.round(Math.max(width, height))]).toEqual([595, 842]);
      expect(page.getRotation().angle).toBe(0);
    }
  });

  it('watermarks only the material that asks for it', () => {
    const marked = pageTexts(result.output, 'raw')
      .map((t, i) => (t.replace(/\s+/g, '').includes('仅供ICP备案使用') ? i + 1 : 0))
      .filter(Boolean);
    expect(marked).toEqual([11, 12]);
  });

  it('sets metadata and carries no JavaScript or launch actions', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getAuthor()).toBe('北京示例科技有限公司');
    expect(doc.getTitle()).toContain(pack.title);
    expect(doc.getCreator()).toBe('matprep');
    expect(doc.getCreationDate()).toBeInstanceOf(Date);
    const qdf = qdfText(result.output);
    for (const token of ['/JavaScript', '/JS ', '/Launch', '/AA ', '/OpenAction', '/SubmitForm'])
      expect(qdf).not.toContain(token);
  });

  it('keeps internal links, pointing at pages of the same document', async () => {
    const doc = await PDFDocument.load(bytes);
    const refs = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
    const other = result.sections.find((s) => s.materialId === 'other')!;
    const linkPages = doc.getPages().slice(other.firstPage - 1 + 9, other.firstPage - 1 + 13);
    const dests = linkPages.flatMap((p) => {
      const annots = p.node.Annots();
      if (!annots) return [];
      return annots.asArray().map((a) =>
        String(
          doc.context
            .lookup(a)
            ?.toString()
            .match(/\/Dest \[ (\d+ \d+ R)/)?.[1] ?? '',
        ),
      );
    });
    const targets = dests.filter(Boolean).map((ref) => refs.get(ref.replace(/ R$/, ' R')));
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) {
      expect(t).toBeGreaterThanOrEqual(other.firstPage + 9);
      expect(t).toBeLessThan(other.firstPage + 13);
    }
  });
});

describeCorpus('bindPacket options', () => {
  const small: Record<string, TestFile[]> = {
    'business-licence': [{ file: corpus('size-mixed-3p.pdf') }],
    'legal-rep-id': [{ file: corpus('img-exif-landscape-o3.jpg'), part: 'front' }],
    commitment: [{ file: corpus('v20-simple.pdf') }],
  };

  it('duplex: every section starts on a right-hand (odd) page, blanks say so', async () => {
    const result = await bindPacket(input('duplex.pdf', { duplex: true, dividers: true }, small));
    const texts = pageTexts(result.output);
    for (const s of result.sections) expect(s.firstPage % 2).toBe(1);
    expect(texts[1]).toContain('此页无正文');
    // Dividers carry the material title and are the section's first page.
    for (const s of result.sections) expect(texts[s.firstPage - 1].replace(/\s+/g, '')).toContain(s.title);
    expect(result.pages % 2).toBe(texts.length % 2);
  });

  it('numberFrontMatter off: numbering starts at the first material, 目录 numbers match footers', async () => {
    const result = await bindPacket(
      input('nofront.pdf', { numberFrontMatter: false, pageNumberFormat: '- {page} / {total} -' }, small),
    );
    const texts = pageTexts(result.output);
    const total = result.pages - 2;
    expect(texts[0]).not.toMatch(/- \d+ \/ \d+ -/);
    expect(texts[1]).not.toMatch(/- \d+ \/ \d+ -/);
    for (let i = 2; i < texts.length; i++) expect(texts[i].replace(/\s+/g, '')).toContain(`-${i - 1}/${total}-`);
    expect(result.sections[0].firstPage).toBe(1);
    expect(texts[1]).toMatch(/营业执照副本复印件[ .]*1–3/);
  });

  it('deterministic: identical bytes from identical inputs', async () => {
    const a = await bindPacket(input('det-a.pdf', { deterministic: true }, small));
    const b = await bindPacket(input('det-b.pdf', { deterministic: true }, small));
    expect(Buffer.compare(readFileSync(a.output), readFileSync(b.output))).toBe(0);
  });

  it('cancellation throws bind.cancelled and leaves no file behind', async () => {
    const controller = new AbortController();
    const sub = mkdtempSync(path.join(dir, 'cancel-'));
    const project = testProject(small);
    const run = bindPacket({
      doc: project.doc,
      rulePack: pack,
      report: testReport(pack, project.doc),
      options: {},
      output: path.join(sub, 'out.pdf'),
      loadFile: project.loadFile,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'materials' && p.done === 1) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'bind.cancelled' });
    expect(readdirSync(sub)).toEqual([]);
  });

  it('reports progress up to done', async () => {
    const phases: string[] = [];
    await bindPacket({ ...input('progress.pdf', {}, small), onProgress: (p) => phases.push(p.phase) });
    expect(phases[0]).toBe('prepare');
    expect(phases.at(-1)).toBe('done');
    expect(phases).toContain('materials');
  });

  it('needs a password for user-password PDFs and names the file', async () => {
    const files = { 'business-licence': [{ file: corpus('enc-user-aes256-r6-pw-view.pdf'), name: '营业执照.pdf' }] };
    const error = await bindPacket(input('pw.pdf', {}, files)).catch((e) => e);
    expect(error.code).toBe('pdf.passwordRequired');
    expect(error.format('zh-CN')).toContain('营业执照.pdf');
  });
});

describeCorpus('bindPacket page options', () => {
  const files: Record<string, TestFile[]> = {
    'business-licence': [{ file: corpus('size-mixed-3p.pdf') }],
    other: [{ file: corpus('outlines-nested-9p.pdf') }],
  };

  it("landscape 'rotate' turns landscape pages portrait; 'keep' keeps them", async () => {
    const kept = await bindPacket(input('keep.pdf', { landscape: 'keep' }, files));
    const rotated = await bindPacket(input('rotate.pdf', { landscape: 'rotate' }, files));
    const sizes = async (file: string) =>
      (await PDFDocument.load(readFileSync(file))).getPages().map((p) => p.getWidth() > p.getHeight());
    expect((await sizes(kept.output)).some(Boolean)).toBe(true);
    expect((await sizes(rotated.output)).some(Boolean)).toBe(false);
  });

  it("landscape 'rotate' also turns a landscape photo (EXIF-rotated) to fill a portrait page", async () => {
    const photo = { 'business-licence': [{ file: corpus('img-exif-landscape-o6.jpg') }] };
    const images = (file: string) =>
      execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter((line) => /\bimage\b/.test(line))
        .map((line) => line.trim().split(/\s+/).slice(3, 5).map(Number));
    const pagesLandscape = async (file: string) =>
      (await PDFDocument.load(readFileSync(file))).getPages().map((p) => p.getWidth() > p.getHeight());
    const kept = await bindPacket(input('photo-keep.pdf', { landscape: 'keep' }, photo));
    const turned = await bindPacket(input('photo-rotate.pdf', { landscape: 'rotate' }, photo));
    // Displayed 1800×1200: kept landscape on a landscape page; turned, it is stored portrait on a portrait page.
    expect(images(kept.output).map(([w, h]) => w > h)).toEqual([true]);
    expect((await pagesLandscape(kept.output)).some(Boolean)).toBe(true);
    expect(images(turned.output).map(([w, h]) => w > h)).toEqual([false]);
    expect((await pagesLandscape(turned.output)).some(Boolean)).toBe(false);
  });

  it('header carries the applicant on every page but the cover; sourceOutlines drop removes file bookmarks', async () => {
    const result = await bindPacket(input('header.pdf', { header: true, sourceOutlines: 'drop' }, files));
    const texts = pageTexts(result.output);
    expect(texts[0].split('\n').slice(0, 3).join('')).not.toContain('北京示例科技有限公司');
    for (const t of texts.slice(1)) expect(t.split('\n').slice(0, 3).join('')).toContain('北京示例科技有限公司');
    const outline = await readOutline(new Uint8Array(readFileSync(result.output)));
    expect(outline.find((o) => o.title === '其他材料')?.children).toEqual([]);
  });

  it('binding margin moves content away from the left edge', async () => {
    const plain = await bindPacket(input('plain.pdf', {}, files));
    const bound = await bindPacket(input('bound.pdf', { bindingMargin: true }, files));
    const left = (file: string, page: number) => {
      const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], {
        encoding: 'utf8',
      });
      return Math.min(...[...bbox.matchAll(/xMin="([\d.]+)"/g)].map((m) => Number(m[1])));
    };
    // Page 3 is the first material page (portrait A4 with text at its left margin).
    expect(left(bound.output, 3)).toBeGreaterThan(left(plain.output, 3) + 20);
  });
});

describeCorpus('bindPacket appendix', () => {
  it('binds appendix materials last, labelled 附录 in the 目录 and bookmarks', async () => {
    const files: Record<string, TestFile[]> = {
      'business-licence': [{ file: corpus('v20-simple.pdf') }],
      'legal-rep-id': [{ file: corpus('img-jpeg-gray.jpg') }],
      commitment: [{ file: corpus('rotated-inherited.pdf') }],
    };
    const result = await bindPacket(input('appendix.pdf', { appendix: ['business-licence'] }, files));
    expect(result.sections.map((s) => s.materialId)).toEqual(['legal-rep-id', 'commitment', 'business-licence']);
    expect(result.sections.at(-1)).toMatchObject({ firstPage: 5, lastPage: 5 });
    const toc = pageTexts(result.output)[1].replace(/[ \t]+/g, '');
    expect(toc).toMatch(/1\.法定代表人身份证复印件\.*3/);
    expect(toc).toMatch(/附录1：营业执照副本复印件\.*5/);
    const outline = await readOutline(new Uint8Array(readFileSync(result.output)));
    expect(outline.at(-1)).toMatchObject({ title: '附录1：营业执照副本复印件', page: 5 });
  });
});

describeCorpus('bindPacket forms', () => {
  const files: Record<string, TestFile[]> = { other: [{ file: corpus('forms-pdflib-sample_form.pdf') }] };

  it('flattens form fields by default (values drawn into the page, no widgets left)', async () => {
    const result = await bindPacket(input('forms-flat.pdf', {}, files));
    const doc = await PDFDocument.load(readFileSync(result.output));
    expect(doc.getForm().getFields()).toEqual([]);
    const annots = doc.getPage(2).node.Annots()?.asArray() ?? [];
    const subtypes = annots.map((a) => String(doc.context.lookup(a, PDFDict).get(PDFName.of('Subtype'))));
    expect(subtypes.filter((t) => t !== '/Link')).toEqual([]);
  });

  it("keeps them as fillable fields with forms: 'keep'", async () => {
    const source = await PDFDocument.load(readFileSync(corpus('forms-pdflib-sample_form.pdf')));
    const result = await bindPacket(input('forms-keep.pdf', { forms: 'keep' }, files));
    const doc = await PDFDocument.load(readFileSync(result.output));
    const names = (d: PDFDocument) =>
      d
        .getForm()
        .getFields()
        .map((f) => f.getName())
        .sort();
    expect(names(doc)).toEqual(names(source));
    expect(doc.getPage(2).node.Annots()!.size()).toBeGreaterThan(0);
  });
});

describeCorpus('bindPacket user rotation', () => {
  it('turns a PDF page by FileRef.rotate (a quarter turn swaps portrait and landscape)', async () => {
    const files: Record<string, TestFile[]> = { other: [{ file: corpus('v20-simple.pdf'), rotate: 90 }] };
    const plain = await bindPacket(input('unrotated.pdf', {}, { other: [{ file: corpus('v20-simple.pdf') }] }));
    const turned = await bindPacket(input('rotated.pdf', {}, files));
    const page = async (file: string) => (await PDFDocument.load(readFileSync(file))).getPage(2);
    const a = await page(plain.output);
    const b = await page(turned.output);
    expect(a.getWidth() < a.getHeight()).not.toBe(b.getWidth() < b.getHeight());
  });
});
