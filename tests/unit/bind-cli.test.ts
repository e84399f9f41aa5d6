import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { expect, it } from 'vitest';
import { runInProcess } from '../support/cli';
import { pageImages, pageTexts, readOutline } from '../fixtures/pdf-read';
import { corpus, describeCorpus } from '../support/corpus';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const run = await runInProcess('--today', '2026-03-15', ...argv);
  return { code: run.code, out: run.stdout.trimEnd(), err: run.stderr.trimEnd() };
}

describeCorpus('matprep bind / export', () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'matprep-cli-')), 'project');

  it('refuses an incomplete project with exit 1, binds it with --allow-incomplete', async () => {
    expect((await cli('init', dir, '--rule', 'icp-filing-enterprise')).code).toBe(0);
    expect((await cli('set', dir, 'org_name', '北京示例科技有限公司')).code).toBe(0);
    expect((await cli('add', dir, 'business-licence', corpus('size-mixed-3p.pdf'))).code).toBe(0);
    expect((await cli('add', dir, 'legal-rep-id-card', corpus('img-exif-landscape-o6.jpg'))).code).toBe(0);

    const out = path.join(dir, 'out', 'packet.pdf');
    const refused = await cli('bind', dir, '-o', out, '--correction-list', path.join(dir, 'out', 'bz.pdf'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('已拒绝装订');
    expect(existsSync(out)).toBe(false);
    expect(
      pageTexts(path.join(dir, 'out', 'bz.pdf'))
        .join('')
        .replace(/\s+/g, ''),
    ).toContain('补正清单');

    const bound = await cli('bind', dir, '-o', out, '--allow-incomplete', '--json', '--deterministic');
    expect(bound.code).toBe(0);
    const result = JSON.parse(bound.out);
    expect(result).toMatchObject({ output: out, pages: 6 });
    expect(result.sections.map((s: { materialId: string }) => s.materialId)).toEqual([
      'business-licence',
      'legal-rep-id-card',
    ]);
    expect(result.sections[0]).toMatchObject({ firstPage: 3, lastPage: 5 });
    const project = JSON.parse(readFileSync(path.join(dir, 'matprep.json'), 'utf8'));
    expect(project.history.at(-1)).toMatchObject({ output: out, pages: 6 });

    // Deterministic: the second run writes the same bytes.
    const first = readFileSync(out);
    expect((await cli('bind', dir, '-o', out, '--allow-incomplete', '--deterministic')).code).toBe(0);
    expect(Buffer.compare(first, readFileSync(out))).toBe(0);

    // --preset print, as the app's 打印成册: dividers and each material on an odd page make more pages.
    const printed = path.join(dir, 'out', 'printed.pdf');
    const asBooklet = await cli('bind', dir, '-o', printed, '--preset', 'print', '--allow-incomplete', '--json');
    expect(asBooklet.code).toBe(0);
    const booklet = JSON.parse(asBooklet.out);
    expect(booklet.pages).toBeGreaterThan(6);
    expect(booklet.sections[0].firstPage % 2).toBe(1);
    expect(pageTexts(printed).join('').replace(/\s+/g, '')).toContain('营业执照');
    const wrong = await cli('bind', dir, '-o', printed, '--preset', 'paper');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('online | print');
  });

  it('exports each material into a zip, as its pack says (exportAs images: one JPEG per page)', async () => {
    const zip = path.join(dir, 'out', 'export.zip');
    const result = await cli('export', dir, '-o', zip, '--json');
    expect(result.code).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(zip))).sort()).toEqual(
      JSON.parse(result.out)
        .files.map((f: { name: string }) => f.name)
        .sort(),
    );
    // The ICP pack exports scans as images (exportAs: images): one JPEG per page of the 3-page 营业执照.
    expect(
      JSON.parse(result.out)
        .files.map((f: { name: string }) => f.name)
        .sort(),
    ).toEqual(['01-营业执照-1.jpg', '01-营业执照-2.jpg', '01-营业执照-3.jpg', '02-主体负责人身份证.jpg']);
  });

  it('usage errors exit 2', async () => {
    expect((await cli('bind', dir)).code).toBe(2);
    expect((await cli('bind', dir, '-o', 'x.pdf', '--dpi', '5')).code).toBe(2);
  });
});

