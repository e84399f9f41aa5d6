/** Handlers for the project folder: create, open, edit, import. Each returns a fresh ProjectView. */
import type { HandlerContext, Handler } from './types';
import { UserError } from '../../core/errors';
import {
  createProject,
  openProject,
  addFiles,
  removeFile,
  moveFile,
  updateFile,
  readVaultFile,
} from '../../core/project/store';
import { setField, setConfirmation, setMaterialDates, assertMaterial } from '../../core/project/edits';
import { describeProject, loadProject, type ProjectState } from '../../core/workspace';
import { getRulePack } from '../../core/rules/loader';
import { rememberRecent } from '../../core/settings';
import { updateProject } from '../../core/project/store';
import type { Project } from '../../core/project/store';

export function projectHandlers(ctx: HandlerContext) {
  async function view(project: Project): Promise<ProjectState> {
    return describeProject(project, await ctx.workspace());
  }
  async function remember(state: ProjectState): Promise<ProjectState> {
    await ctx.store.update((s) =>
      rememberRecent(s, {
        dir: state.dir,
        name: state.doc.name,
        ruleId: state.rulePack.id,
        openedAt: new Date().toISOString(),
      }),
    );
    return state;
  }
  async function packOf(dir: string) {
    const ws = await ctx.workspace();
    const { doc } = await openProject(dir);
    return getRulePack(ws.rulesDirs, doc.rulePack.id);
  }

  const handlers: {
    'project:create': Handler<'project:create'>;
    'project:open': Handler<'project:open'>;
    'project:setField': Handler<'project:setField'>;
    'project:addFiles': Handler<'project:addFiles'>;
    'project:updateFile': Handler<'project:updateFile'>;
    'project:removeFile': Handler<'project:removeFile'>;
    'project:moveFile': Handler<'project:moveFile'>;
    'project:confirm': Handler<'project:confirm'>;
    'project:setDates': Handler<'project:setDates'>;
    'project:setBindOptions': Handler<'project:setBindOptions'>;
    'project:fileBytes': Handler<'project:fileBytes'>;
  } = {
    'project:create': async ({ dir, ruleId, name }) => {
      const ws = await ctx.workspace();
      const pack = await getRulePack(ws.rulesDirs, ruleId);
      return remember(await view(await createProject(dir, { ruleId: pack.id, ruleVersion: pack.version, name })));
    },
    'project:open': async ({ dir }) => remember(await loadProject(dir, await ctx.workspace())),
    'project:setField': async ({ dir, fieldId, value }) => view(await setField(dir, await packOf(dir), fieldId, value)),
    'project:addFiles': async ({ dir, materialId, files, part, password }) => {
      assertMaterial(await packOf(dir), materialId);
      return view(await addFiles(dir, materialId, files, { part, password }));
    },
    'project:updateFile': async ({ dir, materialId, fileId, part, rotate, password }) =>
      view(await updateFile(dir, materialId, fileId, { part, rotate, password })),
    'project:removeFile': async ({ dir, materialId, fileId }) => view(await removeFile(dir, materialId, fileId)),
    'project:moveFile': async ({ dir, materialId, fileId, toIndex }) =>
      view(await moveFile(dir, materialId, fileId, toIndex)),
    'project:confirm': async ({ dir, materialId, what, checked }) =>
      view(await setConfirmation(dir, await packOf(dir), materialId, what, checked)),
    'project:setDates': async ({ dir, materialId, issuedOn, validUntil }) =>
      view(await setMaterialDates(dir, await packOf(dir), materialId, { issuedOn, validUntil })),
    'project:setBindOptions': async ({ dir, options }) =>
      view(
        await updateProject(dir, (doc) => {
          doc.bindOptions = { ...doc.bindOptions, ...options };
        }),
      ),
    'project:fileBytes': async ({ dir, sha256 }) => {
      const { doc } = await openProject(dir);
      // Only files the project refers to can be read: the renderer never names arbitrary paths.
      const ref = Object.values(doc.materials)
        .flatMap((m) => m.files)
        .find((f) => f.sha256 === sha256);
      if (!ref) throw new UserError('project.fileNotInProject', { sha256 });
      return readVaultFile(dir, ref);
    },
  };
  return handlers;
}
