/**
 * Bad inputs through the two doors a user has: the UI (the real handler table + dispatch, exactly
 * what the renderer calls: `project:addFiles` with `{name, data}` or a picked `{path}`) and the CLI
 * (`bin/matprep.js add` in a child process). Each must give one Chinese line naming the file and
 * what to do, leave `matprep.json` and the vault byte-identical, and leave the app working.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_IMPORT_BYTES, addFiles } from '../../src/core/project/store';
import { UserError } from '../../src/core/errors';
import { loadPdf } from '../../src/core/pdf/load';
import { runInProcess, runBinary } from '../support/cli';
import * as bad from '../fixtures/bad-inputs';
import { createTestApp, type TestApp } from '../support/app';
import { HAS_CORPUS, corpus, itCorpus } from '../support/corpus';

const MATERIAL = 'business-licence';
const CJK = /[\u4e00-\u9fff]/;

let app: TestApp;
let work: string;

const call: TestApp['raw'] = (channel, request) => app.raw(channel, request);

async function newProject(name: string): Promise<string> {
  const dir = join(await mkdtemp(join(work, 'p-')), name);
  const created = await call('project:create', { dir, ruleId: 'icp-filing-enterprise', name });
  expect(created.ok).toBe(true);
  return dir;
}

/** Everything a failed import must not touch: the document and the vault, byte for byte. */
async function snapshot(dir: string): Promise<{ doc: string; vault: string[] }> {
  return { doc: await readFile(join(dir, 'matprep.json'), 'utf8'), vault: (await readdir(join(dir, 'vault'))).sort() };
}

const matprep = runBinary;
const cli = runInProcess;

