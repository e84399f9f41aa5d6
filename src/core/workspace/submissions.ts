/**
 * Submissions as the adapters use them (the CLI and the app call the same functions): mark a packet
 * as submitted (by default the last one bound from the project as it is), record a request against a
 * material, a field or the whole application, and compute what changed since a submission.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UserError } from '../errors';
import { bindFingerprint } from '../model/packet/fingerprint';
import { computeChanges, subjectTitle } from '../model/submissions/changes';
import type { RulePack } from '../model/schemas/rules';
import type { ChangeReport, RequestSubject, Submission } from '../model/schemas/submissions';
import type { Section } from '../model/schemas/bind-options';

import { openProject, readSource, sha256Of, type ImportSource } from '../project/store';
import { findSubmission, recordRequest, recordSubmission } from '../project/submissions';
import { loadProject, type ProjectState, type WorkspaceContext } from './workspace';

export { findSubmission };

/** `-` is the whole application; otherwise a material id, then a field id, of the project's pack. */
export function parseSubject(pack: RulePack, arg: string): RequestSubject {
  if (arg === '-') return { kind: 'whole' };
  if (pack.materials.some((m) => m.id === arg)) return { kind: 'material', id: arg };
  if (pack.fields.some((f) => f.id === arg)) return { kind: 'field', id: arg };
  throw new UserError('submission.unknownSubject', {
    subject: arg,
    materials: pack.materials.map((m) => m.id).join(', '),
    fields: pack.fields.map((f) => f.id).join(', '),
  });
}

/** The last packet bound from the project as it is now, still on disk unchanged. */
async function lastBoundPacket(state: ProjectState): Promise<{ name: string; bytes: Uint8Array }> {
  const record = state.doc.history.at(-1);
  if (!record) throw new UserError('submission.noPacket');
  if (record.source !== bindFingerprint(state.doc))
    throw new UserError('submission.packetStale', { file: record.output });
  const bytes = await readFile(record.output).then(
    (b) => new Uint8Array(b),
    () => undefined,
  );
  if (!bytes || sha256Of(bytes) !== record.sha256)
    throw new UserError('submission.packetGone', { file: record.output });
  return { name: basename(record.output), bytes };
}

export async function submitProject(
  dir: string,
  ctx: WorkspaceContext,
  input: { packet?: ImportSource; date?: string; where?: string; receipt?: string; note?: string; now?: Date },
): Promise<Submission> {
  const state = await loadProject(dir, ctx);
  const packet = input.packet ? await readSource(input.packet) : await lastBoundPacket(state);
  const sha = sha256Of(packet.bytes);
  const bound = state.doc.history.findLast((r) => r.sha256 === sha);
  const { submission } = await recordSubmission(state.dir, {
    packet,
    sections: bound?.sections,
    date: input.date ?? ctx.today,
    where: input.where,
    receipt: input.receipt,
    note: input.note,
    now: input.now,
  });
  return submission;
}

export async function addFeedback(
  dir: string,
  ctx: WorkspaceContext,
  input: { subject: string | RequestSubject; text: string; date?: string; now?: Date },
) {
  const state = await loadProject(dir, ctx);
  const subject = typeof input.subject === 'string' ? parseSubject(state.rulePack, input.subject) : input.subject;
  if (subject.kind !== 'whole') parseSubject(state.rulePack, subject.id);
  const recorded = await recordRequest(state.dir, {
    subject,
    text: input.text,
    date: input.date ?? ctx.today,
    now: input.now,
  });
  return { ...recorded, title: subjectTitle(state.rulePack, subject) };
}

export function changesOf(state: Pick<ProjectState, 'doc' | 'rulePack'>, since?: string): ChangeReport {
  return computeChanges(findSubmission(state.doc, since), state.doc, state.rulePack);
}

export async function projectChanges(dir: string, ctx: WorkspaceContext, since?: string): Promise<ChangeReport> {
  return changesOf(await loadProject(dir, ctx), since);
}

/**
 * The lines of a notice, each against the subjects the user ticked (none: the whole application),
 * one request per line and subject. Every subject is checked before anything is recorded.
 */
export async function addFeedbackItems(
  dir: string,
  ctx: WorkspaceContext,
  input: { date?: string; items: { text: string; subjects: RequestSubject[] }[]; now?: Date },
): Promise<void> {
  const state = await loadProject(dir, ctx);
  for (const item of input.items)
    for (const subject of item.subjects) if (subject.kind !== 'whole') parseSubject(state.rulePack, subject.id);
  for (const item of input.items) {
    const subjects: RequestSubject[] = item.subjects.length > 0 ? item.subjects : [{ kind: 'whole' }];
    for (const subject of subjects)
      await recordRequest(state.dir, { subject, text: item.text, date: input.date ?? ctx.today, now: input.now });
  }
}

/** Where a submission's packet copy is, for opening it; refuses an id the project does not have. */
export async function submittedPacketPath(dir: string, id: string): Promise<string> {
  const { doc, dir: folder } = await openProject(dir);
  const submission = doc.submissions?.find((s) => s.id === id);
  if (!submission) throw new UserError('submission.notFound', { since: id, known: '' });
  return join(folder, submission.packet.path);
}

/**
 * The two packets to compare: the submitted copy and the last packet bound, if it is still on disk
 * unchanged (null otherwise), each with where its materials are.
 */
export async function comparePackets(
  dir: string,
  id: string,
): Promise<{
  before: Uint8Array<ArrayBuffer>;
  beforeSections: Section[];
  after: Uint8Array<ArrayBuffer> | null;
  afterSections: Section[];
  afterPath: string | null;
}> {
  const { doc } = await openProject(dir);
  const submission = doc.submissions?.find((s) => s.id === id);
  if (!submission) throw new UserError('submission.notFound', { since: id, known: '' });
  const before = new Uint8Array(await readFile(await submittedPacketPath(dir, id)));
  const last = doc.history.at(-1);
  const after = last
    ? await readFile(last.output).then(
        (b) => (sha256Of(new Uint8Array(b)) === last.sha256 ? new Uint8Array(b) : null),
        () => null,
      )
    : null;
  return {
    before,
    beforeSections: submission.packet.sections ?? [],
    after,
    afterSections: after ? (last?.sections ?? []) : [],
    afterPath: after ? last!.output : null,
  };
}
