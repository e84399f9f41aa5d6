/**
 * Kills a process that is saving and binding (SIGKILL, at random moments) many times, and checks after
 * each kill that nothing was lost: matprep.json parses and matches the vault, the previous packet is
 * still a whole PDF, and leftover temp files do not break the next run.
 */
import { it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { createProject, openProject, readVaultFile, addFiles } from '../../src/core/project/store';
import { bindProject } from '../../src/core/workspace/workspace';
import { builtInRulesDir } from '../../src/core/rules/loader';
import { ProjectDocSchema } from '../../src/core/model/schemas/project';
import { CORPUS, describeCorpus } from '../support/corpus';

const root = resolve(__dirname, '../..');
const KILLS = Number(process.env.MATPREP_CRASH_KILLS ?? 16);

/** A small deterministic PRNG so a failing run can be repeated. */
function prng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function runAndKill(dir: string, bind: boolean, delayMs: number): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/fixtures/crash-child.ts', dir, CORPUS, bind ? '1' : '0'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done();
      else fail(new Error(`child exited by itself (${code}): ${stderr}`));
    });
  });
}

describeCorpus('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs during save and bind`, { timeout: Math.max(240_000, KILLS * 8_000) }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'matprep-crash-'));
    await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '1', name: '崩溃测试' });
    // A first packet, bound without interruption: every kill below must leave it (or a newer one) whole.
    await addFiles(dir, 'business-licence', [{ path: join(CORPUS, 'img-png-palette.png') }]);
    const ctx = { rulesDirs: { builtIn: builtInRulesDir() }, today: '2026-11-23', locale: 'zh-CN' as const };
    const packet = join(dir, 'out', 'packet.pdf');
    await bindProject(dir, ctx, { output: packet, allowIncomplete: true });
    const random = prng(20261123);
    for (let i = 0; i < KILLS; i++) {
      await runAndKill(dir, true, 100 + Math.floor(random() * 2500));
      // The document parses and every file it names is in the vault, intact.
      const raw = JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8'));
      expect(ProjectDocSchema.safeParse(raw).success).toBe(true);
      const { doc } = await openProject(dir);
      for (const entry of Object.values(doc.materials)) {
        for (const ref of entry.files) await readVaultFile(dir, ref);
      }
      // The last packet, if one was written, is a whole PDF (never a half-written file).
      const pdf = await PDFDocument.load(await readFile(packet));
      expect(pdf.getPageCount()).toBeGreaterThan(2);
      // openProject swept the temp files a killed writer left, beside matprep.json, in vault/ and in out/.
      for (const where of [dir, join(dir, 'vault'), join(dir, 'out')]) {
        expect((await readdir(where)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      }
    }
    // A packet written outside the project sweeps only its own leftovers from the folder it goes to.
    const elsewhere = await mkdtemp(join(tmpdir(), 'matprep-crash-out-'));
    const dead = 2 ** 22 + 12345; // above the largest pid Linux can give, so no live process has it
    await writeFile(join(elsewhere, `.mine.pdf.${dead}-abcd1234.tmp`), 'half a packet');
    await writeFile(join(elsewhere, `.theirs.pdf.${dead}-abcd1234.tmp`), 'someone else');
    await bindProject(dir, ctx, { output: join(elsewhere, 'mine.pdf'), allowIncomplete: true });
    expect((await readdir(elsewhere)).sort()).toEqual([`.theirs.pdf.${dead}-abcd1234.tmp`, 'mine.pdf']);
    // The next run after all those kills still works end to end.
    const after = await bindProject(dir, ctx, { output: packet, allowIncomplete: true });
    expect(after.kind).toBe('written');
  });
});