/** One line, in Chinese, naming the file; no stack trace. */
function expectClearMessage(message: string, file: string) {
  expect(message.trim().split('\n')).toHaveLength(1);
  expect(message).toContain(file);
  expect(message).toMatch(CJK);
  expect(message).not.toMatch(/\bat .*:\d+|Error:|undefined|\[object/);
}

interface BadCase {
  what: string;
  name: string;
  make: () => bad.Bytes | Promise<bad.Bytes>;
  code: string;
  /** Part of the message that says what to do. */
  says: string;
  /** Read from the real-file corpus: skipped when it is absent. */
  fromCorpus?: true;
}

const cases: BadCase[] = [
  { what: 'zero-byte file', name: '营业执照.pdf', make: () => new Uint8Array(), code: 'file.empty', says: '0 字节' },
  { what: 'truncated PDF', name: '营业执照-截断.pdf', make: bad.truncatedPdf, code: 'pdf.damaged', says: '重新扫描' },
  {
    what: 'PDF with a cut-off trailer (corpus)',
    name: 'truncated-trailer-cut.pdf',
    make: () => corpusFile('truncated-trailer-cut.pdf'),
    fromCorpus: true,
    code: 'pdf.damaged',
    says: '重新扫描',
  },
  { what: 'truncated JPEG', name: '身份证正面.jpg', make: bad.truncatedJpeg, code: 'image.damaged', says: '重新拍摄' },
  {
    what: 'truncated PNG (corpus)',
    name: 'img-png-truncated.png',
    make: () => corpusFile('img-png-truncated.png'),
    fromCorpus: true,
    code: 'image.damaged',
    says: '重新拍摄',
  },
  {
    what: 'ELF program renamed .pdf',
    name: '营业执照.pdf',
    make: bad.elfProgram,
    code: 'pdf.notPdf',
    says: '不是 PDF',
  },
  {
    what: 'Windows program renamed .pdf',
    name: 'setup.pdf',
    make: bad.windowsProgram,
    code: 'pdf.notPdf',
    says: '不是 PDF',
  },
  {
    what: 'Windows program renamed .jpg',
    name: 'photo.jpg',
    make: bad.windowsProgram,
    code: 'file.unsupported.unknown',
    says: '支持 PDF、JPG、PNG',
  },
  {
    what: 'PDF with a user password',
    name: '加密的执照.pdf',
    make: () => corpusFile('enc-user-rc4-128-pw-view.pdf'),
    fromCorpus: true,
    code: 'pdf.passwordRequired',
    says: '密码',
  },
  {
    what: 'gigapixel PNG (decompression bomb)',
    name: 'bomb.png',
    make: () => bad.gigapixelPng(),
    code: 'image.tooLarge',
    says: '缩小',
  },
  {
    what: 'PDF with a cyclic page tree',
    name: 'cyclic.pdf',
    make: bad.cyclicPageTreePdf,
    code: 'pdf.damaged',
    says: '已损坏',
  },
  {
    what: 'PDF with a page-tree loop (corpus)',
    name: 'broken-pagetree-loop.pdf',
    make: () => corpusFile('broken-pagetree-loop.pdf'),
    fromCorpus: true,
    code: 'pdf.damaged',
    says: '已损坏',
  },
  {
    what: 'PDF with a 5000-level page tree',
    name: 'deep.pdf',
    make: () => bad.deepPageTreePdf(5000),
    code: 'pdf.damaged',
    says: '已损坏',
  },
  {
    what: 'PDF listing one page 50000 times, /Count 10^9',
    name: 'huge.pdf',
    make: () => bad.hugePageTreePdf(50_000),
    code: 'pdf.damaged',
    says: '已损坏',
  },
  {
    what: 'PDF without pages (corpus)',
    name: 'zeropage-empty.pdf',
    make: () => corpusFile('zeropage-empty.pdf'),
    fromCorpus: true,
    code: 'pdf.noPages',
    says: '没有任何页面',
  },
  { what: 'Word document', name: '申请书.docx', make: bad.docx, code: 'file.unsupported.office', says: '另存为 PDF' },
  {
    what: 'Word document renamed .pdf',
    name: '申请书.pdf',
    make: bad.docx,
    code: 'file.unsupported.office',
    says: '另存为 PDF',
  },
  {
    what: 'Word document with every part Word writes',
    name: '网站建设方案书.docx',
    make: () => bad.wordDocx(),
    code: 'file.unsupported.office',
    says: '另存为 PDF',
  },
  {
    what: 'Word document whose first part is a 64 KB thumbnail (parts listed only at the end)',
    name: '方案书.docx',
    make: () => bad.wordDocx(64 * 1024),
    code: 'file.unsupported.office',
    says: '另存为 PDF',
  },
  {
    what: 'zip header only, named .docx (no readable part list)',
    name: '网站建设方案书.docx',
    make: bad.zipHeadOnly,
    code: 'file.unsupported.office',
    says: '另存为 PDF',
  },
  {
    what: 'zip archive named .docx',
    name: '材料.docx',
    make: bad.zipOfPdfs,
    code: 'file.unsupported.office',
    says: '另存为 PDF',
  },
  { what: 'zip archive', name: '材料.zip', make: bad.zipOfPdfs, code: 'file.unsupported.zip', says: '请先解压' },
  {
    what: 'Excel 97 workbook (OLE2)',
    name: '人员名单.xls',
    make: bad.ole2,
    code: 'file.unsupported.office',
    says: '另存为 PDF',
  },
  { what: 'HEIC photo', name: 'IMG_0001.HEIC', make: bad.heic, code: 'file.unsupported.heic', says: '兼容性最佳' },
  {
    what: 'HEIC photo renamed .jpg',
    name: 'IMG_0002.jpg',
    make: bad.heic,
    code: 'file.unsupported.heic',
    says: '兼容性最佳',
  },
  // A good WebP/TIFF/GIF is converted on import (convert.test.ts); a broken one cannot be.
  {
    what: 'WebP image with damaged data',
    name: '截图.webp',
    make: bad.damagedWebp,
    code: 'image.convertFailed',
    says: '无法转换',
  },
  { what: 'BMP image', name: '旧扫描.bmp', make: bad.bmp, code: 'file.unsupported.bmp', says: '另存为 PNG 或 JPG' },
];

async function corpusFile(name: string): Promise<bad.Bytes> {
  return new Uint8Array(await readFile(corpus(name)));
}
/** `it` for one case: skipped, saying why, when it reads the corpus and the corpus is absent. */
const caseIt =
  (c: BadCase) =>
  (name: string, options: { timeout: number }, body: () => Promise<void>): void =>
    c.fromCorpus ? itCorpus(name, options, body) : void it(name, options, body);
/** The cases that can run: without the corpus, those read from it are left out (and said so). */
const available = cases.filter((c) => HAS_CORPUS || !c.fromCorpus);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'matprep-bad-'));
  app = await createTestApp({ userDataDir: join(work, 'user-data') });
});

