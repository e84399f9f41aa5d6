/**
 * Names that come from rule files, project files or the renderer must never write outside the
 * output folder: `exportName` and part titles in `matprep export`, the project name in the default
 * packet name, and the packet name the UI may send with `bind:start`.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { createProject, addFiles, outputDir } from '../../src/core/project/store';
import { bindProject, packetPathIn, type WorkspaceContext } from '../../src/core/workspace/workspace';
import { builtInRulesDir } from '../../src/core/rules/loader';
import { exportBaseName } from '../../src/core/bind/export';
import { createHandlers } from '../../src/main/handlers';
import { dispatch } from '../../src/main/dispatch';
import { runCli } from '../../src/cli/main';
import type { PacketMaterial } from '../../src/core/model/packet/select';
import type { MaterialRule } from '../../src/core/model/schemas/rules';
import * as make from '../fixtures/bad-inputs';
import { testPlatform } from '../support/platform';

/** The test's own idea of one harmless file name on Windows, macOS and Linux (not the code under test). */
function isSafeSegment(name: string): boolean {
  return (
    name.length > 0 &&
    Buffer.byteLength(name) <= 255 &&
    !/[\\/:*?"<>|\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(name) &&
    !name.startsWith('.') &&
    !/[. ]$/.test(name) &&
    !/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(name.trim())
  );
}

const HOSTILE = [
  '../../etc/x',
  '../../../../../../tmp/matprep-escape',
  '/etc/passwd',
  'C:\\Windows\\System32\\x',
  '..\\..\\x',
  '..',
  '.',
  'a\u0000b',
  'CON',
  'nul',
  'Lpt1',
  'com9.txt',
  'AUX.pdf',
  '.hidden',
  'trailing. ',
  '\u202Efdp.exe',
  'x'.repeat(400),
  '文'.repeat(200),
];

let work: string;
let ctx: WorkspaceContext;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'matprep-paths-'));
  ctx = { rulesDirs: { builtIn: builtInRulesDir(), user: join(work, 'rules') }, today: '2026-11-23', locale: 'zh-CN' };
  await mkdir(ctx.rulesDirs.user!);
});

describe('packet name from the UI (bind:start output)', () => {
  it('a plain name lands in the project out/ folder', () => {
    expect(packetPathIn('/p/示例', '我的装订件')).toBe(join('/p/示例', 'out', '我的装订件.pdf'));
    expect(packetPathIn('/p/示例', '示例科技-ICP备案-2026-11-23.pdf')).toBe(
      join('/p/示例', 'out', '示例科技-ICP备案-2026-11-23.pdf'),
    );
  });

  it.each(HOSTILE.concat(['', 'a/b', 'out/../../x']))('refuses %j', (name) => {
    expect(() => packetPathIn('/p/示例', name)).toThrow(expect.objectContaining({ code: 'project.badOutputName' }));
  });

  it('any string: either refused or a direct child of out/ with a safe name', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('.', '/', '\\', 'a', '文', ':', '\u0000', ' ', 'C', 'O', 'N') }),
        (name) => {
          let path: string;
          try {
            path = packetPathIn('/p/x', name);
          } catch (error) {
            return (error as { code?: string }).code === 'project.badOutputName';
          }
          return dirname(path) === join('/p/x', 'out') && isSafeSegment(path.slice(join('/p/x', 'out').length + 1));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('bind:start with a path as output is refused and writes nothing', async () => {
    const handlers = createHandlers({
      userDataDir: join(work, 'user-data'),
      rulesDirs: ctx.rulesDirs,
      platform: testPlatform(),
      today: () => ctx.today,
    });
    const dir = join(work, 'ui-project');
    await dispatch(handlers, 'project:create', { dir, ruleId: 'icp-filing-enterprise' }, () => 'zh-CN');
    const escape = join(work, 'escaped');
    const reply = await dispatch(
      handlers,
      'bind:start',
      { dir, output: `../../${escape}`, allowIncomplete: true },
      () => 'zh-CN',
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'project.badOutputName' } });
    if (!reply.ok) expect(reply.error.message).toContain('out');
    expect((await readdir(work)).sort()).not.toContain('escaped.pdf');
    expect(await readdir(join(dir, 'out'))).toEqual([]);
  });
});

describe('shell:openPath: the renderer cannot launch programs', () => {
  it('opens a packet PDF, refuses a program, a renamed program and a missing file', async () => {
    const platform = testPlatform();
    const opened = platform.opened;
    const handlers = createHandlers({
      userDataDir: join(work, 'user-data-shell'),
      rulesDirs: ctx.rulesDirs,
      platform,
      today: () => ctx.today,
    });
    const pdf = join(work, '装订件.pdf');
    const exe = join(work, 'setup.exe');
    const fake = join(work, 'invoice.pdf');
    await writeFile(pdf, await make.pdf());
    await writeFile(exe, make.windowsProgram());
    await writeFile(fake, make.windowsProgram());
    const open = (path: string) => dispatch(handlers, 'shell:openPath', { path }, () => 'zh-CN');
    expect(await open(pdf)).toMatchObject({ ok: true });
    for (const path of [exe, fake, join(work, 'missing.pdf'), '/bin/sh', 'C:\\Windows\\System32\\calc.exe']) {
      const reply = await open(path);
      expect(reply, path).toMatchObject({ ok: false, error: { code: 'project.openNotPdf' } });
      if (!reply.ok) expect(reply.error.message).toContain(path);
    }
    expect(opened).toEqual([pdf]);
  });
});

