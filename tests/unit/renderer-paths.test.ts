/**
 * Paths from the renderer are tied to the user's choices, tested through main as shipped (src/main
 * against the electron stand-in, as main.test.ts does): a `dir` must be a folder picked in a native
 * dialog (or a recent project main recorded), shell calls reach only files in such a project's out/,
 * the rules folder is set by main's own dialog, and a hand-edited history cannot make main probe paths.
 */
import { describe, it, expect, vi } from 'vitest';
import { mkdtemp, mkdir, readFile, symlink, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectronRecord } from '../support/electron-stand-in';
import { createProject } from '../../src/core/project/store';

const recorded: ElectronRecord = vi.hoisted(() => ({
  windows: [],
  ipc: new Map(),
  menu: undefined,
  appHandlers: new Map(),
  userData: '',
  singleInstance: true,
  dialogAnswers: [],
  shellCalls: [],
}));

vi.mock('electron', async () => {
  const { createElectronStandIn } = await import('../support/electron-stand-in');
  return createElectronStandIn(recorded);
});

type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

async function startMain(): Promise<(channel: string, request: unknown) => Promise<Reply>> {
  recorded.userData = await mkdtemp(join(tmpdir(), 'matprep-grants-'));
  await import('../../src/main/index');
  for (let i = 0; i < 500 && !recorded.windows[0]?.loaded; i++) await new Promise((r) => setTimeout(r, 20));
  const sender = { senderFrame: { url: 'file://' + recorded.windows[0].loaded!, parent: null } };
  return async (channel, request) => (await recorded.ipc.get(`matprep:${channel}`)!(sender, request)) as Reply;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('renderer-supplied paths', () => {
  it('are refused unless the user chose the folder; shell calls only under out/', { timeout: 60_000 }, async () => {
    const call = await startMain();
    const base = await mkdtemp(join(tmpdir(), 'matprep-grants-p-'));

    // A folder the renderer names by itself: no project is created, nothing is written there.
    const unchosen = join(base, 'elsewhere');
    const refused = await call('project:create', { dir: unchosen, ruleId: 'icp-filing-enterprise' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'app.folderNotChosen' } });
    expect(await exists(unchosen)).toBe(false);

    // The same through the dialog: created and opened.
    const chosen = join(base, 'chosen');
    recorded.dialogAnswers!.push(chosen);
    expect(await call('dialog:chooseFolder', { purpose: 'create' })).toMatchObject({
      ok: true,
      value: { dir: chosen },
    });
    expect(await call('project:create', { dir: chosen, ruleId: 'icp-filing-enterprise' })).toMatchObject({ ok: true });
    expect(await call('project:open', { dir: chosen })).toMatchObject({ ok: true });

    // A real project the user never chose in this app: every channel naming it is refused.
    const foreign = join(base, 'foreign');
    await createProject(foreign, { ruleId: 'icp-filing-enterprise', ruleVersion: '1' });
    const before = await readFile(join(foreign, 'matprep.json'), 'utf8');
    for (const [channel, request] of [
      ['project:open', { dir: foreign }],
      ['project:setField', { dir: foreign, fieldId: 'company_name', value: 'x' }],
      ['output:packets', { dir: foreign }],
      ['export:start', { dir: foreign }],
    ] as const) {
      expect(await call(channel, request), channel).toMatchObject({
        ok: false,
        error: { code: 'app.folderNotChosen' },
      });
    }
    expect(await readFile(join(foreign, 'matprep.json'), 'utf8')).toBe(before);

    // Shell calls: a PDF in the chosen project's out/ is opened; anything else is refused untouched.
    const packet = join(chosen, 'out', 'packet.pdf');
    await writeFile(packet, '%PDF-1.7\n%%EOF\n');
    await mkdir(join(foreign, 'out'), { recursive: true });
    await writeFile(join(foreign, 'out', 'other.pdf'), '%PDF-1.7\n%%EOF\n');
    await symlink(join(foreign, 'out', 'other.pdf'), join(chosen, 'out', 'link.pdf'));
    expect(await call('shell:openPath', { path: packet })).toMatchObject({ ok: true });
    expect(await call('shell:showInFolder', { path: packet })).toMatchObject({ ok: true });
    for (const path of [
      join(foreign, 'out', 'other.pdf'),
      join(chosen, 'matprep.json'),
      join(chosen, 'out', 'link.pdf'),
      join(chosen, 'out', '..', 'matprep.json'),
      '\\\\server\\share\\x.pdf',
      '/etc/passwd',
    ]) {
      for (const channel of ['shell:openPath', 'shell:showInFolder', 'shell:print']) {
        expect(await call(channel, { path }), `${channel} ${path}`).toMatchObject({
          ok: false,
          error: { code: 'app.pathNotInOutput' },
        });
      }
    }
    expect(recorded.shellCalls).toEqual([
      ['open', packet],
      ['show', packet],
    ]);

    // The rules folder: not from the renderer, only from main's dialog; clearing it is fine.
    expect(await call('settings:set', { userRulesDir: '/etc' })).toMatchObject({
      ok: false,
      error: { code: 'app.rulesDirByDialog' },
    });
    const rules = join(base, 'rules');
    await mkdir(rules);
    recorded.dialogAnswers!.push(rules);
    expect(await call('dialog:chooseFolder', { purpose: 'rules' })).toMatchObject({ ok: true, value: { dir: rules } });
    expect(await call('settings:get', {})).toMatchObject({ ok: true, value: { userRulesDir: rules } });
    expect(await call('settings:set', { userRulesDir: '' })).toMatchObject({ ok: true, value: { userRulesDir: '' } });

    // A hand-edited history naming a file outside out/ is not probed: it counts as missing.
    const record = JSON.parse(await readFile(join(chosen, 'matprep.json'), 'utf8'));
    const passwd = (await readFile('/etc/passwd')).length;
    record.history = [
      { at: '2026-01-01', output: '/etc/passwd', pages: 1, bytes: passwd, sha256: 'a'.repeat(64) },
      { at: '2026-01-02', output: packet, pages: 1, bytes: 15, sha256: 'b'.repeat(64) },
    ];
    await writeFile(join(chosen, 'matprep.json'), JSON.stringify(record));
    const packets = await call('output:packets', { dir: chosen });
    expect((packets.value as { state: string }[]).map((p) => p.state)).toEqual(['missing', 'present']);
  });
});