describeCorpus('matprep bind: every binding option has a flag', () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'matprep-cli-')), 'options');
  const out = (name: string) => path.join(dir, 'out', name);

  /** What each option changes in the packet, read back from the file. */
  async function packet(file: string) {
    const bytes = new Uint8Array(readFileSync(file));
    const doc = await PDFDocument.load(bytes);
    const images = await Promise.all(doc.getPages().map(async (_, i) => (await pageImages(bytes, i + 1)).length));
    return {
      landscape: doc.getPages().some((p) => p.getWidth() > p.getHeight()),
      fields: doc.getForm().getFields().length,
      sourceBookmarks: (await readOutline(bytes)).some((o) => o.children.length > 0),
      coverNumbered: /第 \d+ 页/.test(pageTexts(file)[0]),
      bytes: bytes.length,
      images: images.reduce((a, b) => a + b, 0),
    };
  }

  it('binds with --landscape, --source-outlines, --forms, --no-number-front-matter and --jpeg-quality', async () => {
    expect((await cli('init', dir, '--rule', 'icp-filing-enterprise')).code).toBe(0);
    expect((await cli('add', dir, 'business-licence', corpus('size-mixed-3p.pdf'))).code).toBe(0);
    expect((await cli('add', dir, 'legal-rep-id-card', corpus('img-exif-landscape-o1.jpg'))).code).toBe(0);
    expect((await cli('add', dir, 'domain-certificate', corpus('outlines-nested-9p.pdf'))).code).toBe(0);
    expect((await cli('add', dir, 'verification-form', corpus('forms-pdflib-sample_form.pdf'))).code).toBe(0);
    const common = ['--allow-incomplete', '--deterministic'];

    expect((await cli('bind', dir, '-o', out('default.pdf'), ...common)).code).toBe(0);
    const flags = ['--landscape', 'rotate', '--source-outlines', 'drop', '--forms', 'keep', '--no-number-front-matter'];
    expect((await cli('bind', dir, '-o', out('flags.pdf'), ...common, ...flags, '--jpeg-quality', '100')).code).toBe(0);
    expect((await cli('bind', dir, '-o', out('small.pdf'), ...common, '--jpeg-quality', '30')).code).toBe(0);

    const plain = await packet(out('default.pdf'));
    expect(plain).toMatchObject({ landscape: true, fields: 0, sourceBookmarks: true, coverNumbered: true });
    const flagged = await packet(out('flags.pdf'));
    expect(flagged).toMatchObject({ landscape: false, sourceBookmarks: false, coverNumbered: false });
    expect(flagged.fields).toBeGreaterThan(0);
    // The photo is the packet's one image: its quality alone sets the size apart.
    const small = await packet(out('small.pdf'));
    expect(small.images).toBe(1);
    expect(small.bytes).toBeLessThan(plain.bytes);

    // --number-front-matter puts numbers back on the cover, overriding what the project saved.
    const project = path.join(dir, 'matprep.json');
    const doc = JSON.parse(readFileSync(project, 'utf8'));
    doc.bindOptions = { numberFrontMatter: false };
    writeFileSync(project, JSON.stringify(doc));
    expect((await cli('bind', dir, '-o', out('front.pdf'), ...common, '--number-front-matter')).code).toBe(0);
    expect((await packet(out('front.pdf'))).coverNumbered).toBe(true);
  });

  it('refuses a bad value in one line naming the option and its choices, exit 2', async () => {
    for (const [argv, text] of [
      [['--landscape', 'sideways'], '--landscape 只能是 keep | rotate，“sideways”不行。'],
      [['--source-outlines', 'yes'], '--source-outlines 只能是 keep | drop'],
      [['--forms', 'fill'], '--forms 只能是 flatten | keep'],
      [['--jpeg-quality', '101'], '--jpeg-quality 要是 30 到 100 之间的整数，“101”不行。'],
      [['--jpeg-quality', 'high'], '“high”不行'],
    ] as const) {
      const run = await cli('bind', dir, '-o', out('bad.pdf'), ...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.err.split('\n'), argv.join(' ')).toHaveLength(1);
      expect(run.err).toContain(text);
    }
    expect(existsSync(out('bad.pdf'))).toBe(false);
    const english = await runInProcess('--lang', 'en', 'bind', dir, '-o', out('bad.pdf'), '--forms', 'fill');
    expect(english.stderr).toContain('--forms takes flatten | keep, not "fill".');
  });

  it('explains every option under `bind --help`, in both languages', async () => {
    const zh = await cli('bind', '--help');
    expect(zh.code).toBe(0);
    for (const flag of [
      '--landscape keep|rotate',
      '--source-outlines keep|drop',
      '--forms flatten|keep',
      '--jpeg-quality N',
      '--no-number-front-matter',
    ])
      expect(zh.out).toContain(flag);
    expect(zh.out).toContain('封面和目录也编页码');
    const en = await runInProcess('bind', '--help', '--lang', 'en');
    expect(en.stdout).toContain('turn them portrait');
  });
});
