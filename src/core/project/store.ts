/**
 * The project folder: `matprep.json` (lowdb, validated), `vault/<sha256>` (imported files, copied in,
 * never modified), `out/` (packets). Every mutation goes through `updateProject`, which serialises
 * writes per folder, re-reads the document, applies the change, validates and writes atomically.
 */
import { lstat, mkdir, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { UserError, toUserError } from '../errors';
import { writeFileAtomic, sweepTempFiles } from '../fs/atomic';
import { sweepLockLeftovers, withFolderLock } from '../fs/lock';
import { assertProjectLayout } from './confine';
import { openDocument } from './document';
import {
  PROJECT_FILE,
  VAULT_DIR,
  OUTPUT_DIR,
  SCANS_DIR,
  SUBMITTED_DIR,
  READINGS_DIR,
  PROJECT_SCHEMA_VERSION,
  ProjectDocSchema,
  type ProjectDoc,
  type FileRef,
  type MaterialEntry,
} from '../model/schemas/project';
import type { ScanChoice } from '../model/scan/result';
import { inspectFile } from '../pdf/inspect';
import { importOne, type ImportSource } from './import';
export { readSource, type ImportSource } from './import';
import { availableParallelism } from 'node:os';
import { mapLimited } from '../concurrency';
import { exists, readVaultFile, recordVerified, vaultPath } from './vault';
import { CACHE_DIR, projectCache } from '../cache/project';
export { readVaultFile, sha256Of, storeInVault, vaultPath, verifyVault } from './vault';
import { normalisePageChoice } from './pages';
import { LAST_GOOD_FILE, keepLastGood } from './restore';

export interface Project {
  dir: string;
  doc: ProjectDoc;
}

import { MAX_IMPORT_BYTES } from '../model/limits';
export { MAX_IMPORT_BYTES };

const documentCodes = {
  corrupt: 'project.corrupt',
  invalid: 'project.invalid',
  newer: { code: 'project.newerVersion', supported: PROJECT_SCHEMA_VERSION },
} as const;

export function projectFile(dir: string): string {
  return join(dir, PROJECT_FILE);
}
export function outputDir(dir: string): string {
  return join(dir, OUTPUT_DIR);
}

/** Create a new project folder for a rule pack. Refuses a folder that already holds a project. */
export async function createProject(
  dirInput: string,
  init: { ruleId: string; ruleVersion: string; name?: string; now?: Date },
): Promise<Project> {
  const dir = resolve(dirInput);
  const file = projectFile(dir);
  await assertProjectLayout(dir);
  if (await exists(file)) throw new UserError('project.exists', { file });
  try {
    await mkdir(join(dir, VAULT_DIR), { recursive: true });
    await mkdir(join(dir, OUTPUT_DIR), { recursive: true });
  } catch (error) {
    throw toUserError(error, dir);
  }
  // mkdir succeeds on a vault/ that is a link to elsewhere: check again now they exist.
  await assertProjectLayout(dir);
  const now = (init.now ?? new Date()).toISOString();
  const doc: ProjectDoc = ProjectDocSchema.parse({
    schemaVersion: PROJECT_SCHEMA_VERSION,
    id: randomUUID(),
    name: init.name?.trim() || basename(dir),
    rulePack: { id: init.ruleId, version: init.ruleVersion },
    fields: {},
    materials: {},
    bindOptions: {},
    history: [],
    createdAt: now,
    updatedAt: now,
  });
  await writeFileAtomic(file, JSON.stringify(doc, null, 2) + '\n');
  return { dir, doc };
}

/** Read and validate `matprep.json`. A missing, corrupt or invalid file is a UserError; nothing is overwritten. */
async function readProject(dir: string): Promise<Project> {
  const file = projectFile(dir);
  await assertProjectLayout(dir);
  if (!(await exists(file))) throw new UserError('project.notFound', { dir });
  const db = await openDocument<ProjectDoc | null>(file, ProjectDocSchema, null, documentCodes);
  if (!db.data) throw new UserError('project.notFound', { dir });
  return { dir, doc: db.data };
}

/** The names the record is written under: itself and its last-good copy (./restore.ts). */
const RECORD_NAMES = new RegExp(`^(${[PROJECT_FILE, LAST_GOOD_FILE].map((n) => n.replaceAll('.', '\\.')).join('|')})$`);

/** Open an existing project (see readProject), sweeping temp files a killed writer left behind. */
export async function openProject(dirInput: string): Promise<Project> {
  const project = await readProject(resolve(dirInput));
  // A temp file is never the real document, so it can go; done on open, not on every edit. Only the
  // names our own writes make: the record's and its last-good copy's, and vault files' (named by sha256).
  await sweepTempFiles(project.dir, RECORD_NAMES);
  await sweepTempFiles(join(project.dir, VAULT_DIR), /^[0-9a-f]{64}$/);
  await sweepTempFiles(join(project.dir, OUTPUT_DIR));
  // Derived files (a prepared image, a flattened photo and its corners, a packet kept as submitted,
  // a reading): their folders can be large, and a process only leaves its own temp files behind when
  // it is killed, so once per folder and process is enough.
  if (!sweptDerived.has(project.dir)) {
    sweptDerived.add(project.dir);
    await sweepDerived(join(project.dir, CACHE_DIR), /^[0-9a-f]{64}$/);
    await sweepDerived(join(project.dir, SCANS_DIR), /^[0-9a-f]{64}\.(json|[0-9a-f]+\.jpg)$/);
    await sweepDerived(join(project.dir, SUBMITTED_DIR), /^[0-9a-f]{64}\.pdf$/);
    await sweepDerived(join(project.dir, READINGS_DIR), /^[0-9a-f]{64}\.[a-z-]+\.json$/);
  }
  await sweepLockLeftovers(project.dir);
  return project;
}

const sweptDerived = new Set<string>();

/** Sweep a folder of derived files only when it is a real folder: a received project's link is not followed. */
async function sweepDerived(folder: string, names: RegExp): Promise<void> {
  const info = await lstat(folder).catch(() => null);
  if (info?.isDirectory()) await sweepTempFiles(folder, names);
}

const queues = new Map<string, Promise<unknown>>();

/** Run `task` after every earlier update of the same folder has finished. */
function serialise<T>(dir: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(dir) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(task);
  queues.set(dir, next);
  void next
    .finally(() => {
      if (queues.get(dir) === next) queues.delete(dir);
    })
    .catch(() => undefined);
  return next;
}

/**
 * Apply `mutate` to the current document and save it. `mutate` may be async and may throw a
 * UserError, in which case nothing is written. The read → change → write runs under the project's
 * lock file (`fs/lock.ts`), so the app and `matprep` commands on the same folder never overwrite each
 * other's change; the document is read only once the lock is held, so a change made underneath is
 * always seen. Slow work (reading, converting, inspecting imports) belongs before this call.
 * `afterWrite` runs still holding the lock (removing a vault file nothing refers to any more).
 */
export function updateProject(
  dirInput: string,
  mutate: (doc: ProjectDoc, dir: string) => void | Promise<void>,
  now: () => Date = () => new Date(),
  afterWrite?: (project: Project) => Promise<void>,
): Promise<Project> {
  const dir = resolve(dirInput);
  return serialise(dir, () =>
    withFolderLock(dir, async () => {
      const { doc } = await readProject(dir);
      // What was just read is sound: kept, so a record damaged later can be restored (restore.ts).
      await keepLastGood(dir, JSON.stringify(doc, null, 2) + '\n');
      await mutate(doc, dir);
      doc.updatedAt = now().toISOString();
      const checked = ProjectDocSchema.parse(doc);
      await writeFileAtomic(projectFile(dir), JSON.stringify(checked, null, 2) + '\n');
      const project = { dir, doc: checked };
      await afterWrite?.(project);
      return project;
    }),
  );
}

export function materialEntry(doc: ProjectDoc, materialId: string): MaterialEntry {
  let entry = doc.materials[materialId];
  if (!entry) {
    entry = { files: [], confirmations: [] };
    doc.materials[materialId] = entry;
  }
  return entry;
}

/**
 * Import files into a material: each is read, converted if it is WebP/TIFF/GIF, inspected (type sniffed
 * from content, pages counted, damaged or locked files refused with a clear message) and copied into
 * the vault — all before the project lock is taken, so another writer waits only for the attach —
 * several files at a time, up to the cores. One bad file leaves the project unchanged and removes the
 * vault copies this import made.
 */
export async function addFiles(
  dirInput: string,
  materialId: string,
  sources: ImportSource[],
  opts: { part?: string; password?: string; now?: () => Date } = {},
): Promise<Project> {
  const now = opts.now ?? (() => new Date());
  const dir = resolve(dirInput);
  await readProject(dir); // a missing or broken project is refused before any file is read
  // Vault copies made by this import; removed again if it fails, so a refused batch leaves no trace.
  const fresh: string[] = [];
  try {
    const imported = await mapLimited(sources, Math.max(2, availableParallelism()), (source) =>
      importOne(dir, source, opts.password, fresh),
    );
    const refs = imported.map(({ file, sha256 }): FileRef => ({
      id: randomUUID(),
      sha256,
      ...file,
      addedAt: now().toISOString(),
      part: opts.part,
      rotate: 0,
    }));
    return await updateProject(
      dir,
      async (doc) => {
        // Another writer may have removed a copy it saw unreferenced between our store and this lock.
        for (const { restore } of imported) await restore();
        materialEntry(doc, materialId).files.push(...refs);
      },
      now,
      // The import just hashed these files: the first bind need not hash them again.
      async (project) => {
        const cache = projectCache(project.dir);
        for (const { sha256 } of imported) await recordVerified(project.dir, sha256, cache);
      },
    );
  } catch (error) {
    await removeUnreferenced(dir, fresh);
    throw error;
  }
}

/** Remove vault files no attached file refers to, under the lock (another import may just have attached one). */
async function removeUnreferenced(dir: string, candidates: string[]): Promise<void> {
  if (!candidates.length) return;
  await serialise(dir, () =>
    withFolderLock(dir, async () => {
      const doc = await readProject(dir).then(
        (p) => p.doc,
        () => undefined,
      );
      const orphans = candidates.filter((sha256) => !doc || !isReferenced(doc, sha256));
      await Promise.all(orphans.map((sha256) => rm(vaultPath(dir, sha256), { force: true })));
    }),
  ).catch(() => undefined);
}

function findFile(doc: ProjectDoc, materialId: string, fileId: string): { entry: MaterialEntry; index: number } {
  const entry = doc.materials[materialId];
  const index = entry ? entry.files.findIndex((f) => f.id === fileId) : -1;
  if (!entry || index < 0) throw new UserError('project.fileNotAttached', { material: materialId, fileId });
  return { entry, index };
}

function isReferenced(doc: ProjectDoc, sha256: string): boolean {
  return Object.values(doc.materials).some((m) => m.files.some((f) => f.sha256 === sha256));
}

/** Detach a file; its vault copy goes too once nothing refers to it (the user's original is elsewhere). */
export async function removeFile(dirInput: string, materialId: string, fileId: string): Promise<Project> {
  let orphan: string | undefined;
  return updateProject(
    dirInput,
    (doc) => {
      const { entry, index } = findFile(doc, materialId, fileId);
      const [removed] = entry.files.splice(index, 1);
      if (!isReferenced(doc, removed.sha256)) orphan = removed.sha256;
    },
    undefined,
    async (project) => {
      if (orphan) await rm(vaultPath(project.dir, orphan), { force: true });
    },
  );
}

export function moveFile(dirInput: string, materialId: string, fileId: string, toIndex: number): Promise<Project> {
  return updateProject(dirInput, (doc) => {
    const { entry, index } = findFile(doc, materialId, fileId);
    const [file] = entry.files.splice(index, 1);
    entry.files.splice(Math.min(toIndex, entry.files.length), 0, file);
  });
}

export function updateFile(
  dirInput: string,
  materialId: string,
  fileId: string,
  change: { part?: string | null; rotate?: 0 | 90 | 180 | 270; password?: string; scan?: ScanChoice | null },
): Promise<Project> {
  return updateProject(dirInput, async (doc, dir) => {
    const { entry, index } = findFile(doc, materialId, fileId);
    const file = entry.files[index];
    if (change.part !== undefined) file.part = change.part ?? undefined;
    // A photo's corners placed by hand, or the original kept (`off`); null goes back to what was detected.
    if (change.scan !== undefined) file.scan = change.scan ?? undefined;
    if (change.rotate !== undefined) file.rotate = change.rotate;
    if (change.password !== undefined) {
      // Check the password now, so a wrong one is reported here rather than at bind time.
      const info = await inspectFile(await readVaultFile(dir, file), file.name, { password: change.password });
      file.password = change.password;
      file.pages = info.pages;
    }
  });
}

/**
 * Choose which pages of a PDF are bound, in which order, and turn single pages (see pages.ts).
 * Only the FileRef changes; the vault file stays as imported. An invalid choice changes nothing.
 */
export function setFilePages(
  dirInput: string,
  materialId: string,
  fileId: string,
  change: { order: number[]; rotate?: Record<string, 0 | 90 | 180 | 270> },
): Promise<Project> {
  return updateProject(dirInput, (doc) => {
    const { entry, index } = findFile(doc, materialId, fileId);
    const file = entry.files[index];
    const { pageOrder, pageRotate } = normalisePageChoice(file, { order: change.order, rotate: change.rotate ?? {} });
    delete file.pageOrder;
    delete file.pageRotate;
    if (pageOrder) file.pageOrder = pageOrder;
    if (pageRotate) file.pageRotate = pageRotate;
  });
}
