/**
 * Desktop habits: a new project in the projects folder without a folder dialog, 复制为新项目, and the
 * recent list's details (licence type, completeness) and removal.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { HandlerContext, Handler } from './types';
import { createProject } from '../../core/project/store';
import { newProjectFolder, projectsRoot } from '../../core/project/location';
import { copyProject } from '../../core/workspace/copy';
import { loadProject } from '../../core/workspace/workspace';
import { getRulePack } from '../../core/rules/loader';
import { isUserError } from '../../core/errors';
import { openFailureText } from '../../core/project/restore';
import { t } from '../../i18n';
import type { RecentDetail } from '../../shared/ipc';
import { rememberProject } from './project';

/** The folder new projects go in: Settings' choice, or Documents/matprep. */
export async function projectsFolder(ctx: HandlerContext): Promise<string> {
  const { settings } = await ctx.store.read();
  return projectsRoot(settings.projectsDir, ctx.deps.documentsDir ?? join(homedir(), 'Documents'));
}

export function desktopHandlers(ctx: HandlerContext) {
  /** A new folder under the projects folder; main lets the renderer name it from now on. */
  const newFolder = async (name: string) => {
    const dir = await newProjectFolder(await projectsFolder(ctx), name, t(await ctx.locale(), 'app.name'));
    ctx.deps.grants?.grant(dir);
    return dir;
  };
  const handlers: {
    'project:createDefault': Handler<'project:createDefault'>;
    'project:copy': Handler<'project:copy'>;
    'recent:details': Handler<'recent:details'>;
    'recent:remove': Handler<'recent:remove'>;
  } = {
    'project:createDefault': async ({ ruleId, name }) => {
      const ws = await ctx.workspace();
      const pack = await getRulePack(ws.rulesDirs, ruleId);
      const title = name?.trim() || pack.shortTitle || pack.title;
      const dir = await newFolder(title);
      const project = await createProject(dir, { ruleId: pack.id, ruleVersion: pack.version, name: title });
      return rememberProject(ctx, await ctx.view(project, pack));
    },
    'project:copy': async ({ dir, name, files }) => {
      const pack = await ctx.packOf(dir);
      const { doc } = await loadProject(dir, await ctx.workspace());
      const title = name?.trim() || t(await ctx.locale(), 'ui.home.copyName', { name: doc.name });
      const to = await newFolder(title);
      const project = await copyProject(dir, to, pack, { files, name: title });
      return rememberProject(ctx, await ctx.view(project, pack));
    },
    'recent:details': async () => {
      const { recent } = await ctx.store.read();
      const ws = await ctx.workspace();
      return Promise.all(recent.map((r) => detailOf(r.dir, ws, ctx)));
    },
    'recent:remove': async ({ dir }) => {
      const { recent } = await ctx.store.update((s) => {
        s.recent = s.recent.filter((r) => r.dir !== dir);
      });
      return recent;
    },
  };
  return handlers;
}

async function detailOf(
  dir: string,
  ws: Awaited<ReturnType<HandlerContext['workspace']>>,
  ctx: HandlerContext,
): Promise<RecentDetail> {
  try {
    const { report, rulePack } = await loadProject(dir, ws);
    const counted = report.materials.filter((m) => m.required && m.status !== 'not-required');
    const subjectDone = report.fields.every((f) => f.status !== 'missing' && f.status !== 'invalid');
    const done = counted.filter((m) => m.status === 'ok' || m.status === 'warning').length + (subjectDone ? 1 : 0);
    const invalid =
      report.materials.some((m) => m.status === 'invalid') || report.fields.some((f) => f.status === 'invalid');
    const state = report.complete ? 'complete' : invalid ? 'problem' : 'todo';
    return { dir, packTitle: rulePack.title, done, total: counted.length + 1, state };
  } catch (error) {
    const missing = isUserError(error) && error.code === 'project.notFound';
    const detail = missing ? undefined : openFailureText(error, await ctx.locale());
    return { dir, done: 0, total: 0, state: missing ? 'missing' : 'broken', detail };
  }
}
