/**
 * 复制为新项目: next year's renewal (or a second filing for the same company) starts from a copy of a
 * project. What carries over is what is still true of the company: its subject fields, the binding
 * options it chose, and the documents that stay valid from one application to the next — the
 * business licence, ID cards and certificates, with the dates printed on them. What was made for the
 * old application is left behind: signed and sealed letters (they carry the old date), recent proofs,
 * ticked confirmations, packets, submissions, the authority's requests and the granted licence.
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { constants } from 'node:fs';
import type { MaterialEntry } from '../model/schemas/project';
import type { RulePack } from '../model/schemas/rules';
import { materialKind, type MaterialKind } from '../model/rules/kinds';
import { createProject, openProject, updateProject, vaultPath, type Project } from '../project/store';
import { READINGS_DIR } from '../recognition/store';

/** `reusable`: the documents that stay valid (see above); `none`: the subject and options only. */
export type CopyFiles = 'reusable' | 'none';

/** Kinds of paper that stay the same document from one application to the next. */
const REUSABLE: ReadonlySet<MaterialKind> = new Set(['business-licence', 'id-card', 'certificate']);

export interface CopyOptions {
  files: CopyFiles;
  /** The new project's name (default: the old one's). */
  name?: string;
  now?: Date;
}

/** Copy the project at `from` into the new, empty folder `to`; `pack` is the project's rule pack as loaded now. */
export async function copyProject(from: string, to: string, pack: RulePack, options: CopyOptions): Promise<Project> {
  const source = await openProject(from);
  const created = await createProject(to, {
    ruleId: pack.id,
    ruleVersion: pack.version,
    name: options.name ?? source.doc.name,
    now: options.now,
  });
  const kept: Record<string, MaterialEntry> = {};
  if (options.files === 'reusable') {
    for (const rule of pack.materials) {
      const entry = source.doc.materials[rule.id];
      if (!entry || entry.files.length === 0 || !REUSABLE.has(materialKind(rule))) continue;
      // The dates are those printed on the document itself, still true of the copy; confirmations are
      // the user's word for this application and are asked again.
      kept[rule.id] = { files: entry.files, confirmations: [], issuedOn: entry.issuedOn, validUntil: entry.validUntil };
    }
    const hashes = new Set(Object.values(kept).flatMap((e) => e.files.map((f) => f.sha256)));
    for (const sha256 of hashes) await copyVaultFile(from, created.dir, sha256);
    await copyReadings(from, created.dir, hashes);
  }
  return updateProject(
    created.dir,
    (doc) => {
      doc.fields = structuredClone(source.doc.fields);
      doc.bindOptions = structuredClone(source.doc.bindOptions);
      doc.materials = structuredClone(kept);
    },
    options.now ? () => options.now! : undefined,
  );
}

/** The vault file as it is (its name is its hash, checked again before any bind). */
async function copyVaultFile(from: string, to: string, sha256: string): Promise<void> {
  await copyFile(vaultPath(from, sha256), vaultPath(to, sha256), constants.COPYFILE_EXCL);
}

/** What was read from the kept licences and ID cards, so they are not read again. */
async function copyReadings(from: string, to: string, hashes: ReadonlySet<string>): Promise<void> {
  const names = await readdir(join(from, READINGS_DIR)).catch(() => [] as string[]);
  const wanted = names.filter((n) => hashes.has(n.split('.')[0]));
  if (wanted.length === 0) return;
  await mkdir(join(to, READINGS_DIR), { recursive: true });
  for (const name of wanted) await copyFile(join(from, READINGS_DIR, name), join(to, READINGS_DIR, name));
}