describe('default packet name from a hostile project name', () => {
  it.each(['../../../etc/passwd', 'CON', 'a\u0000b/../c', '..', '很长的项目名称'.repeat(20)])(
    'project named %j binds into its own out/',
    { timeout: 60_000 },
    async (name) => {
      const yaml = `
id: names-test
title: 名称测试
shortTitle: ../名称
version: "1"
effective: "2026-01-01"
authority: 测试
sources: [测试]
materials:
  - id: photo
    title: 照片
    accept: [jpg, png]
`;
      await writeFile(join(ctx.rulesDirs.user!, 'names-test.yaml'), yaml);
      const dir = await mkdtemp(join(work, 'named-'));
      await createProject(dir, { ruleId: 'names-test', ruleVersion: '1', name });
      await addFiles(dir, 'photo', [{ name: 'a.png', data: await make.png() }]);
      const outcome = await bindProject(dir, ctx);
      expect(outcome.kind).toBe('written');
      if (outcome.kind !== 'written') return;
      expect(dirname(outcome.result.output)).toBe(outputDir(dir));
      expect(isSafeSegment(outcome.result.output.slice(outputDir(dir).length + 1))).toBe(true);
      expect(await readdir(outputDir(dir))).toHaveLength(1);
    },
  );
});

describe('matprep export: names from the rule pack stay single safe zip entries', () => {
  const material = (rule: Partial<MaterialRule>): PacketMaterial =>
    ({
      rule: { id: 'm', title: '材料', required: true, severity: 'error', accept: ['pdf'], ...rule },
      files: [],
    }) as unknown as PacketMaterial;

  it.each(HOSTILE)('exportName %j gives a safe base name', (exportName) => {
    expect(isSafeSegment(`${exportBaseName(material({ exportName }))}.pdf`)).toBe(true);
  });

  it('any exportName or title gives a safe base name (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 300 })),
        fc.string({ minLength: 1, maxLength: 300 }),
        (exportName, title) => {
          const base = exportBaseName(material({ exportName: exportName ?? undefined, title }));
          return isSafeSegment(`${base}.pdf`) && isSafeSegment(`${base}-2.jpg`);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a hostile pack and a hand-edited part: every zip entry is one safe name', { timeout: 120_000 }, async () => {
    const yaml = `
id: export-names
title: 导出名称测试
version: "1"
effective: "2026-01-01"
authority: 测试
sources: [测试]
materials:
  - id: traversal
    title: 路径穿越
    accept: [jpg, png]
    exportName: ../../etc/x
  - id: reserved
    title: 保留名
    accept: [jpg, png]
    exportName: CON
  - id: absolute
    title: 绝对路径
    accept: [pdf]
    exportName: /tmp/matprep-absolute
  - id: id-card
    title: 身份证
    accept: [jpg, png]
    exportName: 身份证
    parts:
      - { id: front, title: ../../正面 }
      - { id: back, title: "..\\\\反面" }
`;
    await writeFile(join(ctx.rulesDirs.user!, 'export-names.yaml'), yaml);
    const dir = await mkdtemp(join(work, 'export-'));
    await createProject(dir, { ruleId: 'export-names', ruleVersion: '1' });
    await addFiles(dir, 'traversal', [{ name: 'a.png', data: await make.png(120, 90) }]);
    await addFiles(dir, 'reserved', [{ name: 'b.png', data: await make.png(90, 120) }]);
    await addFiles(dir, 'absolute', [{ name: 'c.pdf', data: await make.pdf() }]);
    await addFiles(dir, 'id-card', [{ name: 'front.png', data: await make.png(100, 60) }], { part: 'front' });
    await addFiles(dir, 'id-card', [{ name: 'back.png', data: await make.png(60, 100) }], { part: 'back' });
    // A hand-edited project file: a part id that no rule knows, shaped like a path.
    const file = join(dir, 'matprep.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.materials['id-card'].files[1].part = '../../../../tmp/slip';
    await writeFile(file, JSON.stringify(doc, null, 2));

    const out = await mkdtemp(join(work, 'zip-'));
    let stderr = '';
    const code = await runCli(['export', dir, '-o', join(out, 'materials.zip'), '--rules-dir', ctx.rulesDirs.user!], {
      stdout: () => undefined,
      stderr: (s) => (stderr += s),
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await readdir(out)).toEqual(['materials.zip']);
    const names = Object.keys(unzipSync(new Uint8Array(await readFile(join(out, 'materials.zip')))));
    expect(names).toHaveLength(5);
    for (const name of names) expect(isSafeSegment(name), name).toBe(true);
  });
});
