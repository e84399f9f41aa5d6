/**
 * The handler table: one handler per contract channel, built from groups. Imports no Electron, so
 * the CLI's services, the unit tests and the Playwright bridge use exactly what main registers.
 */
import { createAppStore } from '../../core/settings/store';
import { localToday } from '../../core/model/today';
import { describeProject, rulePackOf } from '../../core/workspace/workspace';
import type { HandlerContext, HandlerDeps, Handlers } from './types';
import type { FolderGrants } from './grants';
import { createPreparer } from './preparer';
import { runJob } from '../../core/jobs/run';
import { appHandlers } from './app';
import { projectHandlers } from './project';
import { bindHandlers } from './bind';
import { extrasHandlers } from './extras';
import { outputHandlers } from './output';
import { fieldHandlers } from './fields';
import { submissionHandlers } from './submissions';
import { recognitionHandlers } from './recognition';
import { desktopHandlers } from './desktop';
import { templateHandlers } from './templates';

export type { HandlerDeps, Handlers, Platform } from './types';

export function createHandlers(deps: HandlerDeps): Handlers {
  const store = deps.store ?? createAppStore(deps.userDataDir);
  const ctx: HandlerContext = {
    deps,
    store,
    async locale() {
      return (await store.read()).settings.locale;
    },
    async workspace() {
      const { settings } = await store.read();
      return {
        rulesDirs: { builtIn: deps.rulesDirs.builtIn, user: settings.userRulesDir ?? deps.rulesDirs.user },
        today: deps.today?.() ?? localToday(),
        locale: settings.locale,
        bindDefaults: {
          dpi: settings.defaultDpi,
          pageNumberFormat: settings.pageNumberFormat,
          watermarkText: settings.watermarkTemplate,
        },
      };
    },
    async view(project, pack) {
      return describeProject(project, await ctx.workspace(), pack);
    },
    async packOf(dir) {
      return rulePackOf(dir, (await ctx.workspace()).rulesDirs);
    },
    // A failure here costs only time: the bind prepares what is missing and reports what cannot be.
    preparer: createPreparer(async (dir) => {
      await runJob({ kind: 'prepare', dir, context: await ctx.workspace(), options: {} }).catch(() => undefined);
    }, deps.prepareInBackground === true),
  };
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...projectHandlers(ctx),
    ...bindHandlers(ctx),
    ...extrasHandlers(ctx),
    ...outputHandlers(ctx),
    ...fieldHandlers(ctx),
    ...submissionHandlers(ctx),
    ...recognitionHandlers(ctx),
    ...desktopHandlers(ctx),
    ...templateHandlers(ctx),
  };
  return deps.grants ? confined(handlers, deps.grants) : handlers;
}

/** Every request naming a project folder (`dir`) is refused unless the user chose that folder. */
function confined(handlers: Handlers, grants: FolderGrants): Handlers {
  const wrapped = Object.entries(handlers).map(([channel, handler]) => [
    channel,
    async (request: unknown) => {
      const dir = (request as { dir?: unknown } | null)?.dir;
      if (typeof dir === 'string') await grants.assertGranted(dir);
      return (handler as (r: unknown) => Promise<unknown>)(request);
    },
  ]);
  return Object.fromEntries(wrapped) as Handlers;
}
