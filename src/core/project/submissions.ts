/**
 * Recording submissions and the authority's requests in the project folder. The submitted packet is
 * copied to `submitted/<sha256>.pdf` (temp-then-rename; kept even if the user deletes their copy) and
 * a snapshot of the project as it is goes into the record, so later changes are computed from it.
 */
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { UserError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { sniff } from '../fs/sniff';
import { isIsoDate } from '../model/dates';
import { snapshotOf, subjectFingerprint } from '../model/submissions/changes';
import type { AuthorityRequest, RequestSubject, Submission } from '../model/schemas/submissions';
import { SUBMITTED_DIR, type ProjectDoc } from '../model/schemas/project';
import type { Section } from '../model/schemas/bind-options';
import { sha256Of, updateProject, type Project } from './store';

export { SUBMITTED_DIR };

export interface SubmissionInput {
  packet: { name: string; bytes: Uint8Array };
  /** The packet's sections, when it is one matprep bound (recorded in the history). */
  sections?: Section[];
  /** YYYY-MM-DD */
  date: string;
  where?: string;
  receipt?: string;
  note?: string;
  now?: Date;
}

function assertDay(value: string): void {
  if (!isIsoDate(value)) throw new UserError('submission.badDate', { value });
}

/** Blank text is no text: not stored. */
const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export async function recordSubmission(
  dir: string,
  input: SubmissionInput,
): Promise<{ project: Project; submission: Submission }> {
  assertDay(input.date);
  const { bytes, name } = input.packet;
  const sniffed = sniff(bytes);
  if (sniffed.kind !== 'supported' || sniffed.mediaType !== 'application/pdf')
    throw new UserError('submission.notPdf', { file: name });
  const sha256 = sha256Of(bytes);
  const path = `${SUBMITTED_DIR}/${sha256}.pdf`;
  const now = input.now ?? new Date();
  let submission: Submission | undefined;
  const project = await updateProject(
    dir,
    async (doc, folder) => {
      const target = join(folder, path);
      const present = await access(target).then(
        () => true,
        () => false,
      );
      if (!present) {
        await mkdir(join(folder, SUBMITTED_DIR), { recursive: true });
        await writeFileAtomic(target, bytes);
      }
      submission = {
        id: randomUUID(),
        date: input.date,
        ...(text(input.where) ? { where: text(input.where) } : {}),
        ...(text(input.receipt) ? { receipt: text(input.receipt) } : {}),
        ...(text(input.note) ? { note: text(input.note) } : {}),
        packet: {
          path,
          name,
          sha256,
          bytes: bytes.length,
          ...(input.sections ? { sections: input.sections } : {}),
        },
        snapshot: snapshotOf(doc),
        recordedAt: now.toISOString(),
      };
      doc.submissions = [...(doc.submissions ?? []), submission];
    },
    () => now,
  );
  return { project, submission: submission! };
}

export async function recordRequest(
  dir: string,
  input: { subject: RequestSubject; text: string; date: string; now?: Date },
): Promise<{ project: Project; request: AuthorityRequest }> {
  assertDay(input.date);
  const body = input.text.trim();
  if (!body) throw new UserError('submission.emptyRequest');
  const now = input.now ?? new Date();
  let request: AuthorityRequest | undefined;
  const project = await updateProject(
    dir,
    (doc) => {
      const submission = doc.submissions?.at(-1)?.id;
      request = {
        id: randomUUID(),
        date: input.date,
        text: body,
        subject: input.subject,
        ...(submission ? { submission } : {}),
        baseline: subjectFingerprint(snapshotOf(doc), input.subject),
        recordedAt: now.toISOString(),
      };
      doc.requests = [...(doc.requests ?? []), request];
    },
    () => now,
  );
  return { project, request: request! };
}

/** Take back a request recorded by mistake. */
export function removeRequest(dir: string, id: string): Promise<Project> {
  return updateProject(dir, (doc) => {
    if (!doc.requests?.some((r) => r.id === id)) throw new UserError('submission.noRequest', { id });
    doc.requests = doc.requests.filter((r) => r.id !== id);
  });
}

/**
 * The submission `since` names: a receipt number, else a date (the last submission that day); none
 * given, the latest. No submission at all, or none matching, is a UserError naming what there is.
 */
export function findSubmission(doc: Pick<ProjectDoc, 'submissions'>, since?: string): Submission {
  const all = doc.submissions ?? [];
  if (all.length === 0) throw new UserError('submission.none');
  if (since === undefined) return all[all.length - 1];
  const found = all.findLast((s) => s.receipt === since) ?? all.findLast((s) => s.date === since);
  if (!found)
    throw new UserError('submission.notFound', {
      since,
      // Language-neutral: the catalog words the sentence around it.
      known: all.map((s) => (s.receipt ? `${s.receipt} / ${s.date}` : s.date)).join(', '),
    });
  return found;
}
