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
  setFilePages,
  readVaultFile,
} from '../../core/project/store';
import { setField, setConfirmation, setMaterialDates, assertMaterial } from '../../core/workspace/edits';
import { loadProject, type ProjectState } from '../../core/workspace/workspace';
import { getRulePack } from '../../core/rules/loader';
import { rememberRecent } from '../../core/settings/store';
import { restoreLastGood } from '../../core/project/restore';
import { updateProject } from '../../core/project/store';
import { runJob } from '../../core/jobs/run';
import { scanOf, unscannedCount } from '../../core/scan/store';
import { acceptWarning } from '../../core/workspace/accept';

/** Put an opened or created project at the top of the recent list (which also lets the renderer name it). */
export async function rememberProject(ctx: HandlerContext, state: ProjectState): Promise<ProjectState> {
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

export function projectHandlers(ctx: HandlerContext) {
  const remember = (state: ProjectState) => rememberProject(ctx, state);

  const { view, packOf } = ctx;
  const prepared = <T>(dir: string, result: T): T => {
    ctx.preparer.later(dir);
    return result;
  };
  const handlers: {
    'project:create': Handler<'project:create'>;
    'project:open': Handler<'project:open'>;
    'project:setField': Handler<'project:setField'>;
    'project:addFiles': Handler<'project:addFiles'>;
    'project:updateFile': Handler<'project:updateFile'>;
    'project:setPages': Handler<'project:setPages'>;
    'project:acknowledgeRulePack': Handler<'project:acknowledgeRulePack'>;
    'project:removeFile': Handler<'project:removeFile'>;
    'project:moveFile': Handler<'project:moveFile'>;
    'project:confirm': Handler<'project:confirm'>;
    'project:acceptWarning': Handler<'project:acceptWarning'>;
    'project:setDates': Handler<'project:setDates'>;
    'project:setBindOptions': Handler<'project:setBindOptions'>;
    'project:fileBytes': Handler<'project:fileBytes'>;
    'project:restore': Handler<'project:restore'>;
    'project:scan': Handler<'project:scan'>;
  } = {
    'project:create': async ({ dir, ruleId, name }) => {
      const ws = await ctx.workspace();
      const pack = await getRulePack(ws.rulesDirs, ruleId);
      return remember(await view(await createProject(dir, { ruleId: pack.id, ruleVersion: pack.version, name }), pack));
    },
    'project:open': async ({ dir }) => remember(await loadProject(dir, await ctx.workspace())),
    'project:restore': async ({ dir }) => {
      await restoreLastGood(dir);
      return remember(await loadProject(dir, await ctx.workspace()));
    },
    'project:setField': async ({ dir, fieldId, value }) => {
      const pack = await packOf(dir);
      return view(await setField(dir, pack, fieldId, value), pack);
    },
    'project:addFiles': async ({ dir, materialId, files, part, password }) => {
      const pack = await packOf(dir);
      assertMaterial(pack, materialId);
      const added = await addFiles(dir, materialId, files, { part, password });
      // Photos are scanned (found, flattened, checked) once, on add, in a worker thread: decoding and
      // warping a 12-MP photo holds its thread for about a second. The check then reads the results.
      if ((await unscannedCount(dir, added.doc.materials)) > 0) {
        await runJob({ kind: 'scan', dir, context: await ctx.workspace(), options: {} });
      }
      // Then the images are prepared for binding (from the flattened page where there is one).
      return prepared(dir, await view(added, pack));
    },
    'project:updateFile': async ({ dir, materialId, fileId, part, rotate, password, scan }) =>
      prepared(dir, await view(await updateFile(dir, materialId, fileId, { part, rotate, password, scan }))),
    'project:setPages': async ({ dir, materialId, fileId, order, rotate }) =>
      prepared(dir, await view(await setFilePages(dir, materialId, fileId, { order, rotate }))),
    'project:acknowledgeRulePack': async ({ dir }) => {
      const pack = await packOf(dir);
      return view(
        await updateProject(dir, (doc) => {
          doc.rulePack.version = pack.version;
        }),
        pack,
      );
    },
    'project:removeFile': async ({ dir, materialId, fileId }) => view(await removeFile(dir, materialId, fileId)),
    'project:moveFile': async ({ dir, materialId, fileId, toIndex }) =>
      view(await moveFile(dir, materialId, fileId, toIndex)),
    'project:confirm': async ({ dir, materialId, what, checked }) => {
      const pack = await packOf(dir);
      return view(await setConfirmation(dir, pack, materialId, what, checked), pack);
    },
    'project:acceptWarning': async ({ dir, ...request }) =>
      view(await acceptWarning(dir, await ctx.workspace(), request)),
    'project:setDates': async ({ dir, materialId, issuedOn, validUntil }) => {
      const pack = await packOf(dir);
      return view(await setMaterialDates(dir, pack, materialId, { issuedOn, validUntil }), pack);
    },
    'project:setBindOptions': async ({ dir, options }) =>
      prepared(
        dir,
        await view(
          await updateProject(dir, (doc) => {
            doc.bindOptions = { ...doc.bindOptions, ...options };
          }),
        ),
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
    'project:scan': async ({ dir, materialId, fileId }) => {
      const { doc } = await openProject(dir);
      const file = doc.materials[materialId]?.files.find((f) => f.id === fileId);
      if (!file) throw new UserError('project.fileNotInProject', { sha256: fileId });
      const { result, flattened } = await scanOf(dir, file);
      // Copied into a plain ArrayBuffer: what the contract (and structured clone) expects.
      return { result, flattened: flattened && new Uint8Array(flattened) };
    },
  };
  return handlers;
}