describe('bad inputs through the UI (project:addFiles)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await newProject('示例科技');
  });

  for (const c of cases) {
    caseIt(c)(`${c.what}: ${c.code}, project unchanged`, { timeout: 30_000 }, async () => {
      const before = await snapshot(dir);
      const reply = await call('project:addFiles', {
        dir,
        materialId: MATERIAL,
        files: [{ name: c.name, data: await c.make() }],
      });
      expect(reply.ok).toBe(false);
      if (reply.ok) return;
      expect(reply.error.code).toBe(c.code);
      expectClearMessage(reply.error.message, c.name);
      expect(reply.error.message).toContain(c.says);
      expect(await snapshot(dir)).toEqual(before);
    });
  }

  it('a file over the import limit is refused before it is read', async () => {
    const before = await snapshot(dir);
    // Zero-filled and never touched, so this costs address space, not memory.
    const reply = await call('project:addFiles', {
      dir,
      materialId: MATERIAL,
      files: [{ name: '超大扫描件.pdf', data: new Uint8Array(MAX_IMPORT_BYTES + 1) }],
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'project.fileTooLarge' } });
    if (!reply.ok) expectClearMessage(reply.error.message, '超大扫描件.pdf');
    if (!reply.ok) expect(reply.error.message).toContain('200 MB');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a file that vanished before import: error.notFound naming it (CLI and store take paths)', async () => {
    const gone = join(work, '已删除的执照.pdf');
    await writeFile(gone, await bad.pdf());
    await rm(gone);
    const before = await snapshot(dir);
    const error = await addFiles(dir, MATERIAL, [{ path: gone }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('error.notFound');
    expectClearMessage((error as UserError).format('zh-CN'), '已删除的执照.pdf');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('the renderer cannot make the app read a path it names', async () => {
    const before = await snapshot(dir);
    const reply = await call('project:addFiles', {
      dir,
      materialId: MATERIAL,
      files: [{ path: '/etc/passwd' }],
    } as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await snapshot(dir)).toEqual(before);
  });

  it('one bad file in a batch: nothing of the batch is attached or left in the vault', async () => {
    const before = await snapshot(dir);
    const reply = await call('project:addFiles', {
      dir,
      materialId: MATERIAL,
      files: [
        { name: '好的执照.png', data: await bad.png(300, 200) },
        { name: '好的第二页.pdf', data: await bad.pdf(1) },
        { name: '坏的.pdf', data: new Uint8Array(0) },
      ],
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'file.empty' } });
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a genuinely huge page tree (20 000 pages) imports with every page counted', { timeout: 60_000 }, async () => {
    const project = await newProject('大文件');
    const reply = await call('project:addFiles', {
      dir: project,
      materialId: MATERIAL,
      files: [{ name: '两万页.pdf', data: bad.manyPagesPdf(20_000) }],
    });
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(reply.value.doc.materials[MATERIAL].files[0].pages).toBe(20_000);
  });

  itCorpus('a password-protected PDF imports once its password is given', async () => {
    const reply = await call('project:addFiles', {
      dir,
      materialId: MATERIAL,
      files: [{ name: '加密的执照.pdf', data: await corpusFile('enc-user-rc4-128-pw-view.pdf') }],
      password: 'wrong',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'pdf.passwordWrong' } });
    const password = 'view'; // from the corpus MANIFEST
    const ok = await call('project:addFiles', {
      dir,
      materialId: MATERIAL,
      files: [{ name: '加密的执照.pdf', data: await corpusFile('enc-user-rc4-128-pw-view.pdf') }],
      password,
    });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    // Stored decrypted; the password itself is written nowhere in the project.
    const ref = ok.value.doc.materials[MATERIAL].files.at(-1)!;
    expect(ref).toMatchObject({ name: '加密的执照.pdf', unlocked: true });
    expect(ref.password).toBeUndefined();
    expect(await readFile(join(dir, 'matprep.json'), 'utf8')).not.toContain(`"${password}"`);
    const stored = await readFile(join(dir, 'vault', ref.sha256));
    expect(stored.includes('/Encrypt')).toBe(false);
    expect((await loadPdf(stored, ref.name)).pageRefs.length).toBe(ref.pages);
  });

  it('Chinese, very long, odd and path-like names import; the name is kept and nothing lands outside the vault', async () => {
    const project = await newProject('名字测试');
    const names = [
      '营业执照（副本）2026 年 #1 & 最终版 (1).png',
      `${'很长的文件名'.repeat(60)}.png`, // 360 characters, over most file systems' 255-byte limit
      '-rf --help.png',
      'name\u202Egnp.exe.png', // right-to-left override
      'tab\tand\nnewline.png',
      '../../../../outside.png',
      '..\\..\\windows.png',
      '/etc/passwd.png',
    ];
    const data = await bad.png();
    const reply = await call('project:addFiles', {
      dir: project,
      materialId: MATERIAL,
      files: names.map((name) => ({ name, data })),
    });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const stored = reply.value.doc.materials[MATERIAL].files.map((f) => f.name);
    expect(stored.slice(0, 5)).toEqual(names.slice(0, 5));
    // Only the last path segment is kept as the display name; on POSIX a backslash is an ordinary character.
    expect(stored.slice(5)).toEqual(['outside.png', '..\\..\\windows.png', 'passwd.png']);
    expect(await readdir(project)).toEqual(expect.arrayContaining(['matprep.json', 'vault', 'out']));
    // cache/: the import's vault-check stamps, entries named by the hash of their key, never by a file name.
    expect((await readdir(project)).sort()).toEqual([
      'cache',
      'matprep.json',
      'matprep.json.last-good',
      'out',
      'scans',
      'vault',
    ]);
    for (const entry of await readdir(join(project, 'cache'))) expect(entry).toMatch(/^[0-9a-f]{64}$/);
    expect(await readdir(join(project, 'vault'))).toHaveLength(1); // stored by content, once
    expect((await readdir(join(project, '..'))).sort()).toEqual(['名字测试']);
  });

  it('after all of the above the app still works: open, import a good file, check', async () => {
    const opened = await call('project:open', { dir });
    expect(opened.ok).toBe(true);
    const reply = await call('project:addFiles', {
      dir,
      materialId: MATERIAL,
      files: [{ name: '营业执照.jpg', data: await bad.jpeg() }],
    });
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(reply.value.doc.materials[MATERIAL].files.map((f) => f.name)).toContain('营业执照.jpg');
  });
});

