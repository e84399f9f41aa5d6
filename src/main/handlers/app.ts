/** App-level handlers: info, settings, recent projects, rule packs, and the platform's dialogs. */
import type { HandlerContext, Handler } from './types';
import { listRulePacks, getRulePack } from '../../core/rules/loader';
import { open } from 'node:fs/promises';
import { UserError } from '../../core/errors';
import { sniff } from '../../core/fs/sniff';
import { projectsFolder } from './desktop';
import { sourceUrls } from '../../core/model/rules/sources';

/** Only PDFs (by name and by content) are handed to the shell: that is all the UI ever opens. */
export async function isPdfFile(path: string): Promise<boolean> {
  if (!/\.pdf$/i.test(path)) return false;
  try {
    const handle = await open(path, 'r');
    try {
      const head = new Uint8Array(1024);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const sniffed = sniff(head.subarray(0, bytesRead));
      return sniffed.kind === 'supported' && sniffed.mediaType === 'application/pdf';
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

export function appHandlers(ctx: HandlerContext) {
  const handlers: {
    'app:info': Handler<'app:info'>;
    'app:notices': Handler<'app:notices'>;
    'settings:get': Handler<'settings:get'>;
    'settings:set': Handler<'settings:set'>;
    'recent:list': Handler<'recent:list'>;
    'rules:list': Handler<'rules:list'>;
    'rules:get': Handler<'rules:get'>;
    'dialog:chooseFolder': Handler<'dialog:chooseFolder'>;
    'shell:openPath': Handler<'shell:openPath'>;
    'shell:showInFolder': Handler<'shell:showInFolder'>;
    'shell:openExternal': Handler<'shell:openExternal'>;
  } = {
    'app:info': async () => ({
      version: ctx.deps.version ?? '0.0.0',
      platform: process.platform,
      today: (await ctx.workspace()).today,
      projectsDir: await projectsFolder(ctx),
    }),
    'app:notices': async () => {
      // The warning is set when the file is first read: read it, then take the warning (once).
      await ctx.store.read();
      const reset = ctx.store.takeWarning();
      const param = (name: string) => String(reset?.params[name] ?? '');
      return {
        settingsReset: reset ? { file: param('file'), backup: param('backup'), detail: param('detail') } : null,
      };
    },
    'settings:get': async () => (await ctx.store.read()).settings,
    'settings:set': async (patch) => {
      const before = await ctx.locale();
      // The rules folder is listed and read: it is set through main's own dialog, or cleared.
      const current = (await ctx.store.read()).settings.userRulesDir ?? '';
      if (ctx.deps.grants && patch.userRulesDir && patch.userRulesDir !== current) {
        throw new UserError('app.rulesDirByDialog', { dir: patch.userRulesDir });
      }
      // Likewise the projects folder (projects are written there): only main's dialog sets it.
      if (ctx.deps.grants && patch.projectsDir && patch.projectsDir !== (await ctx.store.read()).settings.projectsDir) {
        throw new UserError('app.projectsDirByDialog', { dir: patch.projectsDir });
      }
      const { settings } = await ctx.store.update((state) => {
        state.settings = { ...state.settings, ...patch };
      });
      if (settings.locale !== before) ctx.deps.platform.localeChanged?.(settings.locale);
      return settings;
    },
    'recent:list': async () => (await ctx.store.read()).recent,
    'rules:list': async () => (await listRulePacks((await ctx.workspace()).rulesDirs)).summaries,
    'rules:get': async ({ id }) => getRulePack((await ctx.workspace()).rulesDirs, id),
    'dialog:chooseFolder': async ({ purpose }) => {
      const dir = await ctx.deps.platform.chooseFolder(purpose);
      if (dir && purpose === 'rules') {
        // Stored by main from its own dialog: the renderer never hands over a rules folder path.
        await ctx.store.update((s) => {
          s.settings.userRulesDir = dir;
        });
      } else if (dir && purpose === 'projects') {
        await ctx.store.update((s) => {
          s.settings.projectsDir = dir;
        });
      } else if (dir) ctx.deps.grants?.grant(dir);
      return { dir };
    },
    'shell:openPath': async ({ path }) => {
      await ctx.deps.grants?.assertOutputFile(path);
      // The OS opens files by their extension, so a renderer naming any path could start a program.
      if (!(await isPdfFile(path))) throw new UserError('project.openNotPdf', { file: path });
      await ctx.deps.platform.openPath(path);
      return { ok: true as const };
    },
    'shell:showInFolder': async ({ path }) => {
      await ctx.deps.grants?.assertOutputFile(path);
      await ctx.deps.platform.showInFolder(path);
      return { ok: true as const };
    },
    'shell:openExternal': async ({ url }) => {
      // Only a page a built-in pack cites under 依据: never a link from a user's own pack or a file.
      const { packs } = await listRulePacks({ builtIn: (await ctx.workspace()).rulesDirs.builtIn });
      if (!sourceUrls(packs).has(url)) throw new UserError('app.linkNotCited', { url });
      await ctx.deps.platform.openExternal(url);
      return { ok: true as const };
    },
  };
  return handlers;
}
