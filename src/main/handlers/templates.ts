/**
 * `template:list`: which materials have a fill-in template, and what each follows. `template:save`: a
 * material's fill-in template filled with the project's fields, saved where the
 * user picks in the save dialog (the project's out/ folder offered first). The renderer names only
 * the material and the format; main asks for the path, so a page cannot write anywhere by itself.
 */
import { join } from 'node:path';
import type { HandlerContext, Handler } from './types';
import { openProject, outputDir } from '../../core/project/store';
import { safeFileName } from '../../core/fs/names';
import { listProjectTemplates, writeProjectTemplate } from '../../core/workspace/templates';
import { assertMaterial } from '../../core/workspace/edits';

export function templateHandlers(ctx: HandlerContext) {
  const handlers: { 'template:list': Handler<'template:list'>; 'template:save': Handler<'template:save'> } = {
    'template:list': async ({ dir }) =>
      listProjectTemplates({ rulePack: await ctx.packOf(dir) }, await ctx.workspace()),
    'template:save': async ({ dir, materialId, format }) => {
      const state = await ctx.view(await openProject(dir));
      assertMaterial(state.rulePack, materialId);
      const title = state.rulePack.materials.find((m) => m.id === materialId)!.title;
      const defaultPath = join(outputDir(dir), `${safeFileName(title, materialId)}.${format}`);
      const output = await ctx.deps.platform.chooseSaveFile({ defaultPath, format });
      if (!output) return { output: null };
      const written = await writeProjectTemplate(state, await ctx.workspace(), materialId, output);
      return { output: written.output };
    },
  };
  return handlers;
}