describe('bad inputs through the company-profile library (profiles:addDocument)', () => {
  it('every bad file: a clear message naming it, the profile unchanged', { timeout: 60_000 }, async () => {
    const saved = await call('profiles:save', { name: '上海示例网络科技有限公司', contacts: [] });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    for (const c of available) {
      const reply = await call('profiles:addDocument', {
        profileId: saved.value.id,
        key: 'business-licence',
        file: { name: c.name, data: await c.make() },
      });
      expect(reply.ok, c.what).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code, c.what).toBe(c.code);
        expectClearMessage(reply.error.message, c.name);
      }
    }
    const profiles = await call('profiles:list', {});
    expect(profiles.ok && profiles.value.find((p) => p.id === saved.value.id)?.library).toEqual([]);
  });
});

describe('bad inputs through the CLI (matprep add): exit 2, one line', () => {
  let dir: string;
  let files: string;
  beforeAll(async () => {
    dir = await newProject('命令行');
    files = await mkdtemp(join(work, 'files-'));
  });

  // runCli is what bin/matprep.js runs; in-process here to keep the table fast, and three cases
  // below go through the real binary in a child process.
  for (const c of cases) {
    caseIt(c)(`${c.what}: exit 2, one Chinese line naming it, project unchanged`, { timeout: 30_000 }, async () => {
      const path = join(files, c.name);
      await writeFile(path, await c.make());
      const before = await snapshot(dir);
      const run = await cli('add', dir, MATERIAL, path);
      expect(run.code).toBe(2);
      expectClearMessage(run.stderr, c.name);
      expect(run.stderr).toContain(c.says);
      expect(run.stdout).toBe('');
      expect(await snapshot(dir)).toEqual(before);
      await rm(path);
    });
  }

  it('the real binary: a program renamed .pdf, a HEIC photo, a damaged PDF', { timeout: 60_000 }, async () => {
    for (const c of cases.filter((x) =>
      ['Windows program renamed .pdf', 'HEIC photo', 'truncated PDF'].includes(x.what),
    )) {
      const path = join(files, c.name);
      await writeFile(path, await c.make());
      const run = matprep('add', dir, MATERIAL, path);
      expect(run.code).toBe(2);
      expectClearMessage(run.stderr, c.name);
      expect(run.stderr).toContain(c.says);
      await rm(path);
    }
  });

  it('a file over the size limit (sparse, nothing written): exit 2, names the limit', async () => {
    const path = join(files, '超大扫描件.pdf');
    await writeFile(path, '%PDF-1.7\n');
    await truncate(path, MAX_IMPORT_BYTES + 1);
    const before = await snapshot(dir);
    const run = await cli('add', dir, MATERIAL, path);
    expect(run.code).toBe(2);
    expectClearMessage(run.stderr, '超大扫描件.pdf');
    expect(run.stderr).toContain('200 MB');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a file that does not exist (moved or deleted): exit 2, error.notFound naming it', async () => {
    const before = await snapshot(dir);
    const run = matprep('add', dir, MATERIAL, join(files, '不见了.pdf'));
    expect(run.code).toBe(2);
    expectClearMessage(run.stderr, '不见了.pdf');
    expect(run.stderr).toContain('找不到文件');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a folder instead of a file: exit 2', async () => {
    const run = await cli('add', dir, MATERIAL, files);
    expect(run.code).toBe(2);
    expectClearMessage(run.stderr, files);
  });

  it('Chinese, long and dash-leading names import (after --)', async () => {
    const long = join(files, `${'营业执照副本'.repeat(13)}.png`); // 78 characters, 238 bytes
    const dashed = join(files, '-扫描件 (2).png');
    await writeFile(long, await bad.png());
    await writeFile(dashed, await bad.png(150, 100));
    const run = matprep('add', dir, MATERIAL, '--', long, dashed);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8'));
    expect(doc.materials[MATERIAL].files.map((f: { name: string }) => f.name)).toEqual([
      `${'营业执照副本'.repeat(13)}.png`,
      '-扫描件 (2).png',
    ]);
  });
});
