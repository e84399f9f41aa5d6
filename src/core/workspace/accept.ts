/**
 * Accepting a warning as it is (已查看，仍使用) and taking that back: the app's button and
 * `matprep accept` both call `acceptWarning`, which judges the request against the check as it stands —
 * only an open warning can be accepted, never an error or a step still to do.
 */
import { UserError } from '../errors';
import { isAcceptable, type Problem } from '../model/schemas/check-report';
import { updateProject, materialEntry, type Project } from '../project/store';
import { warningAbout } from '../check/accepted';
import { assertMaterial } from './edits';
import { loadProject, type WorkspaceContext } from './workspace';

export interface AcceptRequest {
  materialId: string;
  /** The problem code (`image.glare`). */
  code: string;
  /** Only the warning about this file (its name, as the problem's `file` says); absent: every one with the code. */
  file?: string;
  /** Only the warning about the file with this content (the problem's `sha256`): two files may share a name. */
  sha256?: string;
  /** Take the acceptance back: the warning is open again. */
  undo?: boolean;
}

export async function acceptWarning(dir: string, ctx: WorkspaceContext, request: AcceptRequest): Promise<Project> {
  const { materialId, code, file, sha256, undo } = request;
  const state = await loadProject(dir, ctx);
  assertMaterial(state.rulePack, materialId);
  const result = state.report.materials.find((m) => m.id === materialId);
  const entry = state.doc.materials[materialId];
  const named = (p: Problem) =>
    p.code === code &&
    (file === undefined || p.params.file === file) &&
    (sha256 === undefined || p.params.sha256 === sha256);
  const params = { material: materialId, code };
  if (undo) {
    const taken = (result?.accepted ?? []).filter(named);
    if (taken.length === 0) throw new UserError('accept.notAccepted', params);
    const abouts = new Set(taken.map((p) => warningAbout(p, entry)));
    return updateProject(dir, (doc) => {
      const target = materialEntry(doc, materialId);
      const kept = (target.accepted ?? []).filter((r) => r.code !== code || !abouts.has(r.about));
      target.accepted = kept.length > 0 ? kept : undefined;
    });
  }
  const open = (result?.problems ?? []).filter(named);
  const warnings = open.filter(isAcceptable);
  if (warnings.length === 0) {
    // Accepted already: nothing to do, as ticking a ticked box is not an error either.
    if ((result?.accepted ?? []).some(named)) return { dir, doc: state.doc };
    if (open.length > 0) throw new UserError('accept.notAWarning', params);
    const acceptable = [...new Set((result?.problems ?? []).filter(isAcceptable).map((p) => p.code))];
    throw new UserError('accept.noSuchWarning', { ...params, open: acceptable.length > 0 ? acceptable : '—' });
  }
  const records = warnings.map((p) => ({ code, about: warningAbout(p, entry) }));
  return updateProject(dir, (doc) => {
    const target = materialEntry(doc, materialId);
    const fresh = records.filter((r) => !(target.accepted ?? []).some((a) => a.code === r.code && a.about === r.about));
    target.accepted = [...(target.accepted ?? []), ...fresh];
  });
}
